import ArgumentParser
import FaultlineExtract
import FaultlineText
import Foundation

/// `faultline eval timex`: TempEval-3 scoring of time expressions with `score_timex.py`.
struct TimexEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timex",
        abstract: "Recognise and normalise the TempEval-3 time expressions and print score_timex.py's figures.",
        discussion: """
            Runs `score_timex.py export DATA` for the documents (text and creation time), extracts
            time expressions anchored on each creation time, writes them as JSON Lines, then runs
            `score_timex.py score DATA PREDICTIONS` and prints its lines: strict and relaxed span
            P/R/F1, and type and value F1 over relaxed matches.
            """)

    @Option(help: "Folder of TimeML gold documents (.tml), searched recursively.")
    var data = "../shared/data/tempeval3/Training"

    @Option(help: "The scorer.")
    var scorer = "../shared/eval/score_timex.py"

    @Option(help: "Keep the predictions in this file (JSON Lines) instead of a temporary one.")
    var predictions: String?

    @Option(help: "The Python interpreter that runs the scorer.")
    var python = "python3"

    func run() throws {
        guard FileManager.default.fileExists(atPath: data) else { throw ValidationError("no gold data at \(data)") }
        guard FileManager.default.fileExists(atPath: scorer) else { throw ValidationError("no scorer at \(scorer)") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("faultline-timex-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let export = scratch.appendingPathComponent("docs.jsonl")
        try runScorer(["export", data], stdout: export)
        let documents: [TempEvalExport.Document]
        do { documents = try TempEvalExport.read(Data(contentsOf: export)) } catch { throw ValidationError("score_timex.py export: \(error)") }

        let extractor = TimexExtractor()
        let tokenizer = Tokenizer()
        var lines: [String] = []
        for document in documents {
            let anchor = document.creationDate.map { TimeAnchor(date: $0) }
            let timexes = extractor.extract(tokens: tokenizer.tokenize(document.text), text: document.text, anchor: anchor)
            for timex in timexes { lines.append(TempEvalExport.predictionLine(doc: document.doc, timex: timex)) }
        }
        let output = predictions.map { URL(fileURLWithPath: $0) } ?? scratch.appendingPathComponent("predictions.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: output)
        print("timex: \(documents.count) documents, \(lines.count) expressions predicted")
        let scores = scratch.appendingPathComponent("scores.txt")
        try runScorer(["score", data, output.path], stdout: scores)
        print(try String(contentsOf: scores, encoding: .utf8), terminator: "")
    }

    /// Runs the scorer with its output going to a file (a pipe could fill and stall it).
    private func runScorer(_ arguments: [String], stdout: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, scorer] + arguments
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(scorer) \(arguments.first ?? "") exited with status \(process.terminationStatus)")
        }
    }
}
