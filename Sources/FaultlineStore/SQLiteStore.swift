import FaultlineIngest
import FaultlineModel
import Foundation
import GRDB

/// Faultline's embedded store: one SQLite file, in WAL mode, migrated on open.
///
/// ```swift
/// let store = try SQLiteStore(path: "faultline.db")
/// let docs = try store.documents(DocumentQuery(since: "2024"))
/// ```
public final class SQLiteStore: Sendable {
    /// The version of the pipeline that writes documents; stored with each of them, and as
    /// `extraction_version` with each document it extracted (0.2.0: events and claims).
    public static let pipelineVersion = "0.2.0"

    let database: DatabasePool
    public let path: String

    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Durable at each commit, at WAL speed.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Band keys are random: their B-tree is read and written all over; keep it in memory.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Checkpoint every 64 MB of WAL rather than 4 MB: index pages rewritten by many
            // batches are copied to the database once instead of each time.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
        }
        database = try DatabasePool(path: path, configuration: configuration)
        try Migrations.migrator.migrate(database)
    }

    /// The default store path: `--db`, else `FAULTLINE_DB`, else `faultline.db` here.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["FAULTLINE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "faultline.db"
    }

    // MARK: - Writing

    /// Runs `body` in one write transaction: all of it is committed, or none.
    public func write<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        try database.write { db in try body(StoreWriter(db: db)) }
    }

    /// Records a run (an ingest, a demo) and returns its id.
    public func beginRun(command: String) throws -> Int64 {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO run (command, started_at, pipeline_version) VALUES (?, ?, ?)",
                arguments: [command, Self.now(), Self.pipelineVersion])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, summary: String) throws {
        try database.write { db in
            try db.execute(
                sql: "UPDATE run SET finished_at = ?, summary = ? WHERE id = ?", arguments: [Self.now(), summary, id])
        }
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    // MARK: - Reading

    public func documentCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0 }
    }

    public func documents(_ query: DocumentQuery = DocumentQuery()) throws -> [DocumentSummary] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let since = query.since {
            clauses.append("published >= ?")
            arguments += [since]
        }
        if let until = query.until {
            // "2024-06" covers the whole month: compare against its last possible value.
            clauses.append("published <= ?")
            arguments += [until.count < 10 ? until + "\u{FFFF}" : until]
        }
        if let outlet = query.outlet {
            clauses.append("outlet = ? COLLATE NOCASE")
            arguments += [outlet]
        }
        if query.uniqueOnly { clauses.append("duplicate_of IS NULL") }
        var sql = """
            SELECT id, origin, format, title, authors, outlet, published, published_time, url, language,
                   duplicate_of, length(text) AS characters
            FROM document
            """
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY published IS NULL, published, published_time, origin, id"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        return try database.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.summary)
        }
    }

    /// The document with this id, or the only one whose id starts with it.
    public func document(idOrPrefix: String) throws -> Document? {
        let prefix = idOrPrefix.lowercased()
        guard !prefix.isEmpty, prefix.allSatisfy(\.isHexDigit) else { return nil }
        return try database.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM document WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                arguments: [prefix, prefix + "g"])
            guard rows.count == 1 || (rows.first?["id"] as String?) == prefix, let row = rows.first else { return nil }
            return Self.document(row)
        }
    }

    /// Ranked full-text search (BM25, the title weighing five times the text), with snippets.
    ///
    /// Every word of the query must occur (in any form the stemmer folds together); a
    /// quoted phrase must occur as written.
    public func search(_ text: String, limit: Int = 10) throws -> [SearchHit] {
        guard let pattern = Self.searchPattern(text) else { return [] }
        return try database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.title, d.published, d.outlet,
                           snippet(document_fts, 1, '[', ']', '…', 16) AS snippet,
                           bm25(document_fts, 5.0, 1.0) AS rank
                    FROM document_fts JOIN document d ON d.rowid = document_fts.rowid
                    WHERE document_fts MATCH ?
                    ORDER BY rank, d.id LIMIT ?
                    """,
                arguments: [pattern, limit])
            return rows.map { row in
                SearchHit(
                    id: row["id"], title: row["title"], published: row["published"], outlet: row["outlet"],
                    snippet: (row["snippet"] as String? ?? "").replacingOccurrences(of: "\n", with: " "),
                    rank: row["rank"])
            }
        }
    }

    /// The user's words as an FTS5 query that cannot be a syntax error.
    static func searchPattern(_ text: String) -> FTS5Pattern? {
        var parts: [String] = []
        var phrase = ""
        var inQuotes = false
        func words(_ s: Substring) -> [String] {
            s.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { "\"\($0)\"" }
        }
        for ch in text {
            if ch == "\"" || ch == "“" || ch == "”" {
                if inQuotes {
                    let inner = words(phrase[...])
                    if !inner.isEmpty { parts.append(inner.joined(separator: " + ")) }
                    phrase = ""
                }
                inQuotes.toggle()
            } else if inQuotes {
                phrase.append(ch)
            } else {
                phrase.append(ch)
                if ch == " " {
                    parts.append(contentsOf: words(phrase[...]))
                    phrase = ""
                }
            }
        }
        parts.append(contentsOf: words(phrase[...]))
        guard !parts.isEmpty else { return nil }
        return try? FTS5Pattern(rawPattern: parts.joined(separator: " AND "))
    }

    /// Failures recorded by the most recent runs.
    public func recentFailures(limit: Int = 100) throws -> [IngestFailure] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT origin, code, message FROM ingest_failure ORDER BY rowid DESC LIMIT ?", arguments: [limit]
            ).map { row in
                IngestFailure(
                    origin: row["origin"], code: IngestFailure.Code(rawValue: row["code"]) ?? .unreadable,
                    message: row["message"])
            }
        }
    }

    // MARK: - Rows to values

    static func summary(_ row: Row) -> DocumentSummary {
        DocumentSummary(
            id: row["id"], origin: row["origin"], format: SourceFormat(rawValue: row["format"]) ?? .text,
            title: row["title"], authors: decodeList(row["authors"]), outlet: row["outlet"],
            published: row["published"], publishedTime: row["published_time"], url: row["url"],
            language: row["language"], duplicateOf: row["duplicate_of"], characters: row["characters"])
    }

    static func document(_ row: Row) -> Document {
        var metadata = ArticleMetadata(
            title: row["title"], authors: decodeList(row["authors"]), outlet: row["outlet"],
            published: (row["published_time"] as String?).flatMap(PublicationDate.init(isoString:)),
            modified: (row["modified"] as String?).flatMap(PublicationDate.init(isoString:)), url: row["url"],
            language: row["language"])
        if let data = (row["extra"] as String?)?.data(using: .utf8),
            let extra = try? JSONDecoder().decode([String: String].self, from: data)
        {
            metadata.extra = extra
        }
        return Document(
            id: row["id"], origin: row["origin"], format: SourceFormat(rawValue: row["format"]) ?? .text,
            metadata: metadata, text: row["text"], contentHash: row["content_hash"], duplicateOf: row["duplicate_of"],
            ingestedAt: row["ingested_at"])
    }

    static func decodeList(_ json: String?) -> [String] {
        guard let data = json?.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }
}
