import FaultlineExtract
import FaultlineIngest
import FaultlineModel
@testable import FaultlineStore
import FaultlineTestSupport
import Foundation
import GRDB
import Testing

/// The seeds ingested once into a store the read-only tests below share.
struct SeedStore: Sendable {
    let store: SQLiteStore
    let folder: URL

    static let shared = Result { try SeedStore() }

    init() throws {
        folder = try TestPaths.temporaryFolder("store-events")
        store = try SQLiteStore(path: folder.appendingPathComponent("faultline.db").path)
        _ = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [try TestPaths.shared("seeds").path])
    }

    /// A document's text as Unicode scalars, the unit every stored span counts in.
    func scalars(_ document: String) throws -> [Unicode.Scalar] {
        Array(try #require(try store.document(idOrPrefix: document)).text.unicodeScalars)
    }
}

/// `text[start:end]` as Python slices it.
func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    String(String.UnicodeScalarView(scalars[start..<end]))
}

@Suite("Events and claims in the store")
struct EventStoreTests {
    @Test("ingesting the seeds stores each document's sentences, mentions, events and claims")
    func ingestStoresExtraction() throws {
        let seeded = try SeedStore.shared.get()
        let (events, claims) = try seeded.store.extractionCounts()
        #expect(events > 0)
        #expect(claims > 0)
        try seeded.store.database.read { db in
            let documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0
            let withSentences = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT document_id) FROM sentence") ?? 0
            #expect(withSentences == documents)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mention") ?? 0 > 0)
            let versions = try String.fetchAll(db, sql: "SELECT DISTINCT extraction_version FROM document")
            #expect(versions == [SQLiteStore.pipelineVersion])
            // Time expressions now carry the extractor's sentence index.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM timex WHERE sentence IS NULL") == 0)
        }
        // The ammunition article reports events with Belarus in them.
        let s004 = try #require(try seeded.store.documents().first { ($0.origin as NSString).lastPathComponent.hasPrefix("004_") })
        var query = EventQuery()
        query.document = s004.id
        query.actor = ActorFilter(codePrefixes: ["BLR"])
        #expect(!(try seeded.store.events(query)).isEmpty)
    }

    @Test("every exported event and claim carries its document, sentence and spans, and the stored text sliced with them gives its words")
    func exportedSpansSliceTheStoredText() throws {
        let seeded = try SeedStore.shared.get()
        var texts: [String: [Unicode.Scalar]] = [:]
        var sentenceSpans: [String: [Int: (Int, Int)]] = [:]
        try seeded.store.database.read { db in
            for row in try Row.fetchAll(db, sql: #"SELECT document_id, idx, start, "end" FROM sentence"#) {
                sentenceSpans[row["document_id"], default: [:]][row["idx"]] = (row["start"], row["end"])
            }
        }
        func object(_ line: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let events = try seeded.store.events()
        #expect(!events.isEmpty)
        for event in events {
            let e = try object(EventExport.record(event).jsonLine)
            let document = try #require(e["document"] as? String)
            let sentence = try #require(e["sentence"] as? Int)
            let start = try #require(e["start"] as? Int), end = try #require(e["end"] as? Int)
            let from = try #require(e["sentence_start"] as? Int), to = try #require(e["sentence_end"] as? Int)
            if texts[document] == nil { texts[document] = try seeded.scalars(document) }
            let text = try #require(texts[document])
            #expect(slice(text, start, end) == e["trigger"] as? String)
            #expect(from <= start && end <= to, "the trigger lies in its sentence")
            #expect(sentenceSpans[document]?[sentence].map { $0 == (from, to) } == true, "the sentence index names that span")
            #expect(slice(text, from, to) == e["text"] as? String)
            if let s = event.source, let a = s.start, let b = s.end, s.inferred != true { #expect(slice(text, a, b) == s.text) }
            if let t = event.target, let a = t.start, let b = t.end, t.inferred != true { #expect(slice(text, a, b) == t.text) }
            if let p = event.place, let a = p.start, let b = p.end { #expect(slice(text, a, b) == p.text) }
            if let by = event.attributedTo, let a = by.start, let b = by.end { #expect(slice(text, a, b) == by.text) }
        }
        let claims = try seeded.store.claims()
        #expect(!claims.isEmpty)
        for claim in claims {
            let c = try object(ClaimExport.record(claim).jsonLine)
            let document = try #require(c["document"] as? String)
            let sentence = try #require(c["sentence"] as? Int)
            let start = try #require(c["start"] as? Int), end = try #require(c["end"] as? Int)
            if texts[document] == nil { texts[document] = try seeded.scalars(document) }
            let text = try #require(texts[document])
            #expect(slice(text, start, end) == c["content"] as? String)
            #expect(sentenceSpans[document]?[sentence] != nil)
            let from = try #require(c["sentence_start"] as? Int), to = try #require(c["sentence_end"] as? Int)
            #expect(slice(text, from, to) == c["text"] as? String)
            if let s = claim.speaker, let a = s.start, let b = s.end { #expect(slice(text, a, b) == s.text) }
        }
    }

    @Test("a store made before events existed keeps its documents, and reextract adds their extraction")
    func migrationFromVersion2() throws {
        let folder = try TestPaths.temporaryFolder("store-v2")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("faultline.db").path
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v2: time expressions and quantities")
        let text = """
            Belarus Closes a Checkpoint

            On 24 May the Belarusian border service shot down a drone near Gomel, the ministry said. \
            Belarusian troops attacked a Ukrainian checkpoint on 25 May.
            """
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO document (id, origin, format, published, published_time, text, content_hash, shingle_count,
                        ingested_at, pipeline_version)
                    VALUES ('00000000000000aa', 'a.txt', 'text', '2024-07-01', '2024-07-01', ?, 'h', 0, 'now', '0.1.0')
                    """,
                arguments: [text])
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        #expect(try store.documentCount() == 1)
        #expect(try store.document(idOrPrefix: "00000000000000aa")?.text == text)
        #expect(try store.outdatedExtractionCount() == 1)
        #expect(try store.extractionCounts().events == 0)

        var options = Reextractor.Options()
        options.outdatedOnly = true
        let summary = try Reextractor(store: store, options: options, models: try SharedModels.get()).run()
        #expect(summary.documents == 1)
        #expect(try store.outdatedExtractionCount() == 0)
        let events = try store.events()
        #expect(events.count == summary.events)
        #expect(events.contains { $0.source?.code?.hasPrefix("BLR") == true })
        #expect(try store.timeAndQuantities(documentID: "00000000000000aa").timexes.allSatisfy { $0.sentence != nil })
        let sentences = try store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sentence") ?? 0 }
        #expect(sentences >= 2)
        // A second --outdated run has nothing left to do.
        #expect(try Reextractor(store: store, options: options, models: try SharedModels.get()).run().documents == 0)
    }

    @Test("reextract twice leaves the same rows as ingest did, ids included")
    func reextractIsIdempotent() throws {
        let folder = try TestPaths.temporaryFolder("store-reextract")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("faultline.db").path)
        let models = try SharedModels.get()
        _ = try Ingestor(store: store, models: models).run(paths: [try TestPaths.shared("seeds").path])
        let ingested = try dump(store)
        #expect(ingested["event"]?.isEmpty == false)
        let first = try Reextractor(store: store, models: models).run()
        let once = try dump(store)
        _ = try Reextractor(store: store, models: models).run()
        let twice = try dump(store)
        #expect(first.documents == 5)
        for table in ingested.keys.sorted() {
            #expect(once[table] == ingested[table], "\(table) after one reextract")
            #expect(twice[table] == once[table], "\(table) after two")
        }
    }

    /// Every row of every extraction table, as text, in key order.
    func dump(_ store: SQLiteStore) throws -> [String: [String]] {
        let tables = [
            "sentence": "document_id, idx", "mention": "document_id, seq", "event": "id", "claim": "id",
            "timex": "document_id, seq", "quantity": "document_id, seq", "time_anchor": "document_id",
        ]
        return try store.database.read { db in
            var out: [String: [String]] = [:]
            for (table, order) in tables {
                out[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map(\.description)
            }
            return out
        }
    }
}
