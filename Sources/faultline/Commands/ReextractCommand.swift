import ArgumentParser
import FaultlineStore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `faultline reextract`: extraction again over stored documents, after an upgrade.
struct ReextractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Run extraction again over stored documents, replacing their sentences, mentions, events and claims.",
        discussion: """
            Use it after upgrading Faultline: documents keep their text and metadata; what extraction found is
            replaced, in transactions of 64 documents, and each document records the pipeline version that
            extracted it. --outdated takes only documents not yet extracted by this version.
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Documents to extract at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Only the document with this id or id prefix.")
    var document: String?

    @Flag(help: "Only documents extracted by another pipeline version, or never.")
    var outdated = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Flag(help: "Print no progress bar.")
    var quiet = false

    func validate() throws {
        guard jobs > 0 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let opened = try store.open()
        if let document, try opened.documentIDs(prefix: document).isEmpty {
            throw ValidationError("no document with id \"\(document)\"")
        }
        var options = Reextractor.Options()
        options.jobs = jobs
        options.document = document
        options.outdatedOnly = outdated
        let bar = !json && !quiet && isatty(STDERR_FILENO) != 0 ? ProgressBar() : nil
        let summary = try Reextractor(store: opened, options: options).run(
            progress: bar.map { bar in { bar.update(done: $0, total: $1, detail: "documents") } })
        bar?.finish()
        if json {
            print(JSONOutput.line(summary, pretty: true))
        } else {
            print(
                "Re-extracted \(summary.documents) document\(summary.documents == 1 ? "" : "s"): \(summary.events) events, "
                    + "\(summary.claims) claims (\(String(format: "%.2f", summary.seconds)) s, pipeline \(summary.pipelineVersion)) → \(store.path)")
        }
    }
}
