import ArgumentParser
import FaultlineKnowledge
import Foundation

/// `faultline eval geo`: resolves the gold toponyms of LGL, GeoVirus and TR-News with the
/// gazetteer and prints `score_geo.py`'s lines for each.
struct GeoEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geo",
        abstract: "Resolve the gold toponyms of the geoparsing corpora and print score_geo.py's figures.",
        discussion: """
            For each corpus in DATA/geoparsing/Corpora, the gold toponym spans (recognition is not
            measured here) are resolved document by document with `Gazetteer.resolve`, written as
            {"doc", "start", "end", "lat", "lon"} lines, and scored by `../shared/eval/score_geo.py`
            (accuracy within 161 km, median and mean error, AUC).
            """)

    @Option(help: ArgumentHelp("The shared data folder.", valueName: "dir"))
    var data = "../shared/data"

    @Option(help: ArgumentHelp("The scorer; default: score_geo.py in the eval folder beside DATA.", valueName: "path"))
    var scorer: String?

    @Option(help: ArgumentHelp("Keep the prediction files in this folder.", valueName: "dir"))
    var keep: String?

    @Argument(help: "Corpora to score (lgl, GeoVirus, TR-News); all three when left out.")
    var corpora: [String] = []

    func run() throws {
        let dataURL = URL(fileURLWithPath: data)
        let scorerPath = scorer ?? dataURL.deletingLastPathComponent().appendingPathComponent("eval/score_geo.py").path
        guard FileManager.default.fileExists(atPath: scorerPath) else { throw ValidationError("no scorer at \(scorerPath)") }
        let gazetteer = try Gazetteer.load()
        let folder = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("faultline-eval-geo-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let names = corpora.isEmpty ? ["lgl", "GeoVirus", "TR-News"] : corpora
        for name in names {
            let corpusURL = dataURL.appendingPathComponent("geoparsing/Corpora/\(name).xml")
            guard FileManager.default.fileExists(atPath: corpusURL.path) else { throw ValidationError("no corpus at \(corpusURL.path)") }
            let corpus = try GeoCorpus(url: corpusURL)
            var lines: [String] = []
            for (index, document) in corpus.documents.enumerated() {
                let places = gazetteer.resolve(document.toponyms, in: document.text)
                for (toponym, place) in zip(document.spans, places) {
                    let point = place.map { String(format: "\"lat\": %.5f, \"lon\": %.5f", $0.latitude, $0.longitude) } ?? "\"lat\": null, \"lon\": null"
                    lines.append("{\"doc\": \(index), \"start\": \(toponym.start), \"end\": \(toponym.end), \(point)}")
                }
            }
            let predictions = folder.appendingPathComponent("\(name).pred.jsonl")
            try (lines.joined(separator: "\n") + "\n").write(to: predictions, atomically: true, encoding: .utf8)
            print("\(name): \(corpus.documents.count) documents, \(lines.count) toponyms")
            fflush(nil)  // our line before the scorer's, when the output is a pipe
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", scorerPath, "score", corpusURL.path, predictions.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw ExitCode(process.terminationStatus) }
        }
    }
}
