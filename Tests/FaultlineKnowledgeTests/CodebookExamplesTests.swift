import Foundation
import FaultlineTestSupport
import Testing

@testable import FaultlineKnowledge

@Suite("The CAMEO codebook's examples (CSV)")
struct CodebookExamplesTests {
    static let header = "\"\",\"eventtype_ID\",\"name\",\"code\",\"example\"\n"

    @Test("quoted cells keep their commas, doubled quotes and line breaks")
    func quotedCells() throws {
        let csv = Self.header + "\"1\",1,\"Appeal\",\"020\",\"He said, \"\"yes\"\",\nthen left.\"\r\n\"2\",2,\"Ask\",\"023\",NA\n"
        var skipped = 0
        let examples = try CodebookExamples.read(csv: csv, skipped: &skipped)
        #expect(examples == [CodebookExamples.Example(code: "020", text: "He said, \"yes\",\nthen left.", line: 2)])
        #expect(skipped == 0)
    }

    @Test("a row whose example spans lines is numbered by its first line; the next row by its own")
    func lineNumbers() throws {
        let csv = Self.header + "1,1,a,\"010\",\"one\ntwo\"\n2,2,b,\"011\",three\n"
        var skipped = 0
        #expect(try CodebookExamples.read(csv: csv, skipped: &skipped).map(\.line) == [2, 4])
    }

    @Test("short rows and unreadable codes are skipped and counted, the rest kept")
    func brokenRows() throws {
        let csv = Self.header + "1,1,a\n2,2,b,\"0x1\",text\n3,3,c,\"190\",\"Fighting broke out.\"\n"
        var skipped = 0
        let examples = try CodebookExamples.read(csv: csv, skipped: &skipped)
        #expect(examples.map(\.code) == ["190"])
        #expect(skipped == 2)
    }

    @Test("a file cut inside a quoted cell keeps every row before it, and the cut cell as far as it goes")
    func truncated() throws {
        let csv = Self.header + "1,1,a,\"010\",\"whole\"\n2,2,b,\"011\",\"cut off mid"
        var skipped = 0
        let examples = try CodebookExamples.read(csv: csv, skipped: &skipped)
        #expect(examples.map(\.text) == ["whole", "cut off mid"])
    }

    @Test("a header without a code or example column is refused by name")
    func missingColumn() {
        var skipped = 0
        #expect(throws: CodebookExamples.ReadError.self) { try CodebookExamples.read(csv: "a,b\n1,2\n", skipped: &skipped) }
        #expect(throws: CodebookExamples.ReadError.self) { try CodebookExamples.read(csv: "code,b\n010,2\n", skipped: &skipped) }
    }

    @Test("empty, hostile and huge input reads without failing")
    func hostile() throws {
        var skipped = 0
        #expect(try CodebookExamples.read(csv: "", skipped: &skipped).isEmpty)
        #expect(throws: CodebookExamples.ReadError.self) { try CodebookExamples.read(csv: "\"\"\"", skipped: &skipped) }
        let nul = Self.header + "1,1,a,\"010\",\"x\u{0}y 🇧🇾\"\n"
        #expect(try CodebookExamples.read(csv: nul, skipped: &skipped).first?.text == "x\u{0}y 🇧🇾")
        let big = String(repeating: "word, \"\"x", count: 200_000)
        let huge = Self.header + "1,1,a,\"010\",\"\(big)\"\n"
        #expect(try CodebookExamples.read(csv: huge, skipped: &skipped).first?.text.count == big.count - 200_000)
    }

    @Test("the shared codebook's examples read, each with a CAMEO code")
    func sharedFile() throws {
        let text = try String(contentsOf: try TestPaths.shared("data/cameo/cameo-codes.utf8-fixed.csv"), encoding: .utf8)
        var skipped = 0
        let examples = try CodebookExamples.read(csv: text, skipped: &skipped)
        #expect(examples.count > 250)
        #expect(skipped == 0)
        #expect(examples.allSatisfy { !$0.text.isEmpty && $0.code.count >= 2 })
    }
}
