import Foundation
import Testing

@testable import FaultlineText

@Suite("Word clusters")
struct WordClustersTests {
    @Test("the table's hash is WordKeys' lowercase hash, curly apostrophes straightened")
    func hashMatchesWordKeys() {
        for word in ["Kiev’s", "U.S.", "GOOGLE", "naïve", "1,000", ""] {
            #expect(WordKeys.lowerHash(word.unicodeScalars) == WordKeys(word).lower)
        }
    }

    @Test("the shipped table gives companies one group and cities another")
    func shippedGroups() {
        #expect(WordClusters.shipped.count > 50_000)
        let microsoft = WordKeys("Microsoft")
        let ibm = WordKeys("IBM")
        let minsk = WordKeys("Minsk")
        #expect(microsoft.cluster1024 != 0)
        #expect(microsoft.cluster1024 == ibm.cluster1024)
        #expect(minsk.cluster256 != microsoft.cluster256)
        #expect(WordKeys("qzxv-not-a-word").cluster64 == 0)
    }

    @Test(
        "broken, truncated and hostile lines are skipped, good ones kept",
        arguments: [
            ("alpha\t1\t2\t3\n", 1),
            ("alpha\t1\t2\n", 0),
            ("alpha\t1\t2\t3\textra\n", 0),
            ("\t1\t2\t3\n", 0),
            ("alpha\t-1\t2\t3\n", 0),
            ("alpha\tx\t2\t3\n", 0),
            ("alpha\t1\t2\t99999999999999999999999\n", 0),
            ("alpha\t1\t2\t3\nbeta\t4\t5", 1),
            ("alpha\t1\t2\t3\nbeta\t4\t5\t6", 2),
            ("\u{0}\t1\t2\t3\n\n\n", 1),
            ("", 0),
        ])
    func malformedLines(text: String, kept: Int) {
        #expect(WordClusters(tsv: text).count == kept)
    }

    @Test("a huge table parses, and unknown words get group 0")
    func hugeTable() {
        let text = (0..<100_000).map { "w\($0)\t\($0 % 64)\t\($0 % 256)\t\($0 % 1024)" }.joined(separator: "\n")
        let table = WordClusters(tsv: text)
        #expect(table.count == 100_000)
        let g = table.lookup(WordKeys.lowerHash("W77".unicodeScalars))
        #expect(g.0 == 0x1_0000 | 14 && g.1 == 0x2_0000 | 78 && g.2 == 0x3_0000 | 78)
        #expect(table.lookup(12345).0 == 0)
    }

    @Test("the binary form round-trips, and a truncated or foreign file is refused")
    func binaryForm() throws {
        let table = WordClusters(tsv: "alpha\t1\t2\t3\nbeta\t4\t5\t6\n")
        let data = table.serialized()
        let back = try WordClusters(data: data)
        #expect(back.count == 2)
        let key = WordKeys.lowerHash("Beta".unicodeScalars)
        #expect(back.lookup(key) == table.lookup(key))
        #expect(throws: (any Error).self) { try WordClusters(data: data.prefix(data.count - 3)) }
        #expect(throws: (any Error).self) { try WordClusters(data: Data("not a model file at all".utf8)) }
        var huge = data.prefix(data.count - 16 - 4)
        huge.append(contentsOf: [0xFF, 0xFF, 0xFF, 0x7F])
        #expect(throws: (any Error).self) { try WordClusters(data: huge) }
    }
}
