import FaultlineIngest
import FaultlineModel
import FaultlineSamples
import FaultlineStore
import FaultlineTestSupport
import Foundation
import Testing

@Suite("Batches with bad input")
struct BatchIngestTests {
    @Test("a batch with every kind of bad file stores the good ones and names each failure")
    func mixedBatch() throws {
        let folder = try TestPaths.temporaryFolder("batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        func put(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: inputs.appendingPathComponent(name)) }
        try put("good-1.txt", Array("Belarus Closes a Checkpoint\n\nBy Ivan Petrov\n\nThe checkpoint at Brest closed on Tuesday.".utf8))
        try put("good-2.html", Array("<html><head><title>Drone downed</title></head><body><p>A drone was shot down near Gomel.</p></body></html>".utf8))
        try put("empty.txt", [])
        try put("binary.txt", [0x00, 0x01, 0x02, 0xFF, 0x00])
        try put("huge.txt", [UInt8](repeating: 0x41, count: 2 * 1024 * 1024))
        try put("cut.html.gz", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4B, 0x4C])
        try put("broken.rss", Array("<rss><channel><item><title>One</title><description>ok</description></item><item><title>Two & </title></item></channel></rss>".utf8))
        try put("lines.jsonl", Array("{\"text\": \"Good record.\"}\nnot json\n".utf8))
        try put("latin.txt", Array("Caf".utf8) + [0xE9, 0x20] + Array("in Minsk.".utf8))
        try put("notes.pdf", Array("%PDF-1.4".utf8))
        try FileManager.default.createSymbolicLink(
            atPath: inputs.appendingPathComponent("dangling.txt").path, withDestinationPath: "/nonexistent/faultline")

        let store = try SQLiteStore(path: folder.appendingPathComponent("f.db").path)
        var options = Ingestor.Options()
        options.maxBytes = 1024 * 1024
        let summary = try Ingestor(store: store, options: options, models: try SharedModels.get()).run(paths: [inputs.path, folder.appendingPathComponent("nope").path])

        let stored = Set(try store.documents().map { ($0.origin as NSString).lastPathComponent })
        #expect(stored.isSuperset(of: ["good-1.txt", "good-2.html", "latin.txt", "broken.rss#item-1", "lines.jsonl#line-1"]))
        let failed = Dictionary(summary.failures.map { (($0.origin as NSString).lastPathComponent, $0.code) }, uniquingKeysWith: { a, _ in a })
        #expect(failed["empty.txt"] == .empty)
        #expect(failed["binary.txt"] == .binary)
        #expect(failed["huge.txt"] == .tooLarge)
        #expect(failed["cut.html.gz"] == .truncatedGzip)
        #expect(failed["broken.rss#item-2"] == .malformedXML)
        #expect(failed["lines.jsonl#line-2"] == .malformedJSON)
        #expect(failed["dangling.txt"] == .notFound)
        #expect(failed["nope"] == .notFound)
        #expect(summary.skipped.map { ($0 as NSString).lastPathComponent } == ["notes.pdf"])
        #expect(summary.warnings.keys.contains { $0.hasSuffix("latin.txt") })
        // What failed is kept in the store too, for later inspection.
        #expect(try store.recentFailures().count == summary.failed)
    }

    @Test("a folder of 10,000 files is read, in order, without running out of anything")
    func tenThousandFiles() throws {
        let folder = try TestPaths.temporaryFolder("many")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("in/nested")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for i in 0..<10_000 {
            let text = "Report \(i)\n\nBorder unit \(i) moved \(i * 7 % 97) vehicles toward checkpoint \(i % 13) on day \(i % 28 + 1), officials in district \(i) said."
            try Data(text.utf8).write(to: inputs.appendingPathComponent(String(format: "%05d.txt", i)))
        }
        let store = try SQLiteStore(path: folder.appendingPathComponent("f.db").path)
        // What is measured here is reading and storing; extraction of 10,000 files would
        // dominate a debug build's run.
        var options = Ingestor.Options()
        options.extract = false
        let summary = try Ingestor(store: store, options: options).run(paths: [folder.appendingPathComponent("in").path])
        #expect(summary.inputs == 10_000)
        #expect(summary.failed == 0)
        #expect(summary.new + summary.nearDuplicates == 10_000)
        #expect(try store.documentCount() == 10_000)
    }

    @Test("the demo corpus reads every format with the metadata its README lists")
    func demoCorpus() throws {
        let folder = try TestPaths.temporaryFolder("demo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("f.db").path)
        let summary = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [SampleCorpus.directory.path])
        #expect(summary.failed == 0)
        let rows = try store.documents()
        #expect(rows.count == 13)
        func find(_ title: String) throws -> DocumentSummary { try #require(rows.first { $0.title == title }, "\(title)") }
        let korvin = try find("Belarus Sends Three Battalions Toward Grodno in Snap Readiness Check")
        #expect(korvin.outlet == "Eastern Flank Monitor")
        #expect(korvin.published == "2025-03-14")
        #expect(korvin.duplicateOf == nil)
        let syndicated = try find("Minsk Moves Troops Near Lithuanian Border as Vilnius Shores Up Checkpoints")
        #expect(syndicated.duplicateOf == korvin.id)
        let page = try find("EU readies sanctions on Belarusian fuel traders accused of supplying Russian army")
        #expect(page.authors == ["Daniel Okafor"])
        #expect(page.outlet == "Meridian Wire")
        #expect(page.url == "https://meridianwire.example/2025/04/02/sanctions-brief")
        let cp1252 = try find("Balloons from Belarus close Vilnius airport for the third night this week")
        #expect(cp1252.authors == ["Hélène Dusart"])
        #expect(cp1252.published == "2024-11-28")
        #expect(rows.filter { $0.format == .rss }.count == 3)
        #expect(rows.filter { $0.format == .atom }.count == 2)
        #expect(rows.filter { $0.format == .jsonl }.map(\.authors).contains(["Ruslan Abenov"]))
        let aggregator = try #require(rows.first { $0.origin.hasSuffix("rail-shipments-aggregator.txt") })
        #expect(aggregator.authors == ["Pavel Ostrin"])
        #expect(aggregator.publishedTime == "2024-11-19T09:30:00")
        #expect(aggregator.outlet == nil)
    }
}
