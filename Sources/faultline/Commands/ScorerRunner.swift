import ArgumentParser
import Foundation

/// Options every `faultline eval` subcommand shares, and running a shared Python scorer.
struct EvalOptions: ParsableArguments {
    @Option(help: "The gold data folder (its sibling eval/ holds the scorers).")
    var data = "../shared/data"

    @Option(help: "Where the scorers are (default: DATA/../eval).")
    var scorers: String?

    @Option(help: "Folder to keep the prediction files in (default: a temporary folder, removed afterwards).")
    var keep: String?

    func path(_ relative: String) throws -> String {
        let p = (data as NSString).appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: p) else {
            throw ValidationError("missing \(p): pass --data with the shared gold data folder")
        }
        return p
    }

    func scorer(_ name: String) throws -> String {
        let folder = scorers ?? ((data as NSString).deletingLastPathComponent as NSString).appendingPathComponent("eval")
        let p = (folder as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: p) else { throw ValidationError("missing scorer \(p): pass --scorers") }
        return p
    }

    /// Where prediction files go: `--keep`, else a temporary folder of this process.
    private var predictionFolder: String {
        keep ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("faultline-eval-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Writes `text` to a prediction file and returns its path.
    func writePrediction(_ text: String, name: String) throws -> String {
        let folder = predictionFolder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func cleanUp() {
        if keep == nil { try? FileManager.default.removeItem(atPath: predictionFolder) }
    }

    /// Runs `python3 SCORER ARGS`, passing its output through; fails if the scorer fails.
    func run(scorer name: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", try scorer(name)] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(name) exited with status \(process.terminationStatus)")
        }
    }
}
