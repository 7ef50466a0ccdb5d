import ArgumentParser
import FaultlineExtract
import FaultlineKnowledge
import FaultlineModel
import Foundation

/// `faultline eval plover`: codes the PLOVER gold sentences and scores them with
/// score_events.py plover.
struct EvalPlover: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plover", abstract: "Code the PLOVER gold sentences; print score_events.py plover's figures.",
        discussion: """
            Each record's text is extracted with its date as the publication date. The record's event is
            the first event in the sentence that PLOVER codes (statements have no PLOVER type) and whose
            status no other coded event sets ("accused … of violating" is the accusing), preferring one
            with a source; its sources and targets are those of every event of that trigger. CAMEO codes become the PLOVER 0.5
            types the gold uses: our codebook's PLOVER type, with CAMEO 09 as INVESTIGATE, 10 and 02 as
            DEMAND, 11 as DISAPPROVE, 19 as FIGHT, and 0813/0814 (easing a curfew or an emergency) as
            CONCEDE. The gold has no train/test split: --half dev|test
            scores a fixed half (by the parity of a hash of the id), so rules can be tuned on one half
            and checked on the other. --codebook scores instead the CAMEO codebook's own examples
            (cameo/cameo-codes.utf8-fixed.csv) that are not among the gold sentences, each with the PLOVER
            type of the code it illustrates: a further development set, for the event type only (the
            codebook names no actor codes, so the source and target lines read 0).
            """)

    enum Half: String, ExpressibleByArgument, CaseIterable { case all, dev, test }

    @OptionGroup var options: EvalOptions
    @Option(help: "all (default), or the dev or test half of the records.") var half = Half.all
    @Flag(help: "Score the CAMEO codebook's examples that the gold does not hold (event type only).") var codebook = false

    func run() throws {
        let ploverPath = try options.path("plover-gold/plover-gold.jsonl")
        let ploverLines = try String(contentsOfFile: ploverPath, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }
        var lines = ploverLines
        var goldPath = ploverPath
        if codebook {
            lines = try codebookRecords(excluding: ploverLines).map { Substring($0) }
            goldPath = try options.writePrediction(lines.joined(separator: "\n") + "\n", name: "codebook-gold.jsonl")
        }
        let extractor = DocumentExtractor(models: try .shipped())
        var goldLines: [String] = []
        var predictions: [String] = []
        for line in lines {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, let text = object["text"] as? String
            else { continue }
            if half != .all, !codebook, (Self.hash(id) % 2 == 0) != (half == .dev) { continue }
            goldLines.append(String(line))
            let date = (object["date"] as? String).flatMap { PublicationDate(isoString: $0) }
            let found = extractor.extract(text: text, published: date)
            var record: [String: Any] = ["id": id]
            if let (type, sources, targets) = Self.mainEvent(found.events) {
                record["event"] = type
                record["source"] = sources
                record["target"] = targets
            }
            predictions.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        let gold = half == .all || codebook ? goldPath : try options.writePrediction(goldLines.joined(separator: "\n") + "\n", name: "plover-gold-\(half.rawValue).jsonl")
        let predicted = try options.writePrediction(predictions.joined(separator: "\n") + "\n", name: "plover-\(half.rawValue).jsonl")
        print(codebook ? "CAMEO codebook examples not in the PLOVER gold: \(goldLines.count) records (event type only)" : "PLOVER gold (\(half.rawValue)): \(goldLines.count) records")
        try options.run(scorer: "score_events.py", ["plover", gold, predicted])
        options.cleanUp()
    }

    /// The PLOVER 0.5 type of a CAMEO code, as the gold names them.
    static func ploverType(_ event: ExtractedEvent) -> String? { ploverType(code: event.code, plover: event.plover) }

    static func ploverType(code: String, plover: String?) -> String? {
        // PLOVER 0.5 had easing a curfew or an emergency under CONCEDE; the 2021 table moved them.
        if ["0813", "0814"].contains(code) { return "CONCEDE" }
        switch code.prefix(2) {
        case "02", "10": return "DEMAND"
        case "09": return "INVESTIGATE"
        case "11": return "DISAPPROVE"
        case "19": return "FIGHT"
        default: return plover
        }
    }

    /// The codebook's examples as PLOVER gold records (no actors), leaving out those the gold
    /// already holds (the gold was drawn from the same manual) and codes PLOVER drops.
    func codebookRecords(excluding goldLines: [Substring]) throws -> [String] {
        let path = try options.path("cameo/cameo-codes.utf8-fixed.csv")
        var skipped = 0
        let examples = try CodebookExamples.read(csv: String(contentsOfFile: path, encoding: .utf8), skipped: &skipped)
        if skipped > 0 { FileHandle.standardError.write(Data("\(path): \(skipped) rows without a readable code skipped\n".utf8)) }
        let goldTexts = goldLines.compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return (object["text"] as? String).map(Self.normalized)
        }
        let codebook = try Codebook.load()
        var records: [String] = []
        for example in examples {
            let text = Self.normalized(example.text)
            // The gold's sentences are the examples, sometimes with a note cut or a word mended.
            let held = goldTexts.contains { g in
                g.hasPrefix(String(text.prefix(60))) || text.hasPrefix(String(g.prefix(60)))
            }
            guard !held, let type = Self.ploverType(code: example.code, plover: codebook.cameo(example.code)?.plover?.event) else { continue }
            let record: [String: Any] = [
                "id": "CAMEO-CODEBOOK-\(example.code)", "date": "2000-01-01", "event": type, "source": [String](), "target": [String](),
                "text": example.text,
            ]
            records.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        return records
    }

    /// Lowercase letters and digits, runs of anything else as one space.
    static func normalized(_ text: String) -> String {
        var out = ""
        var gap = false
        for c in text.lowercased() {
            if c.isLetter || c.isNumber {
                if gap, !out.isEmpty { out.append(" ") }
                out.append(c)
                gap = false
            } else {
                gap = true
            }
        }
        return out
    }

    /// The sentence's event: the first one with a PLOVER type that no other sets the status of
    /// (with a source if any has one), with every source and target of the events its trigger coded.
    static func mainEvent(_ all: [ExtractedEvent]) -> (String, [String], [String])? {
        // An event whose status another coded event sets ("accused … of violating": the
        // violating is alleged by the accusing) is that event's content, not the sentence's event.
        let typed = all.filter { ploverType($0) != nil }
        let governed = { (e: ExtractedEvent) in
            e.cue.map { cue in typed.contains { $0.sentence == e.sentence && $0.trigger.lowercased() == cue.lowercased() && $0.start != e.start } } == true
        }
        let events = typed.contains(where: { !governed($0) }) ? typed.filter { !governed($0) } : typed
        guard let first = events.first(where: { $0.source != nil }) ?? events.first,
            let type = ploverType(first)
        else { return nil }
        let same = all.filter { $0.start == first.start && $0.code == first.code }
        var sources: [String] = [], targets: [String] = []
        for e in same {
            if let c = e.source?.code, !sources.contains(c) { sources.append(c) }
            if let c = e.target?.code, !targets.contains(c) { targets.append(c) }
        }
        return (type, sources, targets)
    }

    /// FNV-1a over the id's bytes: a split that does not change between runs or machines.
    static func hash(_ id: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
