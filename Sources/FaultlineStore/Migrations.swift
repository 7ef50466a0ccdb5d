import FaultlineExtract
import FaultlineModel
import GRDB

/// The store's schema, one registered migration per version; GRDB runs the missing ones.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, near-duplicate bands, full-text index, runs") { db in
            try db.create(table: "document") { t in
                t.primaryKey("id", .text)
                t.column("origin", .text).notNull()
                t.column("format", .text).notNull()
                t.column("url", .text)
                t.column("title", .text)
                t.column("authors", .text).notNull().defaults(to: "[]")  // JSON array
                t.column("outlet", .text)
                t.column("published", .text).indexed()  // YYYY-MM-DD, what filters compare
                t.column("published_time", .text)  // ISO 8601 as precise as the source
                t.column("modified", .text)
                t.column("language", .text)
                t.column("extra", .text).notNull().defaults(to: "{}")  // JSON object
                t.column("text", .text).notNull()
                t.column("content_hash", .text).notNull().indexed()
                t.column("shingle_count", .integer).notNull()
                t.column("minhash", .blob)
                t.column("duplicate_of", .text).references("document", onDelete: .setNull).indexed()
                t.column("warnings", .text)
                t.column("ingested_at", .text).notNull()
                t.column("pipeline_version", .text).notNull()
            }
            try db.create(index: "document_outlet", on: "document", columns: ["outlet"])
            // Written 32 times per document: one B-tree keyed for the lookup, no foreign key to check.
            try db.create(table: "document_band", options: .withoutRowID) { t in
                t.column("key", .integer).notNull()
                t.column("document_id", .text).notNull()
                t.primaryKey(["key", "document_id"])
            }
            try db.create(virtualTable: "document_fts", using: FTS5()) { t in
                t.synchronize(withTable: "document")
                t.tokenizer = .porter(wrapping: .unicode61())
                t.column("title")
                t.column("text")
            }
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("command", .text).notNull()
                t.column("started_at", .text).notNull()
                t.column("finished_at", .text)
                t.column("pipeline_version", .text).notNull()
                t.column("summary", .text)  // JSON
            }
            try db.create(table: "ingest_failure") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade).indexed()
                t.column("origin", .text).notNull()
                t.column("code", .text).notNull()
                t.column("message", .text).notNull()
            }
        }
        migrator.registerMigration("v2: time expressions and quantities") { db in
            try db.create(table: "time_anchor") { t in
                t.primaryKey("document_id", .text).references("document", onDelete: .cascade)
                t.column("value", .text).notNull()  // 2024-07-01, or 2024-11 / 2024 when only that is known
                t.column("inferred", .boolean).notNull()  // from the text, not the publication date
                t.column("evidence", .text)
            }
            try db.create(table: "timex") { t in
                t.column("document_id", .text).notNull().references("document", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("sentence", .integer)
                t.column("start", .integer).notNull()  // Unicode scalar offsets into document.text
                t.column("end", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("type", .text).notNull()  // DATE, TIME, DURATION, SET
                t.column("value", .text).notNull()  // TIMEX3 value
                t.column("mod", .text)
                t.column("anchored", .boolean).notNull()  // resolved against the time anchor
                t.primaryKey(["document_id", "seq"])
            }
            try db.create(table: "quantity") { t in
                t.column("document_id", .text).notNull().references("document", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("sentence", .integer)
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("value", .double).notNull()
                t.column("upper", .double)
                t.column("unit", .text)  // t, km², USD, %; NULL for a count
                t.column("mod", .text)
                t.column("object", .text)  // the noun counted
                t.column("object_start", .integer)
                t.column("object_end", .integer)
                t.primaryKey(["document_id", "seq"])
            }
            // Documents stored before this version get theirs now.
            let rows = try Row.fetchAll(db, sql: "SELECT id, text, published_time FROM document")
            for row in rows {
                let published = (row["published_time"] as String?).flatMap { PublicationDate(isoString: $0) }
                let found = TimeAndQuantities(text: row["text"], published: published)
                try StoreWriter.write(found, documentID: row["id"], db: db)
            }
        }
        migrator.registerMigration("v3: sentences, actor mentions, events and claims") { db in
            try ExtractionSchema.create(db)
        }
        return migrator
    }
}
