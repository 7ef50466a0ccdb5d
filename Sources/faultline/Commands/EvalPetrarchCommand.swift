import ArgumentParser
import FaultlineExtract
import FaultlineKnowledge
import FaultlineText
import Foundation

/// `faultline eval petrarch`: codes PETRARCH2's validation sentences with its validation
/// dictionaries and our own parse, scored by score_events.py cameo; then a breakdown by category.
struct EvalPetrarch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petrarch",
        abstract: "Code the PETRARCH2 unit-test sentences with its validation dictionaries; print score_events.py's figures.",
        discussion: """
            Reads DATA/petrarch2/DERIVED_petr_unittest_gold.jsonl and the PETR.Validate.* dictionaries, parses each
            record's text with the shipped language models (not the record's gold parse), applies the record's
            require_dyad setting, and scores (source, target, code) triples. The unit tests are the only gold and
            there is no held-out split.
            """)

    @OptionGroup var options: EvalOptions
    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Print the parse and coded events of the records whose id starts with this (to see why one fails).")
    var show: String?

    /// A gold record, as much of it as the coder may see (plus the gold events, for the breakdown).
    struct Record: Decodable {
        struct Triple: Codable, Hashable {
            var source: String
            var target: String
            var code: String
        }
        var id: String
        var date: String
        var category: String
        var text: String
        var events: [Triple]
        var config_in_effect: [String: String]?
    }

    func run() throws {
        let gold = try options.path("petrarch2/DERIVED_petr_unittest_gold.jsonl")
        let folder = try options.path("petrarch2/petrarch2/data/dictionaries")
        func file(_ name: String) -> URL { URL(fileURLWithPath: folder).appendingPathComponent(name) }
        let verbs = try VerbDictionaryReader.read(file("PETR.Validate.verbs.txt"))
        let actors = try ActorDictionaryReader.read(file("PETR.Validate.actors.txt"))
        let agents = try AgentDictionaryReader.read(file("PETR.Validate.agents.txt"))
        let discards = try DiscardListReader.read(file("PETR.Validate.discards.txt"))
        let issues = verbs.issues.count + actors.issues.count + agents.issues.count + discards.issues.count
        let coder = DictionaryEventCoder(
            verbs: verbs.entries, actors: actors.entries.actors, agents: agents.entries, discards: discards.entries)
        let pipeline = LanguagePipeline(models: try modelOptions.load())

        let decoder = JSONDecoder()
        let records = try String(contentsOfFile: gold, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }.map {
            try decoder.decode(Record.self, from: Data($0.utf8))
        }
        var lines: [String] = []
        var breakdown: [String: (records: Int, exact: Int, gold: Int, predicted: Int, right: Int)] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for record in records {
            let day = CalendarDay(record.date) ?? CalendarDay(year: 2000, month: 1, day: 1)
            let requireDyad = (record.config_in_effect?["require_dyad"] ?? "true").lowercased() != "false"
            let text = pipeline.annotate(record.text)
            var events: [DictionaryEventCoder.Event] = []
            if !coder.discardsStory(text) {
                for s in text.sentences.indices {
                    events += coder.code(text, sentence: s, on: day, options: .init(requireDyad: requireDyad))
                }
            }
            if let show, record.id.hasPrefix(show) { Self.trace(record, text: text, events: events) }
            let triples = events.map { Record.Triple(source: $0.source, target: $0.target, code: $0.code) }
            let line = try encoder.encode(PredictionLine(id: record.id, events: triples))
            lines.append(String(decoding: line, as: UTF8.self))

            var entry = breakdown[record.category, default: (0, 0, 0, 0, 0)]
            entry.records += 1
            entry.gold += record.events.count
            entry.predicted += triples.count
            var left = record.events
            for t in triples {
                if let k = left.firstIndex(of: t) {
                    entry.right += 1
                    left.remove(at: k)
                }
            }
            if left.isEmpty && triples.count == record.events.count { entry.exact += 1 }
            breakdown[record.category] = entry
        }
        let predicted = try options.writePrediction(lines.joined(separator: "\n") + "\n", name: "petrarch-events.jsonl")
        // Written straight to the file handle: print's buffer would come out after the scorer's lines.
        FileHandle.standardOutput.write(
            Data("PETRARCH2 validation: \(records.count) records, PETR.Validate.* dictionaries (\(issues) unreadable lines), our parse, no split\n".utf8))
        try options.run(scorer: "score_events.py", ["cameo", gold, predicted])
        print("\nby category (code triples):")
        print("category      records exact   gold  pred right     P     R    F1")
        for (category, e) in breakdown.sorted(by: { $0.key < $1.key }) {
            let p = e.predicted == 0 ? 0 : Double(e.right) / Double(e.predicted)
            let r = e.gold == 0 ? 0 : Double(e.right) / Double(e.gold)
            let f = p + r == 0 ? 0 : 2 * p * r / (p + r)
            print(
                category.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + [e.records, e.exact, e.gold, e.predicted, e.right].map { String($0).leftPad(6) }.joined()
                    + [p, r, f].map { String(format: "%6.2f", $0) }.joined())
        }
        options.cleanUp()
    }
}

extension EvalPetrarch {
    /// The record's parse (index, form, tag, head, relation) and what was coded, against the gold.
    static func trace(_ record: Record, text: AnnotatedText, events: [DictionaryEventCoder.Event]) {
        print("== \(record.id) \(record.text)")
        for (i, w) in text.words.enumerated() {
            print("  \(i)\t\(w.token.form)\t\(w.upos)\t\(w.head.map(String.init) ?? "-")\t\(w.deprel)")
        }
        for e in events {
            print("  coded \(e.source) \(e.target) \(e.code)  verb \(e.verb) pattern line \(e.patternLine.map(String.init) ?? "-")")
        }
        print("  gold  " + record.events.map { "\($0.source) \($0.target) \($0.code)" }.joined(separator: ", "))
    }
}

/// One line of score_events.py's prediction format.
private struct PredictionLine: Encodable {
    var id: String
    var events: [EvalPetrarch.Record.Triple]
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
