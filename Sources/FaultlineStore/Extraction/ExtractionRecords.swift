import FaultlineExtract
import FaultlineKnowledge
import GRDB

// The SQL that writes a document's extraction: sentences, mentions, events, claims, and its
// time anchor, time expressions and quantities (tables of migrations v2 and v3).

extension StoreWriter {
    /// Writes a document's extraction, in the transaction that stores the document, and marks
    /// it as extracted by this pipeline version.
    func storeExtraction(_ found: DocumentExtraction, documentID id: String) throws {
        let sentence = try db.cachedStatement(sql: #"INSERT INTO sentence (document_id, idx, start, "end") VALUES (?, ?, ?, ?)"#)
        for (n, s) in found.sentences.enumerated() { try sentence.execute(arguments: [id, n, s.start, s.end]) }

        let mention = try db.cachedStatement(
            sql: #"INSERT INTO mention (document_id, seq, sentence, start, "end", text, actor, kind, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"#)
        for (n, m) in found.mentions.enumerated() {
            try mention.execute(arguments: [id, n, m.sentence, m.start, m.end, m.text, m.actor.rawValue, m.kind.rawValue, m.code])
        }

        let event = try db.cachedStatement(sql: Self.insertEvent)
        for (n, e) in found.events.enumerated() {
            var values: [(any DatabaseValueConvertible)?] = [
                StableID.event(document: id, e), id, n, e.sentence, e.start, e.end, e.trigger, e.code, e.root, e.plover,
                e.goldstein, e.quad,
            ]
            for a in [e.source, e.target] {
                values += [a?.code, a?.actor?.rawValue, a?.name, a?.text, a?.start, a?.end, a?.inferred]
            }
            values += [e.date?.value, e.date?.first, e.date?.last, e.date?.source.rawValue, e.date?.text]
            let p = e.place
            values += [p?.id, p?.name, p?.country, p?.latitude, p?.longitude, p?.text, p?.start, p?.end]
            let by = e.attributedTo
            values += [e.status.rawValue, e.cue, by?.text, by?.actor?.actor?.rawValue, by?.actor?.code, by?.start, by?.end]
            try event.execute(arguments: StatementArguments(values))
        }

        let claim = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO claim (id, document_id, seq, sentence, start, "end", content, speaker_code, speaker_actor,
                    speaker_name, speaker_text, speaker_start, speaker_end, affiliation, affiliation_actor, cue, cue_start,
                    cue_end, direct, continuation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (n, c) in found.claims.enumerated() {
            let s = c.speaker
            try claim.execute(arguments: [
                StableID.claim(document: id, c), id, n, c.sentence, c.start, c.end, c.content, s?.code, s?.actor?.rawValue,
                s?.name, s?.text, s?.start, s?.end, c.affiliation, c.affiliationActor?.rawValue, c.cue, c.cueStart, c.cueEnd,
                c.direct, c.continuation,
            ])
        }

        try Self.write(found.timeAndQuantities, documentID: id, db: db)
        try db.cachedStatement(sql: "UPDATE document SET extraction_version = ? WHERE id = ?")
            .execute(arguments: [SQLiteStore.pipelineVersion, id])
    }

    /// Replaces what an earlier extraction stored for a document with `found`.
    public func replaceExtraction(_ found: DocumentExtraction, documentID id: String) throws {
        for table in ["sentence", "mention", "event", "claim", "timex", "quantity", "time_anchor"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE document_id = ?").execute(arguments: [id])
        }
        try storeExtraction(found, documentID: id)
    }

    static let insertEvent: String = {
        var columns = ["id", "document_id", "seq", "sentence", "start", "\"end\"", "trigger", "code", "root", "plover", "goldstein", "quad"]
        for side in ["source", "target"] {
            columns += ["code", "actor", "name", "text", "start", "end", "inferred"].map { "\(side)_\($0)" }
        }
        columns += ["date", "date_first", "date_last", "date_source", "date_text"]
        columns += ["id", "name", "country", "lat", "lon", "text", "start", "end"].map { "place_\($0)" }
        columns += ["status", "cue", "attributed_to", "attributed_to_actor", "attributed_to_code", "attributed_to_start", "attributed_to_end"]
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        // OR IGNORE: the same id twice means the extractor gave the same event twice; keep one.
        return "INSERT OR IGNORE INTO event (\(columns.joined(separator: ", "))) VALUES (\(marks))"
    }()
}

/// Ids for events and claims that depend only on what was found and where, so storing the
/// same extraction again gives the same ids (DESIGN: "ids are stable hashes").
enum StableID {
    static func event(document: String, _ e: ExtractedEvent) -> Int64 {
        // The fields the extractor keeps events apart by: one event per code and actor pair.
        hash([
            "event", document, String(e.sentence), String(e.start), String(e.end), e.code, e.source?.code ?? "",
            e.target?.code ?? "", String(e.source?.start ?? -1), String(e.target?.start ?? -1),
        ])
    }

    static func claim(document: String, _ c: ExtractedClaim) -> Int64 {
        hash(["claim", document, String(c.sentence), String(c.start), String(c.end), String(c.cueStart)])
    }

    /// 64-bit FNV-1a, cut to 63 bits so that it is a positive SQLite integer.
    static func hash(_ parts: [String]) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01B3
            }
            h ^= 0x1F  // a separator no field contains
            h = h &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: h & 0x7FFF_FFFF_FFFF_FFFF)
    }
}
