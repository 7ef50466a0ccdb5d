import ArgumentParser
import FaultlineText
import Foundation

/// `faultline train tagger|parser|ner|splitter`: retrains a model of the language layer from the
/// gold data and writes it where the package reads its models.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Retrain a language-layer model from the gold data in ../shared/data.",
        subcommands: [TrainTagger.self])

    struct Common: ParsableArguments {
        @Option(help: "The gold data folder.")
        var data = "../shared/data"

        @Option(help: "Where to write the model (default: the package's model folder when run from the repository).")
        var output: String?

        @Option(help: "Training epochs (default: the model's own).")
        var epochs: Int?

        var outputFolder: String {
            if let output { return output }
            let packaged = "Sources/FaultlineText/Resources/models"
            return FileManager.default.fileExists(atPath: packaged) ? packaged : "models"
        }

        func path(_ relative: String) throws -> String {
            let p = (data as NSString).appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: p) else {
                throw ValidationError("missing \(p): pass --data with the folder holding ud-english-ewt and uner-english-ewt")
            }
            return p
        }

        func write(_ data: Data, name: String) throws {
            try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
            let path = (outputFolder as NSString).appendingPathComponent(name)
            try data.write(to: URL(fileURLWithPath: path))
            print(String(format: "wrote %@ (%.2f MiB)", path, Double(data.count) / 1_048_576))
        }
    }

    struct TrainTagger: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tagger", abstract: "Train the UPOS/XPOS tagger on UD EWT train.")

        @OptionGroup var common: Common

        func run() throws {
            let started = Date()
            let train = try CoNLLU.read(path: common.path("ud-english-ewt/en_ewt-ud-train.conllu"))
            let dev = try CoNLLU.read(path: common.path("ud-english-ewt/en_ewt-ud-dev.conllu"))
            var trainer = TaggerTrainer()
            if let e = common.epochs { trainer.epochs = e }
            trainer.progress = { print($0) }
            let tagger = trainer.train(train)
            var upos = 0
            var xpos = 0
            var total = 0
            for s in dev {
                let tags = tagger.tag(s.words.map { WordKeys($0.form) })
                for (w, t) in zip(s.words, tags) {
                    total += 1
                    if tagger.upos[t] == w.upos { upos += 1 }
                    if tagger.xpos[t] == w.xpos { xpos += 1 }
                }
            }
            print(String(format: "dev: UPOS %.2f  XPOS %.2f  (%d features, %d weights)", 100 * Double(upos) / Double(total),
                         100 * Double(xpos) / Double(total), tagger.model.featureCount, tagger.model.entryCount))
            try common.write(tagger.serialized(), name: "tagger.bin")
            print(String(format: "trained in %.0f s", Date().timeIntervalSince(started)))
        }
    }
}
