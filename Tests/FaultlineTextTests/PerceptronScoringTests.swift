import Testing
@testable import FaultlineText

/// The scoring table stores rows three ways (inline in the slot, packed, dense) and prefetches
/// before it adds; whatever the layout, a score must be the plain sum of the present features'
/// weights.
@Suite("Perceptron scoring")
struct PerceptronScoringTests {
    static let classCount = 40
    /// Row lengths covering every layout: inline (1–3), packed (4–31), dense (32 and more).
    static let lengths = [1, 2, 3, 4, 5, 17, 31, 32, 40, 3, 1, 12]

    /// Rows keyed 101, 102, …; weights are integers with the largest at 32767, so the 16-bit
    /// quantisation keeps them exactly.
    static func model() -> (PerceptronModel, [UInt64: [Int: Float]]) {
        var keys: [UInt64] = []
        var starts: [UInt32] = [0]
        var classes: [UInt16] = []
        var weights: [Float] = []
        var expected: [UInt64: [Int: Float]] = [:]
        for (r, length) in lengths.enumerated() {
            let key = UInt64(101 + r)
            keys.append(key)
            for j in 0..<length {
                let c = (r * 7 + j * 3) % classCount
                guard expected[key]?[c] == nil else { continue }
                let w = Float((r + 1) * 100 + j) * (j % 2 == 0 ? 1 : -1)
                classes.append(UInt16(c))
                weights.append(w)
                expected[key, default: [:]][c] = w
            }
            starts.append(UInt32(classes.count))
        }
        // One weight at the quantisation's full scale.
        keys.append(999)
        classes.append(5)
        weights.append(32767)
        starts.append(UInt32(classes.count))
        expected[999] = [5: 32767]
        let names = (0..<classCount).map { "c\($0)" }
        return (PerceptronModel(classes: names, keys: keys, starts: starts, entryClasses: classes, entryWeights: weights), expected)
    }

    static func naive(_ features: [UInt64], _ expected: [UInt64: [Int: Float]]) -> [Float] {
        var out = [Float](repeating: 0, count: classCount)
        for f in features { for (c, w) in expected[f] ?? [:] { out[c] += w } }
        return out
    }

    @Test("every row layout adds its weights; absent features add nothing; repeats add twice")
    func scoresAreTheSumOfPresentRows() {
        let (model, expected) = Self.model()
        let present = Array(expected.keys).sorted()
        let cases: [[UInt64]] = [
            present,
            present.reversed(),
            [7, 8, 9],  // none present
            [],
            [101, 101, 108, 108, 5_000_000],  // repeats and an absent key
            present + present.map { $0 &* 0x9E37_79B9 },  // present ones among absent ones
        ]
        for features in cases {
            #expect(model.scores(features) == Self.naive(features, expected), "features \(features)")
        }
    }

    @Test("sums added in parts equal the sum of the whole, as the parser's kept sums need")
    func partialSumsAddUp() {
        let (model, _) = Self.model()
        let a: [UInt64] = [101, 104, 108, 999]
        let b: [UInt64] = [102, 107, 109, 112, 3]
        var sums = [Int32](repeating: 0, count: Self.classCount)
        sums.withUnsafeMutableBufferPointer { s in
            model.add(a, into: s.baseAddress!)
            model.add(b, into: s.baseAddress!)
        }
        var parts = [Float](repeating: 0, count: Self.classCount)
        sums.withUnsafeBufferPointer { model.finish($0.baseAddress!, into: &parts) }
        #expect(parts == model.scores(a + b))
    }

    @Test("a model written and read back scores the same")
    func roundTripKeepsScores() throws {
        let (model, expected) = Self.model()
        var writer = BinaryWriter()
        model.write(to: &writer)
        var reader = BinaryReader(data: writer.data)
        let back = try PerceptronModel.read(from: &reader)
        let features = Array(expected.keys) + [1, 2, 3]
        #expect(back.scores(features) == model.scores(features))
    }
}

@Suite("Pre-hashed map")
struct PrehashedMapTests {
    @Test("finds every key, including 0 and the value standing in for it, and nothing else")
    func findsEveryKey() {
        var dictionary: [UInt64: Int] = [0: -1, 1: 1, UInt64.max: 2]
        var state: UInt64 = 42
        for i in 0..<5_000 {
            state = FeatureHash.mix(state, UInt64(i))
            dictionary[state] = i
        }
        let map = PrehashedMap(dictionary)
        for (key, value) in dictionary { #expect(map[key] == value) }
        #expect(map[2] == nil)
        #expect(map[12_345] == nil)
        #expect(PrehashedMap([UInt64: Int]())[0] == nil)
    }
}
