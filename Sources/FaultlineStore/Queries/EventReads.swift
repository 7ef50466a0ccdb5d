import Foundation
import GRDB

// The SQL that reads events, claims and trends back (tables of migration v3).

extension SQLiteStore {
    /// Events matching `query`, by event date (undated last), then document and order found.
    public func events(_ query: EventQuery = EventQuery()) throws -> [StoredEvent] {
        let (filter, arguments) = Self.eventFilter(query)
        var sql = """
            SELECT e.*, s.start AS sentence_start, s."end" AS sentence_end,
                   substr(d.text, s.start + 1, s."end" - s.start) AS sentence_text,
                   d.url, d.origin, d.published, d.ingested_at
            FROM event e JOIN document d ON d.id = e.document_id
            LEFT JOIN sentence s ON s.document_id = e.document_id AND s.idx = e.sentence
            \(filter)
            ORDER BY e.date_first IS NULL, e.date_first, e.date_last, e.document_id, e.seq
            """
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        return try database.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.event)
        }
    }

    /// Claims matching `query`, by document date, document and order found.
    public func claims(_ query: ClaimQuery = ClaimQuery()) throws -> [StoredClaim] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        // The speaker matches by filter or by name words, either.
        var speaker: [String] = []
        if let filter = query.speaker {
            let (sql, values) = filter.sql("c.speaker")
            speaker.append(sql)
            arguments += StatementArguments(values)
        }
        if let words = query.speakerText {
            speaker.append("c.speaker_name LIKE ? ESCAPE '\\' OR c.speaker_text LIKE ? ESCAPE '\\'")
            let pattern = "%" + Self.likeEscaped(words) + "%"
            arguments += [pattern, pattern]
        }
        if !speaker.isEmpty { clauses.append("(" + speaker.joined(separator: " OR ") + ")") }
        if let document = query.document?.lowercased() {
            clauses.append("c.document_id >= ? AND c.document_id < ?")
            arguments += [document, document + "g"]
        }
        if let direct = query.direct {
            clauses.append("c.direct = ?")
            arguments += [direct]
        }
        var sql = """
            SELECT c.*, s.start AS sentence_start, s."end" AS sentence_end,
                   substr(d.text, s.start + 1, s."end" - s.start) AS sentence_text,
                   d.url, d.origin, d.published, d.ingested_at
            FROM claim c JOIN document d ON d.id = c.document_id
            LEFT JOIN sentence s ON s.document_id = c.document_id AND s.idx = c.sentence
            """
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY d.published IS NULL, d.published, c.document_id, c.seq"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        return try database.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.claim)
        }
    }

    /// Events matching `query` counted by month, with their mean Goldstein value and quad
    /// classes: how relations trend. `query.actor` decides what counts as source and target.
    ///
    /// An event dated to a day or month falls in its month; one dated only to a year (or an
    /// interval across months) in its year; one across years, or without a date, is "undated".
    public func monthlyTrend(_ query: EventQuery) throws -> [MonthTrend] {
        let (filter, arguments) = Self.eventFilter(query)
        let (asSource, sourceArguments) = query.actor?.sql("e.source") ?? ("0", [])
        let (asTarget, targetArguments) = query.actor?.sql("e.target") ?? ("0", [])
        let sql = """
            SELECT CASE WHEN e.date_first IS NULL OR e.date_last IS NULL THEN 'undated'
                        WHEN substr(e.date_first, 1, 7) = substr(e.date_last, 1, 7) THEN substr(e.date_first, 1, 7)
                        WHEN substr(e.date_first, 1, 4) = substr(e.date_last, 1, 4) THEN substr(e.date_first, 1, 4)
                        ELSE 'undated' END AS period,
                   -- A NULL actor column makes the match NULL, not false.
                   COUNT(*) AS events, SUM(COALESCE(\(asSource), 0)) AS as_source,
                   SUM(COALESCE(\(asTarget), 0)) AS as_target,
                   AVG(e.goldstein) AS mean_goldstein,
                   SUM(e.quad = 1) AS q1, SUM(e.quad = 2) AS q2, SUM(e.quad = 3) AS q3, SUM(e.quad = 4) AS q4
            FROM event e \(filter)
            GROUP BY period ORDER BY period = 'undated', period
            """
        return try database.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(sourceArguments + targetArguments) + arguments).map { row in
                MonthTrend(
                    period: row["period"], events: row["events"], asSource: row["as_source"], asTarget: row["as_target"],
                    meanGoldstein: row["mean_goldstein"], verbalCooperation: row["q1"], materialCooperation: row["q2"],
                    verbalConflict: row["q3"], materialConflict: row["q4"])
            }
        }
    }

    /// How many events and claims are stored.
    public func extractionCounts() throws -> (events: Int, claims: Int) {
        try database.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claim") ?? 0
            )
        }
    }

    // MARK: - Filters

    static func eventFilter(_ query: EventQuery) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: [String] = []
        func add(_ part: (String, [String])) {
            clauses.append(part.0)
            arguments += part.1
        }
        if let actor = query.actor {
            let (source, sourceArguments) = actor.sql("e.source"), (target, targetArguments) = actor.sql("e.target")
            if let other = query.counterpart {
                let (otherSource, otherSourceArguments) = other.sql("e.source")
                let (otherTarget, otherTargetArguments) = other.sql("e.target")
                add((
                    "((\(source) AND \(otherTarget)) OR (\(otherSource) AND \(target)))",
                    sourceArguments + otherTargetArguments + otherSourceArguments + targetArguments
                ))
            } else {
                add(("(\(source) OR \(target))", sourceArguments + targetArguments))
            }
        }
        if let source = query.source { add(source.sql("e.source")) }
        if let target = query.target { add(target.sql("e.target")) }
        if let code = query.code { add(("(e.code >= ? AND e.code < ?)", [code, code + "\u{FFFF}"])) }
        if let root = query.root { add(("e.root = ?", [root])) }
        if let status = query.status { add(("e.status = ?", [status.lowercased()])) }
        // An event counts when the days its date covers overlap the range.
        if let since = query.since { add(("e.date_last >= ?", [since])) }
        if let until = query.until { add(("e.date_first <= ?", [until.count < 10 ? until + "\u{FFFF}" : until])) }
        if let place = query.place {
            add(("(e.place_id = ? OR e.place_name = ? COLLATE NOCASE OR e.place_country = ? COLLATE NOCASE)", [place, place, place]))
        }
        if let document = query.document?.lowercased() {
            add(("e.document_id >= ? AND e.document_id < ?", [document, document + "g"]))
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), StatementArguments(arguments))
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    // MARK: - Rows to values

    static func event(_ row: Row) -> StoredEvent {
        StoredEvent(
            id: row["id"], document: row["document_id"], sentence: row["sentence"], start: row["start"], end: row["end"],
            trigger: row["trigger"], code: row["code"], root: row["root"], plover: row["plover"], goldstein: row["goldstein"],
            quad: row["quad"], source: actor(row, "source"), target: actor(row, "target"), date: row["date"],
            dateFirst: row["date_first"], dateLast: row["date_last"], dateSource: row["date_source"], dateText: row["date_text"],
            place: (row["place_id"] as String?).map { id in
                StoredPlace(
                    id: id, name: row["place_name"], country: row["place_country"], latitude: row["place_lat"],
                    longitude: row["place_lon"], text: row["place_text"], start: row["place_start"], end: row["place_end"])
            },
            status: row["status"], cue: row["cue"],
            attributedTo: (row["attributed_to"] as String?).map { text in
                StoredAttribution(
                    text: text, actor: row["attributed_to_actor"], code: row["attributed_to_code"], start: row["attributed_to_start"],
                    end: row["attributed_to_end"])
            },
            sentenceSpan: span(row), text: row["sentence_text"] ?? "", origin: origin(row))
    }

    static func claim(_ row: Row) -> StoredClaim {
        StoredClaim(
            id: row["id"], document: row["document_id"], sentence: row["sentence"], start: row["start"], end: row["end"],
            content: row["content"], speaker: actor(row, "speaker"), affiliation: row["affiliation"],
            affiliationActor: row["affiliation_actor"], cue: row["cue"], cueStart: row["cue_start"], cueEnd: row["cue_end"],
            direct: row["direct"], continuation: row["continuation"], sentenceSpan: span(row), text: row["sentence_text"] ?? "",
            origin: origin(row))
    }

    private static func actor(_ row: Row, _ side: String) -> StoredActor? {
        let code: String? = row["\(side)_code"], actor: String? = row["\(side)_actor"], text: String? = row["\(side)_text"]
        guard code != nil || actor != nil || text != nil else { return nil }
        return StoredActor(
            code: code, actor: actor, name: row["\(side)_name"], text: text, start: row["\(side)_start"], end: row["\(side)_end"],
            inferred: row.hasColumn("\(side)_inferred") ? row["\(side)_inferred"] : nil)
    }

    private static func span(_ row: Row) -> StoredSpan {
        StoredSpan(start: row["sentence_start"] ?? 0, end: row["sentence_end"] ?? 0)
    }

    private static func origin(_ row: Row) -> DocumentOrigin {
        DocumentOrigin(url: row["url"], origin: row["origin"], published: row["published"], ingestedAt: row["ingested_at"])
    }
}
