import ArgumentParser
import FaultlineStore
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput; prints what it measured.",
        subcommands: [IngestBench.self, ExtractBench.self, LanguageBench.self, MatcherBench.self, TimeBench.self])

    struct IngestBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Generate articles and time ingesting them into a fresh store.",
            discussion: """
                Writes a deterministic corpus (4 in 5 plain-text reposts with bylines and footers, 1 in 5
                saved pages, ~450 words each) to a temporary folder, then times `ingest` of it into a new
                SQLite store: reading, decoding, metadata, hashing, near-duplicate search, full-text index.
                """)

        @Option(help: "How many articles to generate.")
        var count = 10_000

        @Option(help: "Files read at once (1 measures one core).")
        var jobs = 1

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
            let started = Date()
            let summary = try Ingestor(store: store, options: options).run(paths: [folder.appendingPathComponent("articles").path])
            let seconds = Date().timeIntervalSince(started)
            let stored = try store.documentCount()
            let result = BenchResult(
                documents: stored, megabytes: Double(bytes) / 1_048_576, seconds: seconds,
                documentsPerSecond: Double(stored) / seconds, megabytesPerSecond: Double(bytes) / 1_048_576 / seconds,
                jobs: jobs, failed: summary.failed)
            if json {
                print(JSONOutput.line(result))
            } else {
                print(
                    String(
                        format: "ingest: %d documents (%.1f MB) in %.2f s with %d job%@: %.0f documents/s, %.2f MB/s%@",
                        stored, result.megabytes, seconds, jobs, jobs == 1 ? "" : "s", result.documentsPerSecond,
                        result.megabytesPerSecond, summary.failed > 0 ? " (\(summary.failed) failed)" : ""))
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
        var jobs: Int
        var failed: Int

        enum CodingKeys: String, CodingKey {
            case documents, megabytes, seconds, documentsPerSecond = "documents_per_second"
            case megabytesPerSecond = "megabytes_per_second", jobs, failed
        }
    }
}
