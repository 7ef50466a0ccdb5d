import FaultlineIngest
import FaultlineModel
import Testing

@Suite("JSON Lines")
struct JSONLinesReaderTests {
    @Test("each line is an article; text or html; authors as a list or a string")
    func records() {
        let jsonl = """
            {"url": "https://obs.example/a", "title": "First", "authors": ["A. Sadykova", "N. Vesnin"], "published": "2025-05-06", "outlet": "Steppe Observer", "text": "Para one.\\n\\nPara two."}

            {"title": "Second", "authors": "Ruslan Abenov", "html": "<article><p>Rail checks tightened.</p></article>"}
            """
        let result = JSONLinesReader.read(Array(jsonl.utf8), origin: "export.jsonl")
        #expect(result.failures.isEmpty)
        #expect(result.articles.count == 2)
        let first = result.articles[0]
        #expect(first.origin == "export.jsonl#line-1")
        #expect(first.metadata.authors == ["A. Sadykova", "N. Vesnin"])
        #expect(first.metadata.published?.isoDate == "2025-05-06")
        #expect(first.metadata.url == "https://obs.example/a")
        #expect(first.text == "First\nPara one.\nPara two.")
        #expect(result.articles[1].origin == "export.jsonl#line-3")
        #expect(result.articles[1].metadata.authors == ["Ruslan Abenov"])
        #expect(result.articles[1].text == "Second\nRail checks tightened.")
    }

    @Test(
        "a bad line is reported with its number and the other lines are kept",
        arguments: [
            ("{\"text\": \"unterminated", IngestFailure.Code.malformedJSON),
            ("[1, 2, 3]", .malformedJSON),
            ("{\"title\": \"no body\"}", .noText),
            ("\"just a string\"", .malformedJSON),
        ])
    func badLine(_ line: String, _ code: IngestFailure.Code) {
        let jsonl = "{\"text\": \"Good one.\"}\n\(line)\n{\"text\": \"Good two.\"}\n"
        let result = JSONLinesReader.read(Array(jsonl.utf8), origin: "x.jsonl")
        #expect(result.articles.map(\.text) == ["Good one.", "Good two."])
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.origin == "x.jsonl#line-2")
        #expect(result.failures.first?.code == code)
    }

    @Test("a JSON array of objects is read like lines")
    func array() {
        let result = JSONLinesReader.read(Array("[{\"text\": \"One.\"}, {\"text\": \"Two.\"}]".utf8), origin: "x.json")
        #expect(result.articles.count == 2)
        #expect(result.articles[1].origin == "x.json#record-2")
    }
}
