import ArgumentParser
import FaultlineIngest
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `faultline bench extract`: pages per CPU second for parsing alone and for parsing plus
/// main-text extraction, over a folder of saved pages held in memory.
///
/// CPU time (`getrusage`), not wall time, because another build may share the machine; one
/// thread, so the figure is per core.
struct ExtractBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Time main-text extraction on saved pages, in pages per CPU second.",
        discussion: """
            Loads every .html/.htm(.gz) page of the folder into memory (inflated), then, on one
            core, repeats: libxml2's parse alone; parse and extraction of the article text; parse,
            extraction and metadata. Prints pages per CPU second for each.
            """)

    @Option(help: "Folder of saved pages.")
    var data = "../shared/data/article-extraction/html"

    @Option(help: "Passes over the pages for each measurement.")
    var passes = 5

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard passes > 0 else { throw ValidationError("--passes must be at least 1") }
    }

    func run() throws {
        let files = InputCollector.collect([data]).files.filter(ExtractCommand.isPage)
        guard !files.isEmpty else { throw ValidationError("no pages (.html, .htm, .html.gz) in \(data)") }
        let loader = ByteLoader(maxBytes: 64 << 20)
        var pages: [[UInt8]] = []
        for path in files {
            do { pages.append(try loader.load(path: path)) } catch { throw ValidationError("\(error)") }
        }
        let extractor = MainTextExtractor()
        var sink = 0
        // One untimed pass: first-use costs (tables, libxml2 initialisation) are not per page.
        for page in pages { sink &+= (try? extractor.extract(html: page, metadata: true))?.text.utf8.count ?? 0 }

        let parse = Self.pagesPerCPUSecond(pages.count, passes) {
            for page in pages where extractor.parseOnly(html: page) { sink &+= 1 }
        }
        let text = Self.pagesPerCPUSecond(pages.count, passes) {
            for page in pages { sink &+= (try? extractor.extract(html: page, metadata: false))?.text.utf8.count ?? 0 }
        }
        let full = Self.pagesPerCPUSecond(pages.count, passes) {
            for page in pages { sink &+= (try? extractor.extract(html: page, metadata: true))?.text.utf8.count ?? 0 }
        }
        let megabytes = Double(pages.reduce(0) { $0 + $1.count }) / 1_048_576
        let result = Result(
            pages: pages.count, megabytes: megabytes, repeats: passes, parse: parse, extract: text,
            extractWithMetadata: full)
        if json {
            print(JSONOutput.line(result))
        } else {
            print(
                String(
                    format: "pages: %d (%.1f MB), %d passes each, pages per CPU second:", pages.count, megabytes,
                    passes))
            print(String(format: "  parse alone (libxml2)        %7.1f", parse))
            print(String(format: "  parse + extract              %7.1f", text))
            print(String(format: "  parse + extract + metadata   %7.1f", full))
        }
        if sink == 42 { print("") }  // keeps the work observable to the optimiser
    }

    struct Result: Encodable {
        var pages: Int
        var megabytes: Double
        var repeats: Int
        var parse: Double
        var extract: Double
        var extractWithMetadata: Double

        enum CodingKeys: String, CodingKey {
            case pages, megabytes, repeats
            case parse = "parse_pages_per_cpu_second", extract = "extract_pages_per_cpu_second"
            case extractWithMetadata = "extract_metadata_pages_per_cpu_second"
        }
    }

    /// Runs `body` (one pass over `count` pages) `repeats` times; pages per CPU second.
    static func pagesPerCPUSecond(_ count: Int, _ repeats: Int, _ body: () -> Void) -> Double {
        let start = cpuSeconds()
        for _ in 0..<repeats { body() }
        let seconds = max(cpuSeconds() - start, 1e-9)
        return Double(count * repeats) / seconds
    }

    /// User plus system CPU time of this process.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
