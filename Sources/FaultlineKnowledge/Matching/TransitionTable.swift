/// The matcher's trie edges, (node, word hash) → child node, in one open-addressing table.
///
/// A Swift `Dictionary` would hash every key with SipHash; this table multiplies and shifts,
/// which is what lets the matcher spend well under a microsecond per word. Invariants: the
/// capacity is a power of two at least twice the count; key 0 marks an empty slot, so keys are
/// made odd.
struct TransitionTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    @inline(__always)
    static func key(node: Int32, word: UInt64) -> UInt64 {
        (word ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)) | 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0xFF51_AFD7_ED55_8CCD) >> shift) }

    /// The child of `node` along `word`, or -1.
    @inline(__always)
    func child(of node: Int32, word: UInt64) -> Int32 {
        let key = Self.key(node: node, word: word)
        var index = slot(key)
        while true {
            let found = keys[index]
            if found == key { return values[index] }
            if found == 0 { return -1 }
            index = (index + 1) & mask
        }
    }

    mutating func insert(node: Int32, word: UInt64, child: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.key(node: node, word: word)
        var index = slot(key)
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        if keys[index] == 0 { count += 1 }
        keys[index] = key
        values[index] = child
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        shift = UInt64(64 - keys.count.trailingZeroBitCount)
        for (index, key) in oldKeys.enumerated() where key != 0 {
            var slot = slot(key)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }
}
