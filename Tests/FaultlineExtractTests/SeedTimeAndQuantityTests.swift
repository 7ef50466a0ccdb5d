import FaultlineExtract
import FaultlineModel
import FaultlineTestSupport
import FaultlineText
import Foundation
import Testing

/// The seed articles in `../shared/seeds`.
enum Seeds {
    static func text(_ prefix: String) throws -> String {
        let folder = try TestPaths.shared("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) }, "no seed \(prefix)… in \(folder.path)")
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}

@Suite("Seed articles: dates anchored on the article, quantities with their units")
struct SeedTimeAndQuantityTests {
    @Test("seed 000 (published 2024-07-01): 24 May, 25 May 2023, and the range 9-11 July")
    func seed000() throws {
        let text = try Seeds.text("000_")
        let result = TimexExtractor().extract(text: text, published: PublicationDate(year: 2024, month: 7, day: 1))
        #expect(result.anchor?.value == "2024-07-01")
        #expect(result.anchor?.inferred == false)
        let byText = Dictionary(result.timexes.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["24 May"]?.value == "2024-05-24")
        #expect(byText["25 May 2023"]?.value == "2023-05-25")
        let range = try #require(byText["9-11 July"])
        #expect(range.value == "2024-07-09/2024-07-11")
        #expect(range.range?.first == "2024-07-09")
        #expect(range.range?.last == "2024-07-11")
        // Headlines in a dated list keep the year of the anchor, whatever tense they use.
        #expect(byText["21 June"]?.value == "2024-06-21")
    }

    @Test("seed 003 has no date: the anchor is inferred from 'since November 1' and the years it names")
    func seed003() throws {
        let text = try Seeds.text("003_")
        let result = TimexExtractor().extract(text: text, published: nil)
        let anchor = try #require(result.anchor)
        #expect(anchor.inferred)
        #expect(anchor.value == "2024-11-01")
        #expect(anchor.evidence?.contains("since November 1") == true)
        let byText = Dictionary(result.timexes.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["November 1"]?.value == "2024-11-01")
        #expect(byText["January 20"]?.value == "2025-01-20")
        #expect(byText["two years and nine months"]?.value == "P2Y9M")
        #expect(byText["this month"]?.value == "2024-11")
    }

    @Test("a text that names no year gets no anchor, and says so by leaving values unresolved")
    func seed004HasNoAnchor() throws {
        let text = try Seeds.text("004_")
        let result = TimexExtractor().extract(text: text, published: nil)
        #expect(result.anchor == nil)
        #expect(result.timexes.first { $0.text == "October 11" }?.value == "XXXX-10-11")
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        var seed: String
        var value: Double
        var unit: String?
        var object: String
        var testDescription: String { "\(value) \(unit ?? "") \(object)" }
    }

    @Test(
        "quantities on the seeds",
        arguments: [
            Expected(seed: "004_", value: 492, unit: "t", object: "ammunition"),
            Expected(seed: "003_", value: 574, unit: "km²", object: "territory"),
            Expected(seed: "002_", value: 2.7e9, unit: "USD", object: "oil"),
            Expected(seed: "004_", value: 13, unit: nil, object: "trains"),
            Expected(seed: "003_", value: 1000, unit: nil, object: "soldiers"),
        ])
    func seedQuantities(_ e: Expected) throws {
        let text = try Seeds.text(e.seed)
        let tokens = Tokenizer().tokenize(text)
        let timexes = TimexExtractor().extract(tokens: tokens, text: text, anchor: nil)
        let quantities = QuantityExtractor().extract(tokens: tokens, text: text, excluding: timexes)
        let found = try #require(quantities.first { $0.object == e.object }, "no quantity of \(e.object) in \(quantities.map(\.text))")
        #expect(found.value == e.value)
        #expect(found.unit == e.unit)
        let scalars = Array(text.unicodeScalars)
        var object = ""
        object.unicodeScalars.append(contentsOf: scalars[try #require(found.objectStart)..<(try #require(found.objectEnd))])
        #expect(object == e.object)
    }
}
