import CPrefetch

/// A trained averaged perceptron, read-only: hashed features → sparse per-class weights.
///
///     model.score(features, into: &scores)   // one value per class, in `classes` order
///
/// Layout for speed: one open-addressing table of 16-byte slots, each holding a feature's
/// 32-bit key and, for the nine in ten features with at most three weights, those weights
/// themselves (class in the high 16 bits, 16-bit quantised weight in the low ones); a longer
/// row's slot says where its entries start in a second array, and the longest rows (the
/// features that fire most: a tag, a tag pair) are also kept dense, all classes, to be added
/// sixteen at a time. Most features thus cost one memory read, not two. Invariants: key 0
/// marks an empty slot (keys are never 0); rows hold 1…255 entries and start below 2^24.
public struct PerceptronModel: Sendable {
    public let classes: [String]
    /// Four words a slot: key, then three inline entries (unused ones are 0, which adds 0 to
    /// class 0), or `longRow`, the row's start and its length, or `denseRow` and the row's
    /// first vector in `dense`.
    private let table: [UInt32]
    private let mask: Int
    /// The rows in file order (keys, and starts with one past the end): what `write` and
    /// `pruned` walk.
    private let rowKeys: [UInt32]
    private let rowStarts: [UInt32]
    private let entries: [UInt32]
    /// The entries of the rows between inline and dense, packed together: scoring reads
    /// only these, so they share cache lines instead of sitting among rows it never reads.
    private let longEntries: [UInt32]
    /// Rows of at least `denseFrom` entries, also stored whole: `width` vectors each (all
    /// classes, padded to a multiple of 16), added sixteen at a time. The features that fire
    /// most (a tag, a tag pair) have rows across most classes.
    private let dense: [SIMD16<Int32>]
    private let width: Int
    private let scale: Float

    private static let longRow: UInt32 = 0xFFFF_FFFF
    private static let denseRow: UInt32 = 0xFFFF_FFFE
    /// From how many entries a row is added as a dense vector (measured by alternating
    /// benchmark runs: 16 and 32 both beat sparse rows by about a tenth; 32 keeps the store small).
    private static let denseFrom = 32

    /// Builds a model from rows: `keys[r]` has entries `starts[r]..<starts[r+1]`.
    init(classes: [String], keys: [UInt64], starts: [UInt32], entryClasses: [UInt16], entryWeights: [Float]) {
        let maxAbs = entryWeights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        let quantised = entryWeights.map { Int16(($0 / scale).rounded()) }
        self.init(classes: classes, keys: keys.map(Self.short), starts: starts, entryClasses: entryClasses, quantised: quantised, scale: scale)
    }

    private init(classes: [String], keys: [UInt64], starts: [UInt32], entryClasses: [UInt16], quantised: [Int16], scale: Float) {
        precondition(classes.count < 0xFFFF, "too many classes")
        self.classes = classes
        self.scale = scale
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var table = [UInt32](repeating: 0, count: 4 * size)
        let mask = size - 1
        var rowKeys: [UInt32] = []
        var rowStarts: [UInt32] = []
        var entries: [UInt32] = []
        var longEntries: [UInt32] = []
        let width = (classes.count + 15) / 16
        var dense: [SIMD16<Int32>] = []
        rowKeys.reserveCapacity(keys.count)
        rowStarts.reserveCapacity(keys.count + 1)
        entries.reserveCapacity(entryClasses.count)
        // Each row's home slot is a cache miss at load as at scoring: asked for a few rows
        // ahead, the misses overlap instead of following one another.
        let ahead = 16
        for (r, key64) in keys.enumerated() {
            if r + ahead < keys.count {
                let home = Int(UInt32(truncatingIfNeeded: keys[r + ahead])) & mask
                table.withUnsafeBufferPointer { faultline_prefetch($0.baseAddress! + 4 * home) }
            }
            let length = Int(starts[r + 1] - starts[r])
            precondition(length <= 255, "perceptron row too long")
            if length == 0 { continue }  // scoring reads every stored row's first entry
            let key = UInt32(truncatingIfNeeded: key64)
            var i = Int(key) & mask
            var duplicate = false
            while table[4 * i] != 0 {
                if table[4 * i] == key { duplicate = true; break }
                i = (i + 1) & mask
            }
            if duplicate { continue }  // a 32-bit collision: the first feature keeps the key
            let start = entries.count
            precondition(start < 1 << 24, "perceptron rows start too far")
            for e in Int(starts[r])..<Int(starts[r + 1]) {
                entries.append(UInt32(entryClasses[e]) << 16 | UInt32(UInt16(bitPattern: quantised[e])))
            }
            table[4 * i] = key
            if length <= 3 {
                for j in 0..<length { table[4 * i + 1 + j] = entries[start + j] }
            } else if length >= Self.denseFrom {
                table[4 * i + 1] = Self.denseRow
                table[4 * i + 2] = UInt32(dense.count)
                dense.append(contentsOf: repeatElement(SIMD16<Int32>(), count: width))
                for e in entries[start...] {
                    let c = Int(e >> 16)
                    dense[dense.count - width + c / 16][c % 16] = Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: e)))
                }
            } else {
                table[4 * i + 1] = Self.longRow
                table[4 * i + 2] = UInt32(longEntries.count)
                longEntries.append(contentsOf: entries[start...])
                table[4 * i + 3] = UInt32(length)
            }
            rowKeys.append(key)
            rowStarts.append(UInt32(start))
        }
        rowStarts.append(UInt32(entries.count))
        self.table = table
        self.mask = mask
        self.rowKeys = rowKeys
        self.rowStarts = rowStarts
        self.entries = entries
        self.longEntries = longEntries
        self.dense = dense
        self.width = width
    }

    @inline(__always)
    static func short(_ key: UInt64) -> UInt64 {
        let k = key & 0xFFFF_FFFF
        return k == 0 ? 1 : k
    }

    public var classCount: Int { classes.count }
    public var featureCount: Int { rowKeys.count }
    public var entryCount: Int { entries.count }

    /// The stored features as (key, first entry, entry count), in entry order: the file's row form.
    private var rows: [(key: UInt64, start: Int, length: Int)] {
        rowKeys.indices.map { (key: UInt64(rowKeys[$0]), start: Int(rowStarts[$0]), length: Int(rowStarts[$0 + 1] - rowStarts[$0])) }
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
        for r in rowKeys.indices {
            let kept = entries[Int(rowStarts[r])..<Int(rowStarts[r + 1])].filter { magnitude($0) > limit }
            guard !kept.isEmpty else { continue }
            keys.append(UInt64(rowKeys[r]))
            for e in kept {
                classes.append(UInt16(e >> 16))
                quantised.append(Int16(bitPattern: UInt16(truncatingIfNeeded: e)))
            }
            starts.append(UInt32(classes.count))
        }
        return PerceptronModel(classes: self.classes, keys: keys, starts: starts, entryClasses: classes, quantised: quantised, scale: scale)
    }

    /// Adds the weights of the present features into `scores` (zeroed first).
    @inline(__always)
    public func score(_ features: [UInt64], into scores: inout [Float]) {
        let count = scores.count
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(count, 1)) { sums in
            for i in 0..<count { sums[i] = 0 }
            add(features, into: sums.baseAddress!)
            finish(sums.baseAddress!, into: &scores)
        }
    }

    /// The scores of integer sums from `add`: the quantised weights scaled back.
    @inline(__always)
    public func finish(_ sums: UnsafePointer<Int32>, into scores: inout [Float]) {
        let scale = self.scale
        scores.withUnsafeMutableBufferPointer { out in
            for i in 0..<out.count { out[i] = Float(sums[i]) * scale }
        }
    }

    /// Adds the quantised weights of the present features to `sums` (one per class), so a
    /// caller can keep the sum of features that stay the same across steps and add the rest.
    ///
    /// In phases, because the tables are larger than the caches: first every feature's home
    /// slot is prefetched, so the processor overlaps those cache misses instead of waiting for
    /// each in turn (a prefetch retires at once; a load that misses would hold up the loop);
    /// then each feature's slot is found, its inline weights added and a long or dense row's
    /// entries prefetched; last those rows are added. Sums are integers, so the order of adding
    /// does not change them.
    @inline(__always)
    public func add(_ features: [UInt64], into sums: UnsafeMutablePointer<Int32>) {
        let count = classes.count
        let n = features.count
        let width = self.width
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(3 * n, 1)) { buffer in
          withUnsafeTemporaryAllocation(of: SIMD16<Int32>.self, capacity: max(width, 1)) { wide in
                for j in 0..<width { wide[j] = SIMD16() }
                @inline(__always) func add(_ packed: UInt32) {
                    sums[Int(packed >> 16)] &+= Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: packed)))
                }
                table.withUnsafeBufferPointer { table in
                    longEntries.withUnsafeBufferPointer { rows in
                      dense.withUnsafeBufferPointer { dense in
                        features.withUnsafeBufferPointer { keys in
                            let slots = table.baseAddress!
                            let vectors = dense.baseAddress  // nil only when no row is dense
                            // Phase 1: home slots.
                            for k in 0..<n {
                                faultline_prefetch(slots + 4 * (Int(truncatingIfNeeded: Self.short(keys[k])) & mask))
                            }
                            // Phase 2: each feature's own slot; inline rows are added, long
                            // ones queued with their entries prefetched.
                            var long = 0
                            var wholeRows = 0
                            for k in 0..<n {
                                let key = UInt32(truncatingIfNeeded: Self.short(keys[k]))
                                var i = Int(key) & mask
                                var stored = table[4 * i]
                                while stored != 0 && stored != key {
                                    i = (i + 1) & mask
                                    stored = table[4 * i]
                                }
                                if stored == 0 { continue }
                                let first = table[4 * i + 1]
                                if first == Self.denseRow {
                                    let start = table[4 * i + 2]
                                    buffer[2 * n + wholeRows] = start
                                    for j in 0..<width { faultline_prefetch(vectors! + Int(start) + j) }
                                    wholeRows += 1
                                } else if first == Self.longRow {
                                    let start = table[4 * i + 2]
                                    let length = table[4 * i + 3]
                                    buffer[2 * long] = start
                                    buffer[2 * long + 1] = length
                                    let row = rows.baseAddress! + Int(start)
                                    faultline_prefetch(row)
                                    faultline_prefetch(row + Int(length) - 1)
                                    long += 1
                                } else {
                                    add(first)
                                    add(table[4 * i + 2])
                                    add(table[4 * i + 3])
                                }
                            }
                            // Phase 3: the long rows.
                            for r in 0..<long {
                                let start = Int(buffer[2 * r])
                                for e in start..<(start + Int(buffer[2 * r + 1])) { add(rows[e]) }
                            }
                            for r in 0..<wholeRows {
                                let start = Int(buffer[2 * n + r])
                                for j in 0..<width { wide[j] &+= dense[start + j] }
                            }
                        }
                      }
                    }
                }
                for i in 0..<count { sums[i] &+= wide[i >> 4][i & 15] }
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
