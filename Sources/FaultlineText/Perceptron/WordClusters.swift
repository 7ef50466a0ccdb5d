import Foundation

/// Groups of words that occur in similar contexts, derived from GloVe's vectors
/// (`scripts/build-word-clusters.sh` writes `training/clusters.tsv`; `faultline train clusters`
/// compiles it into the shipped `clusters.bin`): a model that never saw "Mozilla" in training
/// still knows it sits with "Netscape" and "Linux". Each word has a group at three sizes (64,
/// 256 and 1024 groups), so features can back off from fine to coarse.
///
/// Read once per process from the package; `WordKeys` looks every word up, so training and
/// annotation see the same groups.
public struct WordClusters: Sendable {
    /// The low 32 bits of the lowercase-form hash (as `WordKeys.lower`) → the groups packed as
    /// g64 | g256 << 8 | g1024 << 16.
    private let groups: [UInt32: UInt32]

    public var count: Int { groups.count }

    private init(groups: [UInt32: UInt32]) { self.groups = groups }

    /// Parses lines of `word<TAB>g64<TAB>g256<TAB>g1024`; malformed lines are skipped.
    public init(tsv: String) {
        var groups: [UInt32: UInt32] = [:]
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count == 4, !cols[0].isEmpty, let a = UInt32(cols[1]), let b = UInt32(cols[2]), let c = UInt32(cols[3]),
                a < 256, b < 256, c < 65536
            else { continue }
            let key = UInt32(truncatingIfNeeded: WordKeys.lowerHash(cols[0].unicodeScalars))
            if groups[key] == nil { groups[key] = a | b << 8 | c << 16 }  // a 32-bit collision: the more frequent word keeps it
        }
        self.groups = groups
    }

    /// Whether the word (lowercase) is in the table: a word of English in GloVe's vocabulary.
    public func contains(lowercased word: String) -> Bool {
        groups[UInt32(truncatingIfNeeded: WordKeys.lowerHash(word.unicodeScalars))] != nil
    }

    /// The three groups of a word (0 each when unknown), as distinct feature values.
    @inline(__always)
    func lookup(_ lower: UInt64) -> (UInt64, UInt64, UInt64) {
        guard let g = groups[UInt32(truncatingIfNeeded: lower)].map(UInt64.init) else { return (0, 0, 0) }
        return (0x1_0001 + (g & 0xFF), 0x2_0001 + ((g >> 8) & 0xFF), 0x3_0001 + (g >> 16))
    }

    static let fileKind = "word-clusters"

    /// The file's bytes: the entry count, then (key, groups) pairs in key order.
    public func serialized() -> Data {
        var w = BinaryWriter()
        w.header(kind: Self.fileKind)
        w.u32(UInt32(groups.count))
        for (key, value) in groups.sorted(by: { $0.key < $1.key }) {
            w.u32(key)
            w.u32(value)
        }
        return w.data
    }

    /// Reads a file written by `serialized()`.
    public init(data: Data) throws {
        var r = BinaryReader(data: data)
        _ = try r.header(kind: Self.fileKind)
        let count = Int(try r.u32())
        guard count <= r.remaining / 8 else { throw ModelFileError.corrupt("more word groups than the file holds") }
        var groups: [UInt32: UInt32] = [:]
        groups.reserveCapacity(count)
        for _ in 0..<count {
            let key = try r.u32()
            groups[key] = try r.u32()
        }
        self.init(groups: groups)
    }

    /// The table shipped in the package (empty if the file is missing or unreadable: the models
    /// then work, a little worse, without it).
    public static let shipped: WordClusters = {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("models/clusters.bin"),
            let data = try? Data(contentsOf: url), let table = try? WordClusters(data: data)
        else { return WordClusters(groups: [:]) }
        return table
    }()
}
