import FaultlineExtract
import FaultlineIngest
import FaultlineModel
import Foundation
import GRDB

/// Writes inside one transaction of ``SQLiteStore/write(_:)``.
public struct StoreWriter {
    let db: Database

    /// Stores a document unless its id is stored already; links it to an earlier
    /// near-duplicate when one is found.
    public func store(_ prepared: PreparedDocument, ingestedAt: String) throws -> StoreOutcome {
        let id = prepared.identity.id
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [id]) == true {
            return .alreadyStored(id: id)
        }
        let keys = prepared.fingerprint.bandKeys
        let original = try nearestOriginal(prepared.fingerprint, keys: keys)
        let m = prepared.article.metadata
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO document (id, origin, format, url, title, authors, outlet, published, published_time,
                    modified, language, extra, text, content_hash, shingle_count, minhash, duplicate_of, warnings,
                    ingested_at, pipeline_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            id, prepared.article.origin, prepared.article.format.rawValue, m.url, m.title, JSONText.array(m.authors),
            m.outlet, m.published?.isoDate, m.published?.isoString, m.modified?.isoString, m.language,
            JSONText.object(m.extra), prepared.article.text, prepared.identity.contentHash, prepared.fingerprint.shingleCount,
            Data(prepared.fingerprint.bytes), original,
            prepared.article.warnings.isEmpty ? nil : JSONText.array(prepared.article.warnings), ingestedAt,
            SQLiteStore.pipelineVersion,
        ])
        let band = try db.cachedStatement(sql: "INSERT INTO document_band (key, document_id) VALUES (?, ?)")
        for key in keys { try band.execute(arguments: [key, id]) }
        if let extraction = prepared.extraction { try storeExtraction(extraction, documentID: id) }
        return original.map { .nearDuplicate(id: id, of: $0) } ?? .new(id: id)
    }

    /// The earliest original of the most similar stored document that shares band keys.
    ///
    /// Candidates are ranked by how many bands they share (which grows with similarity) and
    /// only the best few are compared, so documents that share common boilerplate with many
    /// others cost a bounded amount.
    private func nearestOriginal(_ fingerprint: NearDuplicateFingerprint, keys: [Int64]) throws -> String? {
        guard keys.count == NearDuplicateFingerprint.bandCount else { return nil }
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ",")
        let candidates = try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT document_id FROM document_band WHERE key IN (\(placeholders))
                    GROUP BY document_id ORDER BY COUNT(*) DESC, document_id LIMIT 8
                    """),
            arguments: StatementArguments(keys))
        let fetch = try db.cachedStatement(sql: "SELECT minhash, shingle_count, duplicate_of FROM document WHERE id = ?")
        var best: (similarity: Double, id: String)?
        for candidate in candidates {
            guard let row = try Row.fetchOne(fetch, arguments: [candidate]), let bytes: Data = row["minhash"] else { continue }
            let other = NearDuplicateFingerprint(bytes: Array(bytes), shingleCount: row["shingle_count"])
            guard fingerprint.isNearDuplicate(of: other) else { continue }
            let similarity = fingerprint.similarity(to: other)
            if similarity > (best?.similarity ?? -1) {
                best = (similarity, (row["duplicate_of"] as String?) ?? candidate)
            }
        }
        return best?.id
    }

    public func recordFailure(_ failure: IngestFailure, run: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO ingest_failure (run_id, origin, code, message) VALUES (?, ?, ?, ?)")
            .execute(arguments: [run, failure.origin, failure.code.rawValue, failure.message])
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }
}

/// An article with the id, hash, fingerprint and extraction the store needs, computed off the
/// write path (in the parallel stage of an ingest).
public struct PreparedDocument: Sendable {
    public var article: Article
    public var identity: DocumentIdentity
    public var fingerprint: NearDuplicateFingerprint
    /// Sentences, mentions, events, claims, time expressions and quantities; nil when the
    /// ingest leaves extraction for a later `reextract`.
    public var extraction: DocumentExtraction?

    public init(_ article: Article, extractor: DocumentExtractor?) {
        self.article = article
        identity = DocumentIdentity(article)
        fingerprint = NearDuplicateFingerprint(text: article.text)
        extraction = extractor?.extract(text: article.text, published: article.metadata.published)
    }
}
