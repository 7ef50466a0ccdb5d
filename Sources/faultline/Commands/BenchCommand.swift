import ArgumentParser
import FaultlineModel
import FaultlineStore
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput; prints what it measured.",
        subcommands: [IngestBench.self, ExtractBench.self, LanguageBench.self, MatcherBench.self, TimeBench.self, EventsBench.self])

    struct IngestBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Generate articles and time ingesting them into a fresh store.",
            discussion: """
                Writes a deterministic corpus (4 in 5 plain-text reposts with bylines and footers, 1 in 5
                saved pages, ~450 words each) to a temporary folder, then times `ingest` of it into a new
                SQLite store: reading, decoding, metadata, hashing, near-duplicate search, full-text index,
                and (unless --no-extract) annotation and extraction of events and claims.
                """)

        @Option(help: "How many articles to generate.")
        var count = 10_000

        @Option(help: "Files read at once (1 measures one core).")
        var jobs = 1

        @Flag(help: "Leave extraction out: read, prepare and store only.")
        var noExtract = false

        @Flag(help: "Print the result as JSON.")
        var json = false

        func run() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("faultline-bench-\(ProcessInfo.processInfo.processIdentifier)")
            defer { try? FileManager.default.removeItem(at: folder) }
            var corpus = SyntheticCorpus(count: count)
            let bytes = try corpus.write(to: folder.appendingPathComponent("articles"))
            let store = try SQLiteStore(path: folder.appendingPathComponent("bench.db").path)
            var options = Ingestor.Options()
            options.jobs = jobs
            options.extract = !noExtract
            let started = Date()
            let summary = try Ingestor(store: store, options: options).run(paths: [folder.appendingPathComponent("articles").path])
            let seconds = Date().timeIntervalSince(started)
            let stored = try store.documentCount()
            // Words of the stored text (split at white space), counted after the clock stops.
            let words = try store.documents().reduce(0) { sum, row in
                sum + ((try store.document(idOrPrefix: row.id))?.text.split(whereSeparator: \.isWhitespace).count ?? 0)
            }
            let result = BenchResult(
                documents: stored, megabytes: Double(bytes) / 1_048_576, seconds: seconds,
                documentsPerSecond: Double(stored) / seconds, megabytesPerSecond: Double(bytes) / 1_048_576 / seconds,
                wordsPerSecond: Double(words) / seconds, events: summary.events, claims: summary.claims, jobs: jobs,
                failed: summary.failed)
            if json {
                print(JSONOutput.line(result))
            } else {
                print(
                    String(
                        format: "ingest: %d documents (%.1f MB) in %.2f s with %d job%@: %.0f documents/s, %.2f MB/s, %.0f words/s%@",
                        stored, result.megabytes, seconds, jobs, jobs == 1 ? "" : "s", result.documentsPerSecond,
                        result.megabytesPerSecond, result.wordsPerSecond, summary.failed > 0 ? " (\(summary.failed) failed)" : ""))
                if !noExtract { print("  \(summary.events) events and \(summary.claims) claims extracted") }
                print(String(format: "  reading and preparing %.2f s, storing %.2f s", summary.readSeconds, summary.storeSeconds))
            }
        }
    }

    struct BenchResult: Encodable {
        var documents: Int
        var megabytes: Double
        var seconds: Double
        var documentsPerSecond: Double
        var megabytesPerSecond: Double
        var wordsPerSecond: Double
        var events: Int
        var claims: Int
        var jobs: Int
        var failed: Int

        enum CodingKeys: String, CodingKey {
            case documents, megabytes, seconds, documentsPerSecond = "documents_per_second"
            case megabytesPerSecond = "megabytes_per_second", wordsPerSecond = "words_per_second", events, claims, jobs, failed
        }
    }
}
