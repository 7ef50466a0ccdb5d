import Foundation

/// Known names (places, organisations, people, first names) the entity recogniser uses as
/// evidence: each name is tokenized like text and stored as the hash of its lowercased words,
/// so matching a sentence costs a few hash lookups per word.
///
/// Invariant: names are at most `maxLength` words.
public struct NameList: Sendable {
    /// Sequence hash → bit set of kinds (1 LOC, 2 ORG, 4 PER, 8 FIRST).
    let entries: [UInt64: UInt8]
    /// `entries` for lookups.
    private let lookup: PrehashedMap<UInt8>
    static let maxLength = 5
    static let kinds = ["LOC": UInt8(1), "ORG": 2, "PER": 4, "FIRST": 8]

    init(entries: [UInt64: UInt8]) {
        self.entries = entries
        lookup = PrehashedMap(entries)
    }

    /// Reads `KIND<TAB>name` lines (`#` comments); unknown kinds and malformed lines are skipped.
    public init(tsv: String) {
        let tokenizer = Tokenizer()
        var entries: [UInt64: UInt8] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t", maxSplits: 1)
            guard cols.count == 2, let kind = Self.kinds[String(cols[0])] else { continue }
            let words = tokenizer.tokenize(String(cols[1])).map { WordKeys($0.form) }
            guard !words.isEmpty, words.count <= Self.maxLength else { continue }
            var h: UInt64 = 0x4E41_4D45
            for w in words { h = FeatureHash.mix(h, w.lower) }
            entries[h, default: 0] |= kind
        }
        self.init(entries: entries)
    }

    /// Per word, a 16-bit set of (kind, position) pairs for every name covering it:
    /// bit = kindIndex * 4 + position, position 0 begin, 1 inside, 2 last, 3 unit.
    func marks(_ words: [WordKeys]) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: words.count)
        guard !entries.isEmpty else { return out }
        for i in 0..<words.count {
            var h: UInt64 = 0x4E41_4D45
            for length in 1...Self.maxLength where i + length <= words.count {
                h = FeatureHash.mix(h, words[i + length - 1].lower)
                guard let kinds = lookup[h] else { continue }
                for k in 0..<4 where kinds & (1 << k) != 0 {
                    let base = UInt64(k * 4)
                    if length == 1 {
                        out[i] |= 1 << (base + 3)
                    } else {
                        out[i] |= 1 << base
                        for j in (i + 1)..<(i + length - 1) { out[j] |= 1 << (base + 1) }
                        out[i + length - 1] |= 1 << (base + 2)
                    }
                }
            }
        }
        return out
    }

    public var count: Int { entries.count }
}
