import FaultlineExtract
import FaultlineModel
import FaultlineText
import Foundation
import GRDB

/// Runs extraction again over stored documents, replacing their sentences, mentions, events,
/// claims, time expressions and quantities: the `faultline reextract` job, for after an upgrade.
///
/// Documents are extracted in parallel and written in transactions of `batchSize`, so an
/// interrupted run keeps every batch it finished and a rerun with `outdatedOnly` picks up the rest.
///
/// ```swift
/// let summary = try Reextractor(store: store).run()
/// print(summary.documents, summary.events, summary.claims)
/// ```
public struct Reextractor: Sendable {
    public struct Options: Sendable {
        /// How many documents to extract at once.
        public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        /// How many documents go into one transaction.
        public var batchSize: Int = 64
        /// Only the document with this id or id prefix.
        public var document: String?
        /// Only documents not yet extracted by this pipeline version.
        public var outdatedOnly = false
        public init() {}
    }

    public let store: SQLiteStore
    public var options: Options
    /// The models extraction uses; nil loads the shipped ones.
    public var models: ExtractionModels?

    public init(store: SQLiteStore, options: Options = Options(), models: ExtractionModels? = nil) {
        self.store = store
        self.options = options
        self.models = models
    }

    /// Re-extracts the chosen documents; `progress` gets documents done and the total.
    public func run(progress: ((Int, Int) -> Void)? = nil) throws -> ReextractSummary {
        let started = Date()
        let ids = try store.documentIDs(prefix: options.document, outdatedOnly: options.outdatedOnly)
        var summary = ReextractSummary()
        guard !ids.isEmpty else { return summary }
        let extractor = DocumentExtractor(models: try models ?? .shipped())
        let runID = try store.beginRun(command: "reextract")
        let size = max(1, options.batchSize)
        for start in stride(from: 0, to: ids.count, by: size) {
            let batch = try store.extractionInputs(ids: Array(ids[start..<min(ids.count, start + size)]))
            let found = ParallelMap.map(batch, jobs: options.jobs) { input in
                extractor.extract(text: input.text, published: input.published)
            }
            try store.write { writer in
                for (input, extraction) in zip(batch, found) {
                    try writer.replaceExtraction(extraction, documentID: input.id)
                    summary.documents += 1
                    summary.events += extraction.events.count
                    summary.claims += extraction.claims.count
                }
            }
            progress?(summary.documents, ids.count)
        }
        summary.seconds = Date().timeIntervalSince(started)
        try store.finishRun(runID, summary: StoreWriter.json(summary))
        return summary
    }
}

/// What a `reextract` run did.
public struct ReextractSummary: Sendable, Codable, Hashable {
    public var documents = 0
    public var events = 0
    public var claims = 0
    public var seconds: Double = 0
    public var pipelineVersion = SQLiteStore.pipelineVersion

    enum CodingKeys: String, CodingKey {
        case documents, events, claims, seconds, pipelineVersion = "pipeline_version"
    }
}

/// A stored document's text and date, what extraction reads.
struct ExtractionInput: Sendable {
    var id: String
    var text: String
    var published: PublicationDate?
}

extension SQLiteStore {
    /// Ids of stored documents, in id order: all, those starting with `prefix`, or those whose
    /// extraction is missing or from another pipeline version.
    public func documentIDs(prefix: String? = nil, outdatedOnly: Bool = false) throws -> [String] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let prefix = prefix?.lowercased() {
            clauses.append("id >= ? AND id < ?")
            arguments += [prefix, prefix + "g"]
        }
        if outdatedOnly {
            clauses.append("(extraction_version IS NULL OR extraction_version <> ?)")
            arguments += [Self.pipelineVersion]
        }
        let filter = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try database.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM document\(filter) ORDER BY id", arguments: arguments)
        }
    }

    /// How many documents need `reextract --outdated`.
    public func outdatedExtractionCount() throws -> Int {
        try database.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM document WHERE extraction_version IS NULL OR extraction_version <> ?",
                arguments: [Self.pipelineVersion]) ?? 0
        }
    }

    func extractionInputs(ids: [String]) throws -> [ExtractionInput] {
        try database.read { db in
            let statement = try db.cachedStatement(sql: "SELECT id, text, published_time FROM document WHERE id = ?")
            return try ids.compactMap { id in
                try Row.fetchOne(statement, arguments: [id]).map { row in
                    ExtractionInput(
                        id: row["id"], text: row["text"],
                        published: (row["published_time"] as String?).flatMap(PublicationDate.init(isoString:)))
                }
            }
        }
    }
}
