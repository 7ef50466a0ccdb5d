import Foundation

/// Tags words with UPOS and XPOS at once (one class per pair seen in training), greedily left
/// to right with an averaged perceptron, in two passes: the second sees the first pass's tags
/// to the right. Frequent unambiguous words take their only tag without scoring; every word
/// seen in training also brings its ambiguity class (the set of tags it had).
///
///     let tags = tagger.tag(words.map(WordKeys.init))   // class ids; tagger.upos[c], tagger.xpos[c]
public struct PartOfSpeechTagger: Sendable {
    /// The first, left-context-only pass.
    public let model: PerceptronModel
    /// The second pass, which also sees the first pass's tags to the right.
    public let second: PerceptronModel
    /// Frequent unambiguous words (by exact form hash) → their class.
    let fixed: [UInt64: Int32]
    /// Lowercased word hash → hash of its ambiguity class in training.
    let lexicon: [UInt64: UInt64]
    /// `fixed` and `lexicon` for lookups.
    let fixedLookup: PrehashedMap<Int32>
    let lexiconLookup: PrehashedMap<UInt64>
    public let upos: [String]
    public let xpos: [String]
    /// Hash of each class name ("UPOS\tXPOS"): what the parser and recogniser see of a tag.
    public let classKeys: [UInt64]
    /// Hash of each class's UPOS alone: the parser's coarse tag.
    public let coarseKeys: [UInt64]

    init(model: PerceptronModel, second: PerceptronModel, fixed: [UInt64: Int32], lexicon: [UInt64: UInt64]) {
        self.model = model
        self.second = second
        self.fixed = fixed
        self.lexicon = lexicon
        fixedLookup = PrehashedMap(fixed)
        lexiconLookup = PrehashedMap(lexicon)
        upos = model.classes.map { String($0.split(separator: "\t", omittingEmptySubsequences: false).first ?? "X") }
        xpos = model.classes.map { String($0.split(separator: "\t", omittingEmptySubsequences: false).last ?? "_") }
        classKeys = model.classes.map { FeatureHash.string($0) }
        coarseKeys = upos.map { FeatureHash.string($0) }
        pastRemap = Self.pastRemap(model.classes)
    }

    /// A rare "-ed" word that training saw only as a past participle ("attacked", 4 times in
    /// EWT, all passive) or only as a past tense is read with the ambiguity class of the words
    /// seen as both: news writes "Russia attacked Kharkiv", and the single-tag class had the
    /// tagger read it as a participle whatever its context.
    let pastRemap: [UInt64: UInt64]
    static let edSuffix = WordKeys("ed").suffix2

    static func pastRemap(_ classes: [String]) -> [UInt64: UInt64] {
        guard let vbd = classes.firstIndex(of: "VERB\tVBD"), let vbn = classes.firstIndex(of: "VERB\tVBN") else { return [:] }
        var remap: [UInt64: UInt64] = [:]
        for frequent in [false, true] {
            let both = ambiguityHash([vbd, vbn], frequent: frequent)
            remap[ambiguityHash([vbd], frequent: frequent)] = both
            remap[ambiguityHash([vbn], frequent: frequent)] = both
        }
        return remap
    }

    /// A word's ambiguity class as training hashes it: the class ids it had, sorted, and whether
    /// it was seen 5 times or more.
    static func ambiguityHash(_ ids: [Int], frequent: Bool) -> UInt64 {
        var h: UInt64 = 0x51
        for t in ids.sorted() { h = FeatureHash.mix(h, UInt64(t)) }
        return FeatureHash.mix(h, frequent ? 1 : 0)
    }

    /// Class ids, one per word.
    public func tag(_ words: [WordKeys]) -> [Int] {
        let ambiguity = words.map { w -> UInt64 in
            let a = lexiconLookup[w.lower] ?? 0
            return w.suffix2 == Self.edSuffix ? pastRemap[a] ?? a : a
        }
        let first = Self.pass(model, words, ambiguity, right: nil, fixed: fixedLookup)
        return Self.pass(second, words, ambiguity, right: first.tags, fixed: fixedLookup, keep: first.sure).tags
    }

    /// A first-pass tag that beats its runner-up by more than this is kept without a second
    /// look: on EWT dev, 40 leaves LAS unchanged and UPOS 0.02 lower while the second pass
    /// scores far fewer words (the language layer runs about a tenth faster).
    static let sureMargin: Float = 40

    /// One greedy pass. The first (no `right`) also says which tags lead their runner-up by
    /// more than `sureMargin`; the second keeps `right`'s tag for the words `keep` marks.
    static func pass(
        _ model: PerceptronModel, _ words: [WordKeys], _ ambiguity: [UInt64], right: [Int]?, fixed: PrehashedMap<Int32>, keep: [Bool]? = nil
    ) -> (tags: [Int], sure: [Bool]) {
        var tags = [Int](repeating: 0, count: words.count)
        var sure = [Bool](repeating: false, count: right == nil ? words.count : 0)
        var scores = [Float](repeating: 0, count: model.classCount)
        var features: [UInt64] = []
        features.reserveCapacity(48)
        for i in 0..<words.count {
            if let c = fixed[words[i].form] {
                tags[i] = Int(c)
                continue
            }
            if let right, let keep, keep[i] {
                tags[i] = right[i]
                continue
            }
            Self.features(words, ambiguity, i, tags, right, into: &features)
            model.score(features, into: &scores)
            tags[i] = Self.argmax(scores)
            if right == nil {
                var next = -Float.infinity
                for (c, s) in scores.enumerated() where c != tags[i] && s > next { next = s }
                sure[i] = scores[tags[i]] - next > Self.sureMargin
            }
        }
        return (tags, sure)
    }

    @inline(__always)
    static func argmax(_ scores: [Float]) -> Int {
        var best = 0
        var bestScore = -Float.infinity
        for (i, s) in scores.enumerated() where s > bestScore {
            best = i
            bestScore = s
        }
        return best
    }

    /// The feature templates. `tags` holds the tags already chosen to the left of `i`.
    @inline(__always)
    static func features(_ words: [WordKeys], _ ambiguity: [UInt64], _ i: Int, _ tags: [Int], _ right: [Int]?, into f: inout [UInt64]) {
        f.removeAll(keepingCapacity: true)
        KeyBuffer.append(to: &f, capacity: 96) { b in
            let w = words[i]
            let p1 = i >= 1 ? words[i - 1] : WordKeys.start
            let p2 = i >= 2 ? words[i - 2] : WordKeys.start
            let n1 = i + 1 < words.count ? words[i + 1] : WordKeys.end
            let n2 = i + 2 < words.count ? words[i + 2] : WordKeys.end
            let t1 = UInt64(i >= 1 ? tags[i - 1] + 1 : 0)
            let t2 = UInt64(i >= 2 ? tags[i - 2] + 1 : 0)
            typealias H = FeatureHash
            b.put(H.key(1, 0))
            b.put(H.key(2, w.form))
            b.put(H.key(3, w.lower))
            b.put(H.key(4, w.suffix1))
            b.put(H.key(5, w.suffix2))
            b.put(H.key(6, w.suffix3))
            b.put(H.key(7, w.suffix4))
            b.put(H.key(8, w.prefix1))
            b.put(H.key(9, w.prefix2))
            b.put(H.key(10, w.prefix3))
            b.put(H.key(11, w.shape))
            b.put(H.key(12, w.flags))
            b.put(H.key(13, t1))
            b.put(H.key(14, t1, t2))
            b.put(H.key(15, t1, w.lower))
            b.put(H.key(16, p1.lower))
            b.put(H.key(17, p1.suffix3))
            b.put(H.key(18, p2.lower))
            b.put(H.key(19, n1.lower))
            b.put(H.key(20, n1.suffix3))
            b.put(H.key(21, n2.lower))
            b.put(H.key(22, n1.shape))
            b.put(H.key(23, p1.lower, w.lower))
            b.put(H.key(24, w.lower, n1.lower))
            b.put(H.key(25, t1, n1.lower))
            b.put(H.key(26, t1, w.suffix3))
            b.put(H.key(27, n1.flags, w.flags))
            b.put(H.key(28, i == 0 ? 1 : 0, w.flags))
            b.put(H.key(29, n1.suffix2))
            b.put(H.key(30, p1.shape, w.shape))
            let a0 = ambiguity[i]
            let a1 = i + 1 < words.count ? ambiguity[i + 1] : 1
            let am1 = i >= 1 ? ambiguity[i - 1] : 1
            b.put(H.key(31, a0))
            b.put(H.key(32, a0, a1))
            b.put(H.key(33, t1, a0))
            b.put(H.key(34, a0, w.suffix2))
            b.put(H.key(35, am1, a0))
            b.put(H.key(36, a1))
            b.put(H.key(37, p1.suffix2, w.suffix3))
            b.put(H.key(38, w.suffix3, n1.prefix2))
            b.put(H.key(39, n2.suffix3))
            b.put(H.key(46, t1, a1))
            b.put(H.key(47, p1.form))
            b.put(H.key(48, n1.form))
            // Word groups from GloVe: an unseen word's group says what kind of word it is.
            b.put(H.key(50, w.cluster1024))
            b.put(H.key(51, w.cluster256))
            b.put(H.key(52, n1.cluster256))
            b.put(H.key(53, p1.cluster256))
            b.put(H.key(54, t1, w.cluster256))
            b.put(H.key(55, w.cluster1024, a0))
            if let right {
                let r1 = UInt64(i + 1 < words.count ? right[i + 1] + 1 : 0)
                let r2 = UInt64(i + 2 < words.count ? right[i + 2] + 1 : 0)
                b.put(H.key(40, r1))
                b.put(H.key(41, r1, r2))
                b.put(H.key(42, t1, r1))
                b.put(H.key(43, r1, w.lower))
                b.put(H.key(44, r1, a0))
                b.put(H.key(45, r1, w.suffix3))
            }
        }
    }
}

extension PartOfSpeechTagger {
    static let fileKind = "pos-tagger"

    /// The model file's bytes.
    public func serialized() -> Data {
        var w = BinaryWriter()
        w.header(kind: Self.fileKind)
        model.write(to: &w)
        second.write(to: &w)
        w.u32(UInt32(lexicon.count))
        for (k, a) in lexicon.sorted(by: { $0.key < $1.key }) {
            w.u64(k)
            w.u64(a)
        }
        w.u32(UInt32(fixed.count))
        for (k, c) in fixed.sorted(by: { $0.key < $1.key }) {
            w.u64(k)
            w.u16(UInt16(c))
        }
        return w.data
    }

    /// Reads a model file written by `serialized()`.
    public init(data: Data) throws {
        var r = BinaryReader(data: data)
        _ = try r.header(kind: Self.fileKind)
        let model = try PerceptronModel.read(from: &r)
        let second = try PerceptronModel.read(from: &r)
        let lexiconCount = Int(try r.u32())
        guard lexiconCount <= r.remaining / 16 else { throw ModelFileError.corrupt("lexicon of \(lexiconCount) entries") }
        var lexicon: [UInt64: UInt64] = [:]
        lexicon.reserveCapacity(lexiconCount)
        for _ in 0..<lexiconCount { lexicon[try r.u64()] = try r.u64() }
        let n = Int(try r.u32())
        guard n <= r.remaining / 10 else { throw ModelFileError.corrupt("tag dictionary of \(n) entries") }
        var fixed: [UInt64: Int32] = [:]
        fixed.reserveCapacity(n)
        for _ in 0..<n {
            let k = try r.u64()
            let c = try r.u16()
            guard Int(c) < model.classCount else { throw ModelFileError.corrupt("tag dictionary class out of range") }
            fixed[k] = Int32(c)
        }
        self.init(model: model, second: second, fixed: fixed, lexicon: lexicon)
    }
}
