import FaultlineExtract
import FaultlineModel
import Foundation
import Testing

@Suite("Reading score_timex.py exports: outside data, checked line by line")
struct TempEvalExportTests {
    @Test("a well-formed export is read, with its creation dates")
    func wellFormed() throws {
        let lines = """
            {"doc": "a.tml", "dct": "1998-01-08", "text": "Prices fell yesterday."}

            {"doc": "b.tml", "dct": "1998-06-26T07:07:00", "text": "Rates rose."}
            {"doc": "c.tml", "dct": null, "text": ""}
            """
        let docs = try TempEvalExport.read(Data(lines.utf8))
        #expect(docs.map(\.doc) == ["a.tml", "b.tml", "c.tml"])
        #expect(docs[0].creationDate == PublicationDate(year: 1998, month: 1, day: 8))
        #expect(docs[1].creationDate == PublicationDate(year: 1998, month: 6, day: 26))
        #expect(docs[2].creationDate == nil)
    }

    @Test(
        "a broken line is an error that names it",
        arguments: [
            ("{\"doc\": \"a.tml\", \"text\": \"ok\"}\n{\"doc\": \"b.tml\", \"text\": ", 2),  // truncated
            ("{\"doc\": \"a.tml\"}", 1),  // missing text
            ("{\"doc\": 7, \"text\": \"x\"}", 1),  // wrong type
            ("[1, 2, 3]", 1),  // not an object
            ("not json at all", 1),
            ("{\"doc\": \"a.tml\", \"text\": \"x\"}\n\u{0}\u{0}\u{0}", 2),  // binary garbage
        ])
    func brokenLines(_ input: String, _ line: Int) {
        #expect {
            _ = try TempEvalExport.read(Data(input.utf8))
        } throws: { error in
            (error as? TempEvalExport.ReadError)?.line == line
        }
    }

    @Test("bytes that are not UTF-8 are refused as a whole")
    func notUTF8() {
        #expect(throws: TempEvalExport.ReadError.self) {
            _ = try TempEvalExport.read(Data([0x7B, 0xFF, 0xFE, 0x7D]))
        }
    }

    @Test("a line over the size limit is refused without being parsed")
    func hugeLine() {
        let huge = "{\"doc\": \"a.tml\", \"text\": \"" + String(repeating: "a", count: TempEvalExport.maxLineBytes) + "\"}"
        #expect {
            _ = try TempEvalExport.read(Data(huge.utf8))
        } throws: { error in
            (error as? TempEvalExport.ReadError)?.code == .tooLarge
        }
    }

    @Test("deeply nested JSON is an error, not a crash")
    func deeplyNested() {
        let nested = "{\"doc\": \"a.tml\", \"text\": \"x\", \"extra\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: TempEvalExport.ReadError.self) {
            _ = try TempEvalExport.read(Data(nested.utf8))
        }
    }

    @Test("hostile text (control characters, lone marks, huge numbers) extracts without crashing")
    func hostileText() throws {
        let text = "\u{0}\u{1}May 99999999999999999999 9-99 July 0/0/0000 31 February 2024 –– 12:99 p.m. \u{301}\u{FFFF} the 9999999s every"
        let line = "{\"doc\": \"h.tml\", \"dct\": \"2024-13-45\", \"text\": \(String(data: try JSONEncoder().encode(text), encoding: .utf8)!)}"
        let docs = try TempEvalExport.read(Data(line.utf8))
        #expect(docs[0].creationDate == nil)
        let found = TimexExtractor().extract(text: docs[0].text, anchor: nil)
        for t in found { #expect(t.start < t.end) }
        #expect(!found.contains { $0.value.contains("02-31") })
    }

    @Test("prediction lines carry the scorer's fields")
    func predictionLine() throws {
        let t = Timex(start: 3, end: 9, text: "24 May", type: .date, value: "2024-05-24")
        let line = TempEvalExport.predictionLine(doc: "a.tml", timex: t)
        #expect(line == #"{"doc":"a.tml","end":9,"start":3,"type":"DATE","value":"2024-05-24"}"#)
    }
}

@Suite("Robustness of the time grammar")
struct TimexRobustnessTests {
    /// A deterministic generator, so a failure repeats.
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test("random sequences of time words never crash and give ordered, non-overlapping spans")
    func randomWordSoup() {
        let vocabulary = [
            "the", "last", "next", "this", "year", "years", "-", "ago", "earlier", "a", "two", "24", "May", "July", "9",
            "11", "1990s", "Monday", "morning", "at", "least", "quarter", "third", "of", "1988", "every", "week", ",",
            ".", "p.m.", "10:30", "EST", "since", "twenty", "four", "hours", "and", "half", "1/2", "mid-1990s", "'s",
            "end", "fiscal", "year-earlier", "Jan.", "through", "$", "billion", "tons", "thousands", "square", "km",
        ]
        var g = Generator(state: 42)
        let anchor = TimeAnchor(date: PublicationDate(year: 2024, month: 7, day: 1))
        for _ in 0..<300 {
            var words: [String] = []
            for _ in 0..<(1 + g.next(40)) { words.append(vocabulary[g.next(vocabulary.count)]) }
            let text = words.joined(separator: " ")
            let timexes = TimexExtractor().extract(text: text, anchor: g.next(2) == 0 ? anchor : nil)
            var last = 0
            for t in timexes {
                #expect(t.start >= last && t.start < t.end, "bad span in \"\(text)\"")
                last = t.end
            }
            _ = QuantityExtractor().extract(text: text)
        }
    }
}
