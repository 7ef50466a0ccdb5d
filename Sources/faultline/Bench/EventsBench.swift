import ArgumentParser
import FaultlineExtract
import FaultlineStore
import Foundation

/// `faultline bench events`: words per second from plain text to stored events and claims, on
/// one core, over real news-like articles.
struct EventsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Time plain text → annotated, extracted and stored events and claims, on one core.",
        discussion: """
            The sample corpus's .txt articles (and those of --from, e.g. ../shared/seeds) are written as
            distinct files until they hold --words words, then ingested with one job into a fresh store:
            reading, language layer, actors, events, claims, time expressions, quantities and the SQLite
            writes. The models are loaded before the clock starts. Words are the stored texts split at
            white space.
            """)

    @Option(help: "A folder of .txt articles to use as well.")
    var from: String?

    @Option(help: "How many words of text to ingest.")
    var words = 300_000

    @Option(help: "Files read at once (1 measures one core).")
    var jobs = 1

    func run() throws {
        let sources = try BenchArticles.texts(from: from)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("faultline-bench-events-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        var total = 0
        var k = 0
        while total < words {
            // A numbered last line makes each copy a distinct document (a repeat would be skipped).
            let text = sources[k % sources.count] + "\n\nCopy \(k).\n"
            try text.write(to: articles.appendingPathComponent(String(format: "%06d.txt", k)), atomically: false, encoding: .utf8)
            total += text.split(whereSeparator: \.isWhitespace).count
            k += 1
        }
        let models = try ExtractionModels.shipped()
        let store = try SQLiteStore(path: folder.appendingPathComponent("bench.db").path)
        var options = Ingestor.Options()
        options.jobs = jobs
        let started = Date()
        let summary = try Ingestor(store: store, options: options, models: models).run(paths: [articles.path])
        let seconds = Date().timeIntervalSince(started)
        print(
            String(
                format: "plain text → stored events: %d documents, %d words in %.2f s with %d job%@: %.0f words/s",
                summary.new + summary.nearDuplicates, total, seconds, jobs, jobs == 1 ? "" : "s", Double(total) / seconds))
        print("  \(summary.events) events and \(summary.claims) claims stored\(summary.failed > 0 ? "; \(summary.failed) failed" : "")")
        print(String(format: "  reading, annotating and extracting %.2f s; storing %.2f s", summary.readSeconds, summary.storeSeconds))
    }
}
