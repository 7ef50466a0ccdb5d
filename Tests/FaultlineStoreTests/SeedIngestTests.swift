import FaultlineIngest
import FaultlineModel
import FaultlineStore
import FaultlineTestSupport
import Foundation
import Testing

/// The five real articles in ../shared/seeds, ingested into a real SQLite file.
@Suite("Ingesting the seeds")
struct SeedIngestTests {
    func freshStore() throws -> (SQLiteStore, URL) {
        let folder = try TestPaths.temporaryFolder("store")
        return (try SQLiteStore(path: folder.appendingPathComponent("faultline.db").path), folder)
    }

    func row(_ rows: [DocumentSummary], _ prefix: String) throws -> DocumentSummary {
        try #require(rows.first { ($0.origin as NSString).lastPathComponent.hasPrefix(prefix) }, "no document from \(prefix)…")
    }

    @Test("the seeds give five documents with the titles, authors, dates and outlets they carry")
    func metadata() throws {
        let seeds = try TestPaths.shared("seeds")
        let (store, folder) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [seeds.path])
        #expect(summary.new == 5)
        #expect(summary.failed == 0)
        let rows = try store.documents()
        #expect(rows.count == 5)

        let s001 = try row(rows, "001_")
        #expect(s001.title == "Belarus Is Between a Rock and a Hard Place. “Balance” its Relations between Russia and the US")
        #expect(s001.authors == ["Andrew Korybko"])
        #expect(s001.published == "2019-09-05")
        #expect(s001.outlet == "Global Research")

        let s002 = try row(rows, "002_")
        #expect(s002.title == "Trump Is Twisting Putin's Arm Through Belarus' President Lukashenko")
        #expect(s002.authors == ["Andrew Korybko"])
        #expect(s002.published == "2019-05-05")
        #expect(s002.outlet == "Global Research")

        let s000 = try row(rows, "000_")
        #expect(s000.authors == ["Andrew Korybko"])
        #expect(s000.published == "2024-07-01")

        let s003 = try row(rows, "003_")
        #expect(s003.title == "Politico: Moscow and Kiev seek to gain an advantage ahead of negotiations")
        for author in ["Tim Ross", "Robbie Gramer", "Nick Taylor-Vaisey"] { #expect(s003.authors.contains(author)) }

        let s004 = try row(rows, "004_")
        #expect(s004.title == "Is Russia Moving Ammunition From Belarusian Storage Facilities?")
        #expect(s004.authors == ["Jack Buckby"])
    }

    @Test("the stored text keeps the article and drops reposting boilerplate")
    func text() throws {
        let seeds = try TestPaths.shared("seeds")
        let (store, folder) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [seeds.path])
        let rows = try store.documents()
        let s001 = try #require(try store.document(idOrPrefix: try row(rows, "001_").id))
        #expect(s001.text.hasPrefix("Belarus Is Between a Rock and a Hard Place."))
        #expect(!s001.text.contains("Disclaimer"))
        #expect(!s001.text.contains("Region:"))
        #expect(!s001.text.contains("](#)"))
        #expect(s001.text.contains("US National Security Advisor Bolton’s trip"))
        let s000 = try #require(try store.document(idOrPrefix: try row(rows, "000_").id))
        #expect(s000.text.hasPrefix("Belarusian and Russian media have been flooded"))
        #expect(!s000.text.contains("Tyler Durden"))
        #expect(s000.text.unicodeScalars.elementsEqual(s000.text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test("ingesting the seeds again adds nothing")
    func idempotent() throws {
        let seeds = try TestPaths.shared("seeds")
        let (store, folder) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [seeds.path])
        let ids = try store.documents().map(\.id)
        let again = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [seeds.path])
        #expect(again.new == 0)
        #expect(again.duplicates == 5)
        #expect(try store.documents().map(\.id) == ids)
    }

    @Test("a copy of a seed without its footer and with a changed first line is its near-duplicate")
    func nearDuplicate() throws {
        let seeds = try TestPaths.shared("seeds")
        let (store, folder) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [seeds.path])
        for seed in ["001_efeed59e12952177.txt", "004_32a28d34ad524d2f.txt"] {
            let original = try String(contentsOf: seeds.appendingPathComponent(seed), encoding: .utf8)
            var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let firstContent = try #require(lines.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            lines[firstContent] = "SYNDICATED: " + lines[firstContent].uppercased()
            // Cut the footer: everything after the last paragraph of the body.
            if let cut = lines.firstIndex(where: { $0.hasPrefix("Note to readers") || $0.hasPrefix("Jack Buckby is") }) {
                lines.removeSubrange(cut...)
            }
            let copy = folder.appendingPathComponent("copy-\(seed)")
            try lines.joined(separator: "\n").write(to: copy, atomically: true, encoding: .utf8)
            let summary = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [copy.path])
            #expect(summary.nearDuplicates == 1, "copy of \(seed)")
            let stored = try #require(try store.documents().first { $0.origin == copy.path })
            let originalRow = try row(try store.documents(), String(seed.prefix(4)))
            #expect(stored.duplicateOf == originalRow.id)
        }
        // Two different articles by the same author and outlet are not near-duplicates.
        #expect(try store.documents().filter { $0.duplicateOf != nil }.count == 2)
    }

    @Test("searching 'ammunition trains' ranks the ammunition article first, with a snippet")
    func search() throws {
        let seeds = try TestPaths.shared("seeds")
        let (store, folder) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [seeds.path])
        let hits = try store.search("ammunition trains")
        let first = try #require(hits.first)
        let s004 = try row(try store.documents(), "004_")
        #expect(first.id == s004.id)
        #expect(first.snippet.contains("[trains]") || first.snippet.contains("[ammunition]"))
    }
}
