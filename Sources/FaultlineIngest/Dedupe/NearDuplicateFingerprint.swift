/// A MinHash signature of an article's word 3-shingles, with locality-sensitive band keys.
///
/// Two articles whose shingle sets overlap much share a band key with high probability, so
/// the store finds candidates by key and then compares signatures. 128 hashes in 32 bands
/// of 4: pairs with Jaccard similarity 0.6 meet in a band 99% of the time, pairs at 0.2 in 5%.
///
/// ```swift
/// let a = NearDuplicateFingerprint(text: first), b = NearDuplicateFingerprint(text: second)
/// a.similarity(to: b)  // estimated Jaccard similarity of the shingle sets
/// ```
public struct NearDuplicateFingerprint: Sendable, Hashable {
    public static let hashCount = 128
    public static let bandCount = 32
    static let rowsPerBand = hashCount / bandCount

    /// Minimum hash values (high 32 bits), `hashCount` of them; empty for a text with no words.
    public var signature: [UInt32]
    /// How many distinct shingles the text has.
    public var shingleCount: Int

    public init(signature: [UInt32], shingleCount: Int) {
        self.signature = signature
        self.shingleCount = shingleCount
    }

    public init(text: String) {
        let shingles = Self.shingles(text)
        shingleCount = shingles.count
        guard !shingles.isEmpty else {
            signature = []
            return
        }
        var minima = [UInt64](repeating: .max, count: Self.hashCount)
        Self.multipliers.withUnsafeBufferPointer { a in
            Self.addends.withUnsafeBufferPointer { b in
                minima.withUnsafeMutableBufferPointer { m in
                    for shingle in shingles {
                        for i in 0..<Self.hashCount {
                            let value = a[i] &* shingle &+ b[i]
                            if value < m[i] { m[i] = value }
                        }
                    }
                }
            }
        }
        signature = minima.map { UInt32(truncatingIfNeeded: $0 >> 32) }
    }

    /// Estimated Jaccard similarity: the share of positions where the signatures agree.
    public func similarity(to other: NearDuplicateFingerprint) -> Double {
        guard signature.count == other.signature.count, !signature.isEmpty else { return 0 }
        var same = 0
        for i in signature.indices where signature[i] == other.signature[i] { same += 1 }
        return Double(same) / Double(signature.count)
    }

    /// Estimated share of the smaller text's shingles found in the other.
    public func containment(in other: NearDuplicateFingerprint) -> Double {
        let j = similarity(to: other)
        let small = min(shingleCount, other.shingleCount)
        guard small > 0 else { return 0 }
        let intersection = j * Double(shingleCount + other.shingleCount) / (1 + j)
        return min(1, intersection / Double(small))
    }

    /// Whether `other` is a near-duplicate: most shingles shared, or one text nearly
    /// contained in the other (a copy with its boilerplate cut) and not much shorter.
    public func isNearDuplicate(of other: NearDuplicateFingerprint) -> Bool {
        let j = similarity(to: other)
        if j >= 0.5 { return true }
        let ratio = Double(min(shingleCount, other.shingleCount)) / Double(max(1, max(shingleCount, other.shingleCount)))
        return ratio >= 0.5 && containment(in: other) >= 0.85
    }

    /// One key per band: a hash of the band's rows and its number.
    public var bandKeys: [Int64] {
        guard signature.count == Self.hashCount else { return [] }
        return (0..<Self.bandCount).map { band in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(band + 1)
            for row in 0..<Self.rowsPerBand {
                h = Self.mix(h ^ UInt64(signature[band * Self.rowsPerBand + row]))
            }
            return Int64(bitPattern: h)
        }
    }

    /// The signature as bytes for storage, little-endian.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(signature.count * 4)
        for value in signature {
            out.append(UInt8(truncatingIfNeeded: value))
            out.append(UInt8(truncatingIfNeeded: value >> 8))
            out.append(UInt8(truncatingIfNeeded: value >> 16))
            out.append(UInt8(truncatingIfNeeded: value >> 24))
        }
        return out
    }

    public init(bytes: [UInt8], shingleCount: Int) {
        var values = [UInt32]()
        values.reserveCapacity(bytes.count / 4)
        var i = 0
        while i + 3 < bytes.count {
            values.append(
                UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
            i += 4
        }
        self.init(signature: values, shingleCount: shingleCount)
    }

    // MARK: - Shingles and hashing

    /// Hashes of the lowercased word 3-grams (single words for texts under three words).
    static func shingles(_ text: String) -> [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(text.utf8.count / 5)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            var lower: UInt32 = 0
            if v < 0x80 {
                // ASCII, the bulk of the text: letters and digits by range.
                if v >= 0x61 && v <= 0x7A || v >= 0x30 && v <= 0x39 {
                    lower = v
                } else if v >= 0x41 && v <= 0x5A {
                    lower = v + 32
                }
            } else if scalar.properties.isAlphabetic {
                // Simple case folding for Latin-1 and Cyrillic capitals; other scripts as they are.
                lower = (v >= 0xC0 && v <= 0xDE && v != 0xD7) || (v >= 0x410 && v <= 0x42F) ? v + 32 : v
            }
            if lower != 0 {
                hash = (hash ^ UInt64(lower)) &* 0x100_0000_01B3
                inWord = true
            } else if inWord {
                words.append(hash)
                hash = 0xCBF2_9CE4_8422_2325
                inWord = false
            }
        }
        if inWord { words.append(hash) }
        var hashes: [UInt64]
        if words.count < 3 {
            hashes = words.map(mix)
        } else {
            hashes = (0..<(words.count - 2)).map { i in mix(words[i] &* 31 &+ mix(words[i + 1] &* 17 &+ mix(words[i + 2]))) }
        }
        // Distinct values, by sorting: cheaper than hashing into a set at these sizes.
        hashes.sort()
        var unique = 0
        for i in hashes.indices where i == 0 || hashes[i] != hashes[unique - 1] {
            hashes[unique] = hashes[i]
            unique += 1
        }
        hashes.removeLast(hashes.count - unique)
        return hashes
    }

    /// SplitMix64's finaliser: spreads every input bit over the output.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fixed odd multipliers and addends: the same text gives the same signature everywhere.
    static let multipliers: [UInt64] = (0..<hashCount).map { mix(UInt64($0) &* 2 &+ 1) | 1 }
    static let addends: [UInt64] = (0..<hashCount).map { mix(UInt64($0) &+ 0x5151) }
}
