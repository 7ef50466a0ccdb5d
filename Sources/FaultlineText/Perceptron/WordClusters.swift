import Foundation

/// Groups of words that occur in similar contexts, derived from GloVe's vectors
/// (`scripts/build-word-clusters.sh`): a model that never saw "Mozilla" in training still knows
/// it sits with "Netscape" and "Linux". Each word has a group at three sizes (64, 256 and 1024
/// groups), so features can back off from fine to coarse.
///
/// Read once per process from the package's `clusters.tsv`; `WordKeys` looks every word up, so
/// training and annotation see the same groups.
public struct WordClusters: Sendable {
    /// Lowercase-form hash (as `WordKeys.lower`) → groups packed as 64 | 256 << 16 | 1024 << 32,
    /// each stored plus one so that 0 means "not in the table".
    private let groups: [UInt64: UInt64]

    public var count: Int { groups.count }

    /// Parses lines of `word<TAB>g64<TAB>g256<TAB>g1024`; malformed lines are skipped (the
    /// file is ours, but a truncated copy must not stop the language layer).
    public init(tsv: String) {
        var groups: [UInt64: UInt64] = [:]
        groups.reserveCapacity(90_000)
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count == 4, !cols[0].isEmpty, let a = UInt64(cols[1]), let b = UInt64(cols[2]), let c = UInt64(cols[3]),
                a < 0xFFFF, b < 0xFFFF, c < 0xFFFF
            else { continue }
            groups[WordKeys.lowerHash(cols[0].unicodeScalars)] = (a + 1) | (b + 1) << 16 | (c + 1) << 32
        }
        self.groups = groups
    }

    /// The three groups of a word (0 each when unknown), as distinct feature values.
    @inline(__always)
    func lookup(_ lower: UInt64) -> (UInt64, UInt64, UInt64) {
        guard let g = groups[lower] else { return (0, 0, 0) }
        return (0x1_0000 | (g & 0xFFFF), 0x2_0000 | ((g >> 16) & 0xFFFF), 0x3_0000 | ((g >> 32) & 0xFFFF))
    }

    /// The table shipped in the package (empty if the file is missing).
    public static let shipped: WordClusters = {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("models/clusters.tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return WordClusters(tsv: "") }
        return WordClusters(tsv: text)
    }()
}
