/// 64-bit feature keys: a template number mixed with the hashes of the values it combines.
///
/// Features are never strings at run time: each token's strings are hashed once, and a
/// feature is `FeatureHash.key(template, a, b)`. 64 bits make collisions between the few
/// million features of a model negligible.
public enum FeatureHash {
    /// FNV-1a over the UTF-8 bytes of a string.
    @inline(__always)
    public static func string(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h &*= 0x100_0000_01b3
        }
        return h
    }

    /// FNV-1a over a slice of scalars, lowercased when asked.
    @inline(__always)
    public static func scalars(_ s: some Collection<Unicode.Scalar>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in s {
            h ^= UInt64(c.value)
            h &*= 0x100_0000_01b3
        }
        return h
    }

    /// Mixes two words into a well-spread 64-bit value (a finaliser of splitmix64).
    @inline(__always)
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &+ 0x9E37_79B9_7F4A_7C15 &+ (b &* 0xBF58_476D_1CE4_E5B9)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    public static func key(_ template: UInt64, _ a: UInt64) -> UInt64 {
        nonzero(mix(template, a))
    }

    @inline(__always)
    public static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        nonzero(mix(mix(template, a), b))
    }

    @inline(__always)
    public static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        nonzero(mix(mix(mix(template, a), b), c))
    }

    /// Key 0 marks an empty slot in `FeatureTable`.
    @inline(__always)
    static func nonzero(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }
}

/// An open-addressing map from feature keys to row numbers (linear probing, power-of-two size,
/// load ≤ 0.5). Faster than `Dictionary` here because keys are already well-mixed hashes.
struct FeatureTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [Int32]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The row of `key`, or -1.
    @inline(__always)
    func find(_ key: UInt64) -> Int32 {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return -1 }
            i = (i + 1) & mask
        }
    }

    /// Inserts `key` → `value` (the key must not be present).
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = Int(truncatingIfNeeded: key) & mask
        while keys[i] != 0 { i = (i + 1) & mask }
        keys[i] = key
        values[i] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { insert(k, v) }
    }
}

/// A read-only map from hashed keys (already well mixed) to values, for the lookups done for
/// every word (name lists, lexicons, fixed tags): `Dictionary` hashes each key again and costs
/// several times more per lookup.
struct PrehashedMap<Value: Sendable>: Sendable {
    private let table: FeatureTable
    private let values: [Value]

    init(_ dictionary: [UInt64: Value]) {
        var table = FeatureTable(capacity: dictionary.count)
        var values: [Value] = []
        values.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            let k = Self.stored(key)
            guard table.find(k) < 0 else { continue }  // 0 and its stand-in: the first stays
            table.insert(k, Int32(values.count))
            values.append(value)
        }
        self.table = table
        self.values = values
    }

    @inline(__always)
    subscript(key: UInt64) -> Value? {
        let row = table.find(Self.stored(key))
        return row < 0 ? nil : values[Int(row)]
    }

    /// `FeatureTable` marks empty slots with key 0.
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 0x9E37_79B9_7F4A_7C15 : key }
}

/// A feature function's keys, written into a stack buffer and appended to the caller's array
/// at once: an `Array.append` per key, each checking uniqueness and capacity out of line, cost
/// about 7% of the language layer's instructions.
///
///     KeyBuffer.append(to: &features, capacity: 16) { b in b.put(FeatureHash.key(7, word)) }
struct KeyBuffer {
    private let base: UnsafeMutablePointer<UInt64>
    private let capacity: Int
    private var count = 0

    private init(base: UnsafeMutablePointer<UInt64>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    @inline(__always)
    mutating func put(_ key: UInt64) {
        assert(count < capacity, "more feature keys than the buffer holds")
        base[count] = key
        count += 1
    }

    /// Runs `body` on a buffer of `capacity` keys (every template's), then appends what it put.
    @inline(__always)
    static func append(to array: inout [UInt64], capacity: Int, _ body: (inout KeyBuffer) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { raw in
            var buffer = KeyBuffer(base: raw.baseAddress!, capacity: capacity)
            body(&buffer)
            array.append(contentsOf: UnsafeBufferPointer(start: raw.baseAddress!, count: buffer.count))
        }
    }
}
