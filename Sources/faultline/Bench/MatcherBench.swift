import ArgumentParser
import FaultlineKnowledge
import Foundation

/// `faultline bench matcher`: how fast the actor matcher reads text, in MB per CPU second on
/// one core, and how long the knowledge base and the gazetteer take to load.
struct MatcherBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matcher",
        abstract: "Time the actor matcher (MB per CPU second, one core) and loading the knowledge base and gazetteer.",
        discussion: """
            Reads the .txt files of a folder (by default the seed articles), splits them into lines (paragraphs,
            headlines, list items: roughly what the pipeline hands the matcher) and repeats them until the text
            holds --megabytes. Then, on one thread, finds every mention in every line: once counting only, once
            building the mentions (offsets, text, candidates). CPU time, so a busy machine does not skew it.
            """)

    @Option(help: ArgumentHelp("Folder of .txt files to read.", valueName: "dir"))
    var text = "../shared/seeds"

    @Option(help: "Megabytes of text to match.")
    var megabytes = 32

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        var started = Date()
        let kb = try KnowledgeBase.load()
        let kbSeconds = Date().timeIntervalSince(started)
        started = Date()
        let gazetteer = try Gazetteer.load()
        let gazetteerSeconds = Date().timeIntervalSince(started)

        let folder = URL(fileURLWithPath: text)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        var lines: [String] = []
        for name in names {
            let content = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            lines += content.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }
        guard !lines.isEmpty else { throw ValidationError("no text in \(folder.path) (.txt files)") }
        let sourceBytes = lines.reduce(0) { $0 + $1.utf8.count }
        var corpus: [String] = []
        var bytes = 0
        while bytes < megabytes << 20 {
            corpus += lines
            bytes += sourceBytes
        }
        let mb = Double(bytes) / 1_048_576
        var sink = 0
        for line in lines { sink &+= kb.matcher.countMatches(in: line) }  // warm-up, untimed

        var start = ExtractBench.cpuSeconds()
        var found = 0
        for line in corpus { found &+= kb.matcher.countMatches(in: line) }
        let countSeconds = max(ExtractBench.cpuSeconds() - start, 1e-9)
        start = ExtractBench.cpuSeconds()
        for line in corpus { sink &+= kb.matcher.matches(in: line).count }
        let buildSeconds = max(ExtractBench.cpuSeconds() - start, 1e-9)

        let result = Result(
            megabytes: mb, lines: corpus.count, mentions: found, names: kb.matcher.nameCount,
            countMegabytesPerSecond: mb / countSeconds, mentionsMegabytesPerSecond: mb / buildSeconds,
            knowledgeBaseLoadSeconds: kbSeconds, gazetteerLoadSeconds: gazetteerSeconds, places: gazetteer.places.count)
        if json {
            print(JSONOutput.line(result))
        } else {
            print(String(format: "matcher: %.1f MB in %d lines, %d mentions, %d names", mb, corpus.count, found, result.names))
            print(String(format: "  counting mentions   %7.1f MB per CPU second (one core)", result.countMegabytesPerSecond))
            print(String(format: "  building mentions   %7.1f MB per CPU second (one core)", result.mentionsMegabytesPerSecond))
            print(String(format: "load: knowledge base %.3f s (%d actors, %d roles), gazetteer %.3f s (%d places)", kbSeconds,
                kb.actors.count, kb.roles.count, gazetteerSeconds, gazetteer.places.count))
        }
        if sink == -1 { print("") }  // keeps the work observable to the optimiser
    }

    struct Result: Encodable {
        var megabytes: Double
        var lines: Int
        var mentions: Int
        var names: Int
        var countMegabytesPerSecond: Double
        var mentionsMegabytesPerSecond: Double
        var knowledgeBaseLoadSeconds: Double
        var gazetteerLoadSeconds: Double
        var places: Int

        enum CodingKeys: String, CodingKey {
            case megabytes, lines, mentions, names, places
            case countMegabytesPerSecond = "count_megabytes_per_cpu_second"
            case mentionsMegabytesPerSecond = "mentions_megabytes_per_cpu_second"
            case knowledgeBaseLoadSeconds = "knowledge_base_load_seconds"
            case gazetteerLoadSeconds = "gazetteer_load_seconds"
        }
    }
}
