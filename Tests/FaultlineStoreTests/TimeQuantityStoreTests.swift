import FaultlineExtract
import FaultlineIngest
import FaultlineModel
@testable import FaultlineStore
import FaultlineTestSupport
import Foundation
import GRDB
import Testing

@Suite("Time expressions and quantities in the store")
struct TimeQuantityStoreTests {
    @Test("ingesting the seeds stores each document's anchor, time expressions and quantities with their spans")
    func ingestedSeeds() throws {
        let seeds = try TestPaths.shared("seeds")
        let folder = try TestPaths.temporaryFolder("store-time")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("faultline.db").path)
        _ = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [seeds.path])
        let rows = try store.documents()
        func found(_ prefix: String) throws -> (Document, TimeAndQuantities) {
            let row = try #require(rows.first { ($0.origin as NSString).lastPathComponent.hasPrefix(prefix) })
            let document = try #require(try store.document(idOrPrefix: row.id))
            return (document, try store.timeAndQuantities(documentID: row.id))
        }

        let (d000, s000) = try found("000_")
        #expect(s000.anchor?.value == "2024-07-01")
        #expect(s000.anchor?.inferred == false)
        let may = try #require(s000.timexes.first { $0.text == "24 May" })
        #expect(may.value == "2024-05-24")
        let scalars = Array(d000.text.unicodeScalars)
        var slice = ""
        slice.unicodeScalars.append(contentsOf: scalars[may.start..<may.end])
        #expect(slice == "24 May")
        #expect(s000.timexes.contains { $0.value == "2024-07-09/2024-07-11" })

        let (_, s003) = try found("003_")
        #expect(s003.anchor?.inferred == true)
        #expect(s003.anchor?.value == "2024-11-01")
        #expect(s003.timexes.first { $0.text == "January 20" }?.value == "2025-01-20")
        #expect(s003.quantities.contains { $0.unit == "km²" && $0.value == 574 && $0.object == "territory" })

        let (_, s004) = try found("004_")
        #expect(s004.anchor == nil)
        #expect(s004.quantities.contains { $0.unit == "t" && $0.value == 492 && $0.object == "ammunition" })
        #expect(s004.quantities.contains { $0.unit == nil && $0.value == 13 && $0.object == "trains" })
    }

    @Test("a store made before time expressions existed gets them when it is opened")
    func backfill() throws {
        let folder = try TestPaths.temporaryFolder("store-v1")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("faultline.db").path
        // A store as the first release left it: migrated to v1, with one document.
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v1: documents, near-duplicate bands, full-text index, runs")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO document (id, origin, format, published, published_time, text, content_hash, shingle_count,
                        ingested_at, pipeline_version)
                    VALUES ('00000000000000aa', 'a.txt', 'text', '2024-07-01', '2024-07-01', ?, 'h', 0, 'now', '0.1.0')
                    """,
                arguments: ["Drones crossed on 24 May; 13 trains left."])
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        let found = try store.timeAndQuantities(documentID: "00000000000000aa")
        #expect(found.anchor?.value == "2024-07-01")
        #expect(found.timexes.map(\.value) == ["2024-05-24"])
        #expect(found.quantities.map(\.object) == ["trains"])
    }
}
