/// A trained averaged perceptron, read-only: hashed features → sparse per-class weights.
///
///     model.score(features, into: &scores)   // one value per class, in `classes` order
///
/// Layout for speed: one open-addressing array of slots, each packing a feature's 32-bit key
/// with where its row starts and how long it is, and one array of packed entries (class in the
/// high 16 bits, 16-bit quantised weight in the low ones). Scoring a feature costs two memory
/// reads. Invariants: key 0 marks an empty slot (keys are never 0); stored rows hold 1…255
/// entries and start below 2^24.
public struct PerceptronModel: Sendable {
    public let classes: [String]
    private let slots: [UInt64]
    private let mask: Int
    private let entries: [UInt32]
    private let scale: Float
    public let featureCount: Int

    /// Builds a model from rows: `keys[r]` has entries `starts[r]..<starts[r+1]`.
    init(classes: [String], keys: [UInt64], starts: [UInt32], entryClasses: [UInt16], entryWeights: [Float]) {
        let maxAbs = entryWeights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        let quantised = entryWeights.map { Int16(($0 / scale).rounded()) }
        self.init(classes: classes, keys: keys.map(Self.short), starts: starts, entryClasses: entryClasses, quantised: quantised, scale: scale)
    }

    private init(classes: [String], keys: [UInt64], starts: [UInt32], entryClasses: [UInt16], quantised: [Int16], scale: Float) {
        self.classes = classes
        self.scale = scale
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        var stored = 0
        for (r, key) in keys.enumerated() {
            let start = UInt64(starts[r])
            let length = UInt64(starts[r + 1] - starts[r])
            precondition(length <= 255 && start < 1 << 24, "perceptron row too long or too far")
            if length == 0 { continue }  // scoring reads every stored row's first entry
            var i = Int(truncatingIfNeeded: key) & mask
            var duplicate = false
            while slots[i] != 0 {
                if slots[i] >> 32 == key { duplicate = true; break }
                i = (i + 1) & mask
            }
            if duplicate { continue }  // a 32-bit collision: the first feature keeps the key
            slots[i] = key << 32 | start << 8 | length
            stored += 1
        }
        self.slots = slots
        self.mask = mask
        featureCount = stored
        var entries = [UInt32](repeating: 0, count: entryClasses.count)
        for i in entries.indices { entries[i] = UInt32(entryClasses[i]) << 16 | UInt32(UInt16(bitPattern: quantised[i])) }
        self.entries = entries
    }

    @inline(__always)
    static func short(_ key: UInt64) -> UInt64 {
        let k = key & 0xFFFF_FFFF
        return k == 0 ? 1 : k
    }

    public var classCount: Int { classes.count }
    public var entryCount: Int { entries.count }

    /// The stored features as (key, first entry, entry count), in entry order: the row form
    /// the file holds, read back from the slots.
    private var rows: [(key: UInt64, start: Int, length: Int)] {
        slots.filter { $0 != 0 }
            .map { (key: $0 >> 32, start: Int(($0 >> 8) & 0xFF_FFFF), length: Int($0 & 0xFF)) }
            .sorted { $0.start < $1.start }
    }

    /// The model keeping only its `maxEntries` largest weights (by magnitude; all of a row's
    /// entries go when none is left): a smaller, faster model, whose loss `train … --max-weights`
    /// users can measure without retraining.
    public func pruned(maxEntries: Int) -> PerceptronModel {
        guard entries.count > maxEntries, maxEntries > 0 else { return self }
        let magnitude = { (e: UInt32) in abs(Int(Int16(bitPattern: UInt16(truncatingIfNeeded: e)))) }
        let limit = entries.map(magnitude).sorted(by: >)[maxEntries]
        var keys: [UInt64] = []
        var starts: [UInt32] = [0]
        var classes: [UInt16] = []
        var quantised: [Int16] = []
        for r in rows {
            let kept = entries[r.start..<(r.start + r.length)].filter { magnitude($0) > limit }
            guard !kept.isEmpty else { continue }
            keys.append(r.key)
            for e in kept {
                classes.append(UInt16(e >> 16))
                quantised.append(Int16(bitPattern: UInt16(truncatingIfNeeded: e)))
            }
            starts.append(UInt32(classes.count))
        }
        return PerceptronModel(classes: self.classes, keys: keys, starts: starts, entryClasses: classes, quantised: quantised, scale: scale)
    }

    /// Adds the weights of the present features into `scores` (zeroed first).
    ///
    /// In three phases, because the tables are larger than the caches and each feature costs
    /// two dependent memory reads (its slot, then its row): first every feature's home slot is
    /// read, then every row's first entry, then the rows are added up. Within a phase the
    /// reads are independent, so the processor overlaps their cache misses instead of waiting
    /// for each in turn. Sums are kept as integers and scaled once at the end.
    @inline(__always)
    public func score(_ features: [UInt64], into scores: inout [Float]) {
        let count = scores.count
        let n = features.count
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(2 * n, 1)) { buffer in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(count, 1)) { sums in
                for i in 0..<count { sums[i] = 0 }
                slots.withUnsafeBufferPointer { table in
                    entries.withUnsafeBufferPointer { rows in
                        features.withUnsafeBufferPointer { keys in
                            // Phase 1: home slots.
                            for k in 0..<n { buffer[k] = table[Int(truncatingIfNeeded: Self.short(keys[k])) & mask] }
                            // Phase 2: each feature's own slot (0 if absent), and its row's first entry.
                            for k in 0..<n {
                                let key = Self.short(keys[k])
                                var slot = buffer[k]
                                var i = Int(truncatingIfNeeded: key) & mask
                                while slot != 0 && slot >> 32 != key {
                                    i = (i + 1) & mask
                                    slot = table[i]
                                }
                                buffer[k] = slot
                                buffer[n + k] = slot == 0 ? 0 : UInt64(rows[Int((slot >> 8) & 0xFF_FFFF)])
                            }
                            // Phase 3: the sums (rows have at least one entry).
                            for k in 0..<n {
                                let slot = buffer[k]
                                if slot == 0 { continue }
                                let first = UInt32(truncatingIfNeeded: buffer[n + k])
                                sums[Int(first >> 16)] &+= Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: first)))
                                let start = Int((slot >> 8) & 0xFF_FFFF)
                                let end = start + Int(slot & 0xFF)
                                var e = start + 1
                                while e < end {
                                    let packed = rows[e]
                                    sums[Int(packed >> 16)] &+= Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: packed)))
                                    e += 1
                                }
                            }
                        }
                    }
                }
                scores.withUnsafeMutableBufferPointer { out in
                    for i in 0..<count { out[i] = Float(sums[i]) * scale }
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

    /// Appends the model to `writer`: classes, 32-bit keys, row lengths, classes and 16-bit
    /// weights. (32-bit keys: with a few million features a collision is unlikely and costs
    /// one feature's weights, while the file shrinks by a third.)
    public func write(to writer: inout BinaryWriter) {
        let rows = self.rows
        writer.stringArray(classes)
        writer.u32(UInt32(rows.count))
        writer.u32(UInt32(rows.reduce(0) { $0 + $1.length }))
        writer.f32(scale)
        for r in rows { writer.u32(UInt32(truncatingIfNeeded: r.key)) }
        let narrow = classes.count <= 255
        for r in rows { if narrow { writer.u8(UInt8(r.length)) } else { writer.u16(UInt16(r.length)) } }
        for r in rows {
            for e in r.start..<(r.start + r.length) {
                let c = UInt16(entries[e] >> 16)
                if narrow { writer.u8(UInt8(c)) } else { writer.u16(c) }
            }
        }
        for r in rows {
            for e in r.start..<(r.start + r.length) { writer.u16(UInt16(truncatingIfNeeded: entries[e])) }
        }
    }

    /// Reads a model written by `write(to:)`.
    public static func read(from reader: inout BinaryReader) throws -> PerceptronModel {
        let classes = try reader.stringArray()
        let featureCount = Int(try reader.u32())
        let entryCount = Int(try reader.u32())
        let scale = try reader.f32()
        guard featureCount <= reader.remaining / 5, entryCount <= reader.remaining / 3, scale.isFinite, scale > 0 else {
            throw ModelFileError.corrupt("perceptron sizes exceed the file")
        }
        var keys = [UInt64](repeating: 0, count: featureCount)
        for i in 0..<featureCount { keys[i] = Self.short(UInt64(try reader.u32())) }
        let narrow = classes.count <= 255
        var starts = [UInt32](repeating: 0, count: featureCount + 1)
        for i in 0..<featureCount {
            let length = UInt32(narrow ? UInt16(try reader.u8()) : try reader.u16())
            guard length <= 255 else { throw ModelFileError.corrupt("a row of \(length) weights") }
            starts[i + 1] = starts[i] + length
        }
        guard Int(starts[featureCount]) == entryCount, entryCount < 1 << 24 else { throw ModelFileError.corrupt("row lengths do not add up") }
        var entryClasses = [UInt16](repeating: 0, count: entryCount)
        for i in 0..<entryCount {
            entryClasses[i] = narrow ? UInt16(try reader.u8()) : try reader.u16()
            guard Int(entryClasses[i]) < classes.count else { throw ModelFileError.corrupt("class out of range") }
        }
        var quantised = [Int16](repeating: 0, count: entryCount)
        for i in 0..<entryCount { quantised[i] = Int16(bitPattern: try reader.u16()) }
        return PerceptronModel(classes: classes, keys: keys, starts: starts, entryClasses: entryClasses, quantised: quantised, scale: scale)
    }
}
