import ArgumentParser
import FaultlineIngest
import FaultlineStore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read articles from files, folders or standard input into the store.",
        discussion: """
            Reads .txt, .html/.htm, .xml/.rss/.atom feeds and .jsonl (each also as .gz); folders
            recursively; `-` reads standard input. Each article is annotated and its events and claims
            extracted as it is stored. Files that cannot be read are reported with
            their reason and the rest of the batch is stored. Exit status 1 when anything failed.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String]

    @Option(name: .long, help: "Largest file to read, in MiB (a compressed file may not inflate past it either).")
    var maxSize: Double = 20

    @Option(name: .long, help: "Files to read at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Store the articles without extracting their events and claims (run `reextract --outdated` later).")
    var noExtract = false

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    @Flag(name: .long, help: "Print no progress bar.")
    var quiet = false

    func validate() throws {
        guard maxSize > 0 else { throw ValidationError("--max-size must be positive") }
        guard jobs > 0 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let database = try store.open()
        var options = Ingestor.Options()
        options.maxBytes = Int(maxSize * 1_048_576)
        options.jobs = jobs
        options.batchSize = 128
        options.extract = !noExtract
        let bar = !json && !quiet && isatty(STDERR_FILENO) != 0 ? ProgressBar() : nil
        let summary = try Ingestor(store: database, options: options).run(
            paths: paths, standardInput: { FileHandle.standardInput.readDataToEndOfFile().map { $0 } },
            progress: bar.map { bar in { bar.update(done: $0.filesDone, total: $0.filesTotal, detail: "\($0.documentsStored) stored, \($0.failed) failed") } })
        bar?.finish()
        if json {
            print(JSONOutput.line(summary, pretty: true))
        } else {
            SummaryPrinter.print(summary, store: store.path, extracted: !noExtract)
            let outdated = try database.outdatedExtractionCount()
            if outdated > 0 && !noExtract {
                print("\(outdated) documents stored earlier were not extracted by this version: run `faultline reextract --outdated`.")
            }
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// The human-readable account of an ingest run.
enum SummaryPrinter {
    static func print(_ summary: IngestSummary, store: String, extracted: Bool = true) {
        let files = summary.inputs == 1 ? "1 input" : "\(summary.inputs) inputs"
        Swift.print(
            "Read \(files), \(summary.documentsRead) articles: \(summary.new) new, \(summary.nearDuplicates) near-duplicate, "
                + "\(summary.duplicates) already stored, \(summary.failed) failed, \(summary.skipped.count) skipped "
                + "(\(String(format: "%.2f", summary.seconds)) s) → \(store)")
        Swift.print(
            extracted
                ? "Extracted \(summary.events) events and \(summary.claims) claims from the documents stored."
                : "Extraction left for later: run `faultline reextract --outdated`.")
        if !summary.failures.isEmpty {
            Swift.print("Failed:")
            for failure in summary.failures { Swift.print("  \(failure.origin): \(failure.message)") }
        }
        if !summary.warnings.isEmpty {
            Swift.print("Warnings:")
            for (origin, warnings) in summary.warnings.sorted(by: { $0.key < $1.key }) {
                for warning in warnings { Swift.print("  \(origin): \(warning)") }
            }
        }
        if !summary.skipped.isEmpty {
            Swift.print("Skipped (not a type Faultline reads):")
            for path in summary.skipped.prefix(20) { Swift.print("  \(path)") }
            if summary.skipped.count > 20 { Swift.print("  … and \(summary.skipped.count - 20) more") }
        }
    }
}
