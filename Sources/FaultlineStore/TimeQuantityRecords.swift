import FaultlineExtract
import FaultlineModel
import Foundation
import GRDB

// The SQL that writes and reads each document's time anchor, time expressions and quantities
// (tables `time_anchor`, `timex`, `quantity`; migration v2).

extension StoreWriter {
    static func write(_ found: TimeAndQuantities, documentID id: String, db: Database) throws {
        if let anchor = found.anchor {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO time_anchor (document_id, value, inferred, evidence) VALUES (?, ?, ?, ?)")
                .execute(arguments: [id, anchor.value, anchor.inferred, anchor.evidence])
        }
        let timex = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO timex (document_id, seq, sentence, start, "end", text, type, value, mod, anchored)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (n, t) in found.timexes.enumerated() {
            try timex.execute(arguments: [id, n, t.sentence, t.start, t.end, t.text, t.type.rawValue, t.value, t.mod, t.anchored])
        }
        let quantity = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO quantity (document_id, seq, sentence, start, "end", text, value, upper, unit, mod,
                    object, object_start, object_end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (n, q) in found.quantities.enumerated() {
            try quantity.execute(arguments: [
                id, n, q.sentence, q.start, q.end, q.text, q.value, q.upper, q.unit, q.mod, q.object, q.objectStart, q.objectEnd,
            ])
        }
    }
}

extension SQLiteStore {
    /// What was extracted from a stored document: its time anchor, time expressions and quantities.
    public func timeAndQuantities(documentID id: String) throws -> TimeAndQuantities {
        try database.read { db in
            var anchor: TimeAnchor?
            if let row = try Row.fetchOne(db, sql: "SELECT value, inferred, evidence FROM time_anchor WHERE document_id = ?", arguments: [id]),
                let value: String = row["value"]
            {
                anchor = Self.anchor(value: value, inferred: row["inferred"], evidence: row["evidence"])
            }
            let timexes = try Row.fetchAll(db, sql: "SELECT * FROM timex WHERE document_id = ? ORDER BY seq", arguments: [id]).map { row in
                Timex(
                    start: row["start"], end: row["end"], text: row["text"], type: Timex.Kind(rawValue: row["type"]) ?? .date,
                    value: row["value"], mod: row["mod"], anchored: row["anchored"], sentence: row["sentence"])
            }
            let quantities = try Row.fetchAll(db, sql: "SELECT * FROM quantity WHERE document_id = ? ORDER BY seq", arguments: [id]).map { row in
                Quantity(
                    start: row["start"], end: row["end"], text: row["text"], value: row["value"], upper: row["upper"],
                    unit: row["unit"], mod: row["mod"], object: row["object"], objectStart: row["object_start"],
                    objectEnd: row["object_end"], sentence: row["sentence"])
            }
            return TimeAndQuantities(anchor: anchor, timexes: timexes, quantities: quantities)
        }
    }

    /// A stored anchor value (`2024-07-01`, `2024-11`, `2024`) back as a ``TimeAnchor``.
    static func anchor(value: String, inferred: Bool, evidence: String?) -> TimeAnchor? {
        let parts = value.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first else { return nil }
        let precision: TimeAnchor.Precision = parts.count >= 3 ? .day : parts.count == 2 ? .month : .year
        let date = PublicationDate(year: year, month: parts.count >= 2 ? parts[1] : 7, day: parts.count >= 3 ? parts[2] : 1)
        return TimeAnchor(date: date, precision: precision, inferred: inferred, evidence: evidence)
    }
}
