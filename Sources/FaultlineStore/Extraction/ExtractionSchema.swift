import GRDB

/// The tables extraction fills (migration v3): each document's sentences, actor mentions,
/// events and claims. Every span is in Unicode scalars into `document.text`, as exported.
enum ExtractionSchema {
    static func create(_ db: Database) throws {
        // Which pipeline version extracted the document; NULL until one has (documents stored
        // before v3), so `reextract --outdated` can find them.
        try db.alter(table: "document") { t in
            t.add(column: "extraction_version", .text)
        }
        try db.create(table: "sentence", options: .withoutRowID) { t in
            t.column("document_id", .text).notNull().references("document", onDelete: .cascade)
            t.column("idx", .integer).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.primaryKey(["document_id", "idx"])
        }
        try db.create(table: "mention", options: .withoutRowID) { t in
            t.column("document_id", .text).notNull().references("document", onDelete: .cascade)
            t.column("seq", .integer).notNull()
            t.column("sentence", .integer).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("text", .text).notNull()
            t.column("actor", .text).notNull()  // knowledge-base id
            t.column("kind", .text).notNull()
            t.column("code", .text)  // CAMEO code on the document's day
            t.primaryKey(["document_id", "seq"])
        }
        try db.create(index: "mention_actor", on: "mention", columns: ["actor"])

        // The id is a stable hash of the document, sentence, span, code and actors, so
        // re-extracting with the same pipeline gives the same ids.
        try db.create(table: "event") { t in
            t.column("id", .integer).primaryKey()
            t.column("document_id", .text).notNull().references("document", onDelete: .cascade)
            t.column("seq", .integer).notNull()  // the extractor's order within the document
            t.column("sentence", .integer).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("trigger", .text).notNull()
            t.column("code", .text).notNull()
            t.column("root", .text).notNull()
            t.column("plover", .text)
            t.column("goldstein", .double).notNull()
            t.column("quad", .integer).notNull()
            for side in ["source", "target"] {
                t.column("\(side)_code", .text)
                t.column("\(side)_actor", .text)
                t.column("\(side)_name", .text)
                t.column("\(side)_text", .text)
                t.column("\(side)_start", .integer)
                t.column("\(side)_end", .integer)
                t.column("\(side)_inferred", .boolean)
            }
            t.column("date", .text)  // TIMEX3 value: a day, month, year or day/day interval
            t.column("date_first", .text)  // the first and last day it covers, what filters compare
            t.column("date_last", .text)
            t.column("date_source", .text)  // sentence, context, document
            t.column("date_text", .text)
            t.column("place_id", .text)
            t.column("place_name", .text)
            t.column("place_country", .text)  // ISO 3166-1 alpha-2
            t.column("place_lat", .double)
            t.column("place_lon", .double)
            t.column("place_text", .text)
            t.column("place_start", .integer)
            t.column("place_end", .integer)
            t.column("status", .text).notNull()
            t.column("cue", .text)
            t.column("attributed_to", .text)  // the attributing source as the text names it
            t.column("attributed_to_actor", .text)
            t.column("attributed_to_code", .text)
            t.column("attributed_to_start", .integer)
            t.column("attributed_to_end", .integer)
        }
        try db.create(index: "event_document", on: "event", columns: ["document_id", "seq"], unique: true)
        try db.create(index: "event_source_actor", on: "event", columns: ["source_actor"])
        try db.create(index: "event_target_actor", on: "event", columns: ["target_actor"])
        try db.create(index: "event_source_code", on: "event", columns: ["source_code"])
        try db.create(index: "event_target_code", on: "event", columns: ["target_code"])
        try db.create(index: "event_code", on: "event", columns: ["code"])
        try db.create(index: "event_date", on: "event", columns: ["date_first", "date_last"])
        try db.create(index: "event_place", on: "event", columns: ["place_id"])

        try db.create(table: "claim") { t in
            t.column("id", .integer).primaryKey()
            t.column("document_id", .text).notNull().references("document", onDelete: .cascade)
            t.column("seq", .integer).notNull()
            t.column("sentence", .integer).notNull()
            t.column("start", .integer).notNull()  // the content's span (inside the quotation marks)
            t.column("end", .integer).notNull()
            t.column("content", .text).notNull()
            t.column("speaker_code", .text)
            t.column("speaker_actor", .text)
            t.column("speaker_name", .text)
            t.column("speaker_text", .text)
            t.column("speaker_start", .integer)
            t.column("speaker_end", .integer)
            t.column("affiliation", .text)
            t.column("affiliation_actor", .text)
            t.column("cue", .text).notNull()
            t.column("cue_start", .integer).notNull()
            t.column("cue_end", .integer).notNull()
            t.column("direct", .boolean).notNull()
            t.column("continuation", .boolean).notNull()
        }
        try db.create(index: "claim_document", on: "claim", columns: ["document_id", "seq"], unique: true)
        try db.create(index: "claim_speaker_actor", on: "claim", columns: ["speaker_actor"])
    }
}
