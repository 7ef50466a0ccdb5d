import FaultlineKnowledge
import FaultlineTestSupport
import Foundation
import Testing

@Suite("Building the gazetteer and the codebook from outside data")
struct GazetteerBuilderTests {
    /// A small GeoNames-shaped folder; `cities` is the text of cities15000.json.
    private func folder(cities: String, admin1: String = "BY.04\tMinsk City\tMinsk City\t625143\n") throws -> URL {
        let root = try TestPaths.temporaryFolder()
        let geonames = root.appendingPathComponent("geonames")
        try FileManager.default.createDirectory(at: geonames, withIntermediateDirectories: true)
        try cities.write(to: geonames.appendingPathComponent("cities15000.json"), atomically: true, encoding: .utf8)
        try #"{"BY": {"geonameid": 630336, "name": "Belarus", "iso": "BY", "iso3": "BLR", "capital": "Minsk", "population": 9485386}}"#
            .write(to: geonames.appendingPathComponent("countries.json"), atomically: true, encoding: .utf8)
        try admin1.write(to: geonames.appendingPathComponent("admin1CodesASCII.txt"), atomically: true, encoding: .utf8)
        return root
    }

    private let minsk = #""625144": {"geonameid": 625144, "name": "Minsk", "latitude": 53.9, "longitude": 27.56667, "countrycode": "BY", "population": 1742124, "admin1code": "04", "alternatenames": ["Mensk", "ming si ke", "MSQ", "Минск"]}"#

    @Test("a good extract gives countries, regions and cities with Latin-script names only")
    func good() throws {
        let root = try folder(cities: "{\(minsk)}")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try GazetteerBuilder.build(data: root, countryNames: ["BY": ["Belarus", "Belarusian"]])
        #expect(output.issues.isEmpty)
        #expect(output.placeCount == 3)
        let line = try #require(output.text.split(separator: "\n").first { $0.hasPrefix("geonames:625144\t") })
        #expect(line.hasSuffix("\tMensk"))  // not the romanised "ming si ke", the code "MSQ" or the Cyrillic name
        #expect(line.contains("\t1\t"))  // the capital
    }

    @Test("a city with bad coordinates or no name is skipped and named; the rest is kept")
    func badEntries() throws {
        let bad = #""1": {"geonameid": 1, "name": "Nowhere", "latitude": 123.0, "longitude": 0, "countrycode": "BY"}, "2": {"geonameid": 2}, "3": "not an object""#
        let root = try folder(cities: "{\(minsk), \(bad)}", admin1: "BY.04\tMinsk City\tMinsk City\t625143\ngarbage line\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try GazetteerBuilder.build(data: root, countryNames: [:])
        #expect(output.issues.filter { $0.file == "cities15000.json" }.count == 3)
        #expect(output.issues.contains { $0.file == "admin1CodesASCII.txt" && $0.line == 2 })
        #expect(output.text.contains("geonames:625144\t"))
    }

    @Test("truncated JSON is an error naming the file")
    func truncated() throws {
        let root = try folder(cities: "{\(minsk.prefix(60))")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect {
            try GazetteerBuilder.build(data: root, countryNames: [:])
        } throws: { error in
            (error as? KnowledgeFileError)?.file == "cities15000.json"
        }
    }

    @Test("a missing folder is an error, not a crash")
    func missing() throws {
        #expect(throws: KnowledgeFileError.self) {
            try GazetteerBuilder.build(data: URL(fileURLWithPath: "/nonexistent-faultline"), countryNames: [:])
        }
    }

    @Test("the real extract builds, with every country placed")
    func realExtract() throws {
        let output = try GazetteerBuilder.build(data: TestPaths.shared("data"))
        #expect(output.placeCount > 30_000)
        #expect(output.issues.allSatisfy { $0.message.contains("no outline, capital or city") })  // uninhabited territories
    }

    @Test("the codebook builds from the CAMEO tables, PLOVER modes kept apart from contexts")
    func codebook() throws {
        let output = try CodebookBuilder.build(data: TestPaths.shared("data"))
        #expect(output.issues.isEmpty)
        #expect(output.codeCount > 300)
        #expect(output.text.contains("\n0311\tExpress intent to cooperate economically\t5.2\t1\t1\tAGREE\t\teconomic\n"))
    }
}
