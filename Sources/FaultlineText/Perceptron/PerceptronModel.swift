/// A trained averaged perceptron, read-only: hashed features → sparse per-class weights.
///
///     let scores = model.scores(features)   // one value per class, in `classes` order
///
/// Invariant: `starts` has one more element than `keys`; the entries of feature `keys[r]` are
/// `entryClasses[starts[r]..<starts[r+1]]` with their weights.
public struct PerceptronModel: Sendable {
    public let classes: [String]
    let keys: [UInt64]
    let starts: [UInt32]
    let entryClasses: [UInt16]
    let entryWeights: [Float]
    private let table: FeatureTable

    /// `keys` are reduced to their low 32 bits (never 0), the form they take in the file.
    init(classes: [String], keys: [UInt64], starts: [UInt32], entryClasses: [UInt16], entryWeights: [Float]) {
        self.classes = classes
        let keys = keys.map(Self.short)
        self.keys = keys
        self.starts = starts
        self.entryClasses = entryClasses
        self.entryWeights = entryWeights
        var table = FeatureTable(capacity: keys.count)
        for (row, key) in keys.enumerated() where table.find(key) < 0 { table.insert(key, Int32(row)) }
        self.table = table
    }

    @inline(__always)
    static func short(_ key: UInt64) -> UInt64 {
        let k = key & 0xFFFF_FFFF
        return k == 0 ? 1 : k
    }

    public var classCount: Int { classes.count }
    public var featureCount: Int { keys.count }
    public var entryCount: Int { entryClasses.count }

    /// Adds the weights of the present features into `scores` (zeroed first).
    @inline(__always)
    public func score(_ features: [UInt64], into scores: inout [Float]) {
        for i in 0..<scores.count { scores[i] = 0 }
        entryClasses.withUnsafeBufferPointer { ec in
            entryWeights.withUnsafeBufferPointer { ew in
                starts.withUnsafeBufferPointer { st in
                    scores.withUnsafeMutableBufferPointer { out in
                        for f in features {
                            let row = table.find(Self.short(f))
                            if row < 0 { continue }
                            let a = Int(st[Int(row)])
                            let b = Int(st[Int(row) + 1])
                            for e in a..<b { out[Int(ec[e])] += ew[e] }
                        }
                    }
                }
            }
        }
    }

    public func scores(_ features: [UInt64]) -> [Float] {
        var out = [Float](repeating: 0, count: classes.count)
        score(features, into: &out)
        return out
    }

    // MARK: Binary form

    /// Appends the model to `writer`: classes, 32-bit keys, row lengths, classes and weights
    /// quantised to 16 bits. (32-bit keys: with a few million features a collision is unlikely
    /// and costs one feature's weights, while the file shrinks by a third.)
    public func write(to writer: inout BinaryWriter) {
        writer.stringArray(classes)
        writer.u32(UInt32(keys.count))
        writer.u32(UInt32(entryClasses.count))
        let maxAbs = entryWeights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        writer.f32(scale)
        for k in keys { writer.u32(UInt32(truncatingIfNeeded: k)) }
        let narrow = classes.count <= 255
        for r in 0..<keys.count {
            let length = UInt16(starts[r + 1] - starts[r])
            if narrow { writer.u8(UInt8(length)) } else { writer.u16(length) }
        }
        for c in entryClasses { if narrow { writer.u8(UInt8(c)) } else { writer.u16(c) } }
        for w in entryWeights { writer.u16(UInt16(bitPattern: Int16((w / scale).rounded()))) }
    }

    /// Reads a model written by `write(to:)`.
    public static func read(from reader: inout BinaryReader) throws -> PerceptronModel {
        let classes = try reader.stringArray()
        let featureCount = Int(try reader.u32())
        let entryCount = Int(try reader.u32())
        let scale = try reader.f32()
        guard featureCount <= reader.remaining / 10, entryCount <= reader.remaining else {
            throw ModelFileError.corrupt("perceptron sizes exceed the file")
        }
        var keys = [UInt64](repeating: 0, count: featureCount)
        for i in 0..<featureCount { keys[i] = UInt64(try reader.u32()) }
        let narrow = classes.count <= 255
        var starts = [UInt32](repeating: 0, count: featureCount + 1)
        for i in 0..<featureCount { starts[i + 1] = starts[i] + UInt32(narrow ? UInt16(try reader.u8()) : try reader.u16()) }
        guard Int(starts[featureCount]) == entryCount else { throw ModelFileError.corrupt("row lengths do not add up") }
        var entryClasses = [UInt16](repeating: 0, count: entryCount)
        for i in 0..<entryCount {
            entryClasses[i] = narrow ? UInt16(try reader.u8()) : try reader.u16()
            guard Int(entryClasses[i]) < classes.count else { throw ModelFileError.corrupt("class out of range") }
        }
        var entryWeights = [Float](repeating: 0, count: entryCount)
        for i in 0..<entryCount { entryWeights[i] = Float(Int16(bitPattern: try reader.u16())) * scale }
        return PerceptronModel(classes: classes, keys: keys, starts: starts, entryClasses: entryClasses, entryWeights: entryWeights)
    }
}
