import FaultlineExtract
import FaultlineIngest
import FaultlineModel
import FaultlineText
import Foundation

/// Reads inputs and stores their articles with what extraction finds in them: the
/// `faultline ingest` job.
///
/// Files are read, annotated and extracted in parallel (`jobs` at a time) and stored in their
/// sorted order, in transactions of `batchSize` files, so a run is deterministic and a crash
/// loses at most the batch in flight.
///
/// ```swift
/// let summary = try Ingestor(store: store).run(paths: ["../shared/seeds"])
/// print(summary.new, summary.failed)
/// ```
public struct Ingestor: Sendable {
    public struct Options: Sendable {
        /// The size limit for a file (and what a compressed one may inflate to).
        public var maxBytes: Int = 20 * 1024 * 1024
        /// How many files to read at once.
        public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        /// How many files go into one transaction.
        public var batchSize: Int = 256
        /// Extract events and claims while storing. Off, documents are stored without them
        /// (faster, for a bulk load) and `reextract --outdated` extracts them later.
        public var extract = true
        /// Rewrites each article's origin before it is stored (the demo names its files
        /// `demo/…` rather than by where the package put them).
        public var originRewrite: (@Sendable (String) -> String)?
        public init() {}
    }

    public struct Progress: Sendable {
        public var filesDone: Int
        public var filesTotal: Int
        public var documentsStored: Int
        public var failed: Int
    }

    public let store: SQLiteStore
    public var options: Options
    /// The models extraction uses; nil loads the shipped ones once per run.
    public var models: ExtractionModels?

    public init(store: SQLiteStore, options: Options = Options(), models: ExtractionModels? = nil) {
        self.store = store
        self.options = options
        self.models = models
    }

    /// Ingests files and folders; `-` among the paths reads standard input.
    public func run(
        paths: [String], standardInput: (@Sendable () -> [UInt8])? = nil,
        progress: ((Progress) -> Void)? = nil
    ) throws -> IngestSummary {
        let started = Date()
        let inputs = InputCollector.collect(paths.filter { $0 != "-" })
        var summary = IngestSummary()
        summary.skipped = inputs.skipped
        let runID = try store.beginRun(command: "ingest")
        let reader = ArticleReader(loader: ByteLoader(maxBytes: options.maxBytes))
        let extractor = options.extract ? DocumentExtractor(models: try models ?? .shipped()) : nil
        let options = options
        var sources: [Source] = inputs.files.map { .file($0) }
        if paths.contains("-"), let standardInput { sources.insert(.standardInput(standardInput), at: 0) }
        summary.inputs = sources.count

        try store.write { writer in
            for failure in inputs.failures { try writer.recordFailure(failure, run: runID) }
        }
        summary.failures.append(contentsOf: inputs.failures)

        var done = 0
        for start in stride(from: 0, to: sources.count, by: max(1, options.batchSize)) {
            let batch = Array(sources[start..<min(sources.count, start + max(1, options.batchSize))])
            let readStarted = Date()
            let results = ParallelMap.map(batch, jobs: options.jobs) { source -> FileResult in
                let read: ArticleReader.Result
                switch source {
                case .file(let path): read = reader.read(path: path)
                case .standardInput(let bytes): read = reader.read(bytes: bytes(), origin: "-")
                }
                var articles = read.articles
                var failures = read.failures
                if let rewrite = options.originRewrite {
                    for i in articles.indices { articles[i].origin = rewrite(articles[i].origin) }
                    for i in failures.indices { failures[i].origin = rewrite(failures[i].origin) }
                }
                return FileResult(documents: articles.map { PreparedDocument($0, extractor: extractor) }, failures: failures)
            }
            let storeStarted = Date()
            summary.readSeconds += storeStarted.timeIntervalSince(readStarted)
            let stamp = SQLiteStore.now()
            try store.write { writer in
                for result in results {
                    for failure in result.failures { try writer.recordFailure(failure, run: runID) }
                    summary.failures.append(contentsOf: result.failures)
                    for document in result.documents {
                        summary.documentsRead += 1
                        let outcome = try writer.store(document, ingestedAt: stamp)
                        summary.record(outcome, warnings: document.article.warnings, origin: document.article.origin)
                        if case .alreadyStored = outcome { continue }
                        summary.events += document.extraction?.events.count ?? 0
                        summary.claims += document.extraction?.claims.count ?? 0
                    }
                }
            }
            summary.storeSeconds += Date().timeIntervalSince(storeStarted)
            done += batch.count
            progress?(Progress(filesDone: done, filesTotal: sources.count, documentsStored: summary.new + summary.nearDuplicates, failed: summary.failures.count))
        }
        summary.seconds = Date().timeIntervalSince(started)
        try store.finishRun(runID, summary: StoreWriter.json(summary))
        return summary
    }

    enum Source: Sendable {
        case file(String)
        case standardInput(@Sendable () -> [UInt8])
    }

    struct FileResult: Sendable {
        var documents: [PreparedDocument]
        var failures: [IngestFailure]
    }
}

/// What an ingest run did, for the summary line and `--json`.
public struct IngestSummary: Sendable, Codable {
    /// Files (and standard input) read.
    public var inputs = 0
    /// Articles found in them (a feed holds many).
    public var documentsRead = 0
    public var new = 0
    /// Articles whose id was stored already.
    public var duplicates = 0
    /// Stored, and linked to an earlier document they repeat.
    public var nearDuplicates = 0
    /// Events and claims found in the documents stored.
    public var events = 0
    public var claims = 0
    public var failures: [IngestFailure] = []
    /// Files in folders of types Faultline does not read.
    public var skipped: [String] = []
    /// Recovered problems, by origin.
    public var warnings: [String: [String]] = [:]
    public var newIDs: [String] = []
    public var seconds: Double = 0
    /// Wall-clock time reading and preparing articles, and storing them.
    public var readSeconds: Double = 0
    public var storeSeconds: Double = 0

    public var failed: Int { failures.count }

    mutating func record(_ outcome: StoreOutcome, warnings found: [String], origin: String) {
        switch outcome {
        case .new(let id):
            new += 1
            newIDs.append(id)
        case .alreadyStored:
            duplicates += 1
        case .nearDuplicate(let id, _):
            nearDuplicates += 1
            newIDs.append(id)
        }
        if !found.isEmpty { warnings[origin] = found }
    }

    enum CodingKeys: String, CodingKey {
        case inputs, documentsRead = "documents_read", new, duplicates, nearDuplicates = "near_duplicates", events, claims, failures
        case skipped, warnings, newIDs = "new_ids", seconds, readSeconds = "read_seconds", storeSeconds = "store_seconds"
    }
}
