import ArgumentParser
import FaultlineExtract
import FaultlineIngest
import FaultlineText
import Foundation

/// `faultline bench time`: megabytes of text per CPU second for time expressions and
/// quantities, on one core, over news text held in memory.
///
/// CPU time (`getrusage`), one thread, so the figure is per core even on a shared machine.
struct TimeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time",
        abstract: "Time the extraction of time expressions and quantities, in MB of text per CPU second.",
        discussion: """
            Reads the text files of a folder (the seeds by default) and repeats them until at least
            --megabytes of text, then, on one core, document by document: infers the time anchor,
            extracts and normalises time expressions and extracts quantities from tokens made
            beforehand; tokenizes alone; and does both. Prints MB (UTF-8 bytes / 1,048,576) per CPU
            second for each.
            """)

    @Option(help: "Folder of text files (.txt).")
    var data = "../shared/seeds"

    @Option(help: "How much text to process, at least, in MB.")
    var megabytes = 20.0

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let files = InputCollector.collect([data]).files.filter { $0.hasSuffix(".txt") }.sorted()
        var texts: [String] = []
        for path in files { texts.append(try String(contentsOfFile: path, encoding: .utf8)) }
        let bytesPerRound = texts.reduce(0) { $0 + $1.utf8.count }
        guard bytesPerRound > 0 else { throw ValidationError("no text files (.txt) in \(data)") }
        let rounds = max(1, Int((megabytes * 1_048_576 / Double(bytesPerRound)).rounded(.up)))
        let total = Double(bytesPerRound * rounds) / 1_048_576
        let tokenizer = Tokenizer()
        var sink = 0
        // One untimed round: first-use costs (tables, lexicons) are not per megabyte.
        for text in texts { sink &+= TimeAndQuantities(text: text, published: nil).timexes.count }

        let tokenizeSeconds = Self.cpuSeconds {
            for _ in 0..<rounds { for text in texts { sink &+= tokenizer.tokenize(text).count } }
        }
        // The extraction alone, on tokens made beforehand (the language layer makes them once
        // for every stage).
        let tokens = texts.map { tokenizer.tokenize($0) }
        var timexCount = 0
        var quantityCount = 0
        let extractionSeconds = Self.cpuSeconds {
            for _ in 0..<rounds {
                for (text, tokens) in zip(texts, tokens) {
                    // No publication date: the anchor is inferred too, the costlier path.
                    let found = TimeAndQuantities(tokens: tokens, text: text, published: nil)
                    timexCount += found.timexes.count
                    quantityCount += found.quantities.count
                }
            }
        }
        let fullSeconds = Self.cpuSeconds {
            for _ in 0..<rounds {
                for text in texts { sink &+= TimeAndQuantities(tokens: tokenizer.tokenize(text), text: text, published: nil).timexes.count }
            }
        }
        let result = Result(
            megabytes: total, documents: texts.count * rounds, timexes: timexCount, quantities: quantityCount,
            tokenize: total / tokenizeSeconds, full: total / fullSeconds, extractionOnly: total / extractionSeconds)
        if json {
            print(JSONOutput.line(result))
        } else {
            print(String(format: "time and quantities: %.1f MB of text (%d documents), one core, MB per CPU second:", total, result.documents))
            print(String(format: "  anchor + time expressions + quantities, on tokens   %6.1f", result.extractionOnly))
            print(String(format: "  tokenize alone                                     %6.1f", result.tokenize))
            print(String(format: "  tokenize + anchor + time expressions + quantities  %6.1f", result.full))
            print("  found \(timexCount) time expressions and \(quantityCount) quantities")
        }
        if sink == 42 { print("") }  // keeps the work observable to the optimiser
    }

    struct Result: Encodable {
        var megabytes: Double
        var documents: Int
        var timexes: Int
        var quantities: Int
        var tokenize: Double
        var full: Double
        var extractionOnly: Double

        enum CodingKeys: String, CodingKey {
            case megabytes, documents, timexes, quantities
            case tokenize = "tokenize_mb_per_cpu_second", full = "time_and_quantities_mb_per_cpu_second"
            case extractionOnly = "extraction_only_mb_per_cpu_second"
        }
    }

    /// CPU seconds `body` takes.
    static func cpuSeconds(_ body: () -> Void) -> Double {
        let start = ExtractBench.cpuSeconds()
        body()
        return max(ExtractBench.cpuSeconds() - start, 1e-9)
    }
}
