import ArgumentParser
import FaultlineText
import Foundation

/// `faultline train tagger|parser|ner|splitter`: retrains a model of the language layer from the
/// gold data and writes it where the package reads its models.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Retrain a language-layer model from the gold data in ../shared/data.",
        discussion: """
            Train the tagger first: it also writes the lemmatizer, and the recogniser and the parser's
            dev figures read it. Each command prints its dev scores; `faultline eval` gives the test ones.
            """,
        subcommands: [TrainTagger.self, TrainParser.self, TrainRecognizer.self, TrainSplitter.self, TrainClusters.self])

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

        /// Models trained without the word groups would quietly lose their cluster features.
        func requireClusters() throws {
            guard WordClusters.shipped.count > 0 else {
                throw ValidationError("the package has no clusters.bin: run `faultline train clusters`, then rebuild, before training")
            }
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
            try common.requireClusters()
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
            try common.write(Lemmatizer.train(train).serialized(), name: "lemmatizer.bin")
            print(String(format: "trained in %.0f s", Date().timeIntervalSince(started)))
        }
    }
}

extension TrainCommand {
    struct TrainParser: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parser", abstract: "Train the dependency parser on UD EWT train (on jackknifed predicted tags).")

        @OptionGroup var common: Common

        @Option(help: "The tagger model to evaluate on dev with (default: the one in the output folder).")
        var tagger: String?

        @Option(help: "The most weights the model keeps (the smallest are dropped; default 1,400,000).")
        var maxWeights: Int?

        @Option(help: "Training runs over different shuffles, averaged (two at a time, one per core; default 2).")
        var runs: Int?

        @Option(help: "Instead of training, prune this parser file to --max-weights and write it to the output folder.")
        var prune: String?

        func run() throws {
            try common.requireClusters()
            if let prune {
                guard let maxWeights else { throw ValidationError("--prune needs --max-weights") }
                let parser = try DependencyParser(data: Data(contentsOf: URL(fileURLWithPath: prune))).pruned(maxEntries: maxWeights)
                print("\(parser.model.featureCount) features, \(parser.model.entryCount) weights")
                try common.write(parser.serialized(), name: "parser.bin")
                return
            }
            let started = Date()
            let train = try CoNLLU.read(path: common.path("ud-english-ewt/en_ewt-ud-train.conllu"))
            let dev = try CoNLLU.read(path: common.path("ud-english-ewt/en_ewt-ud-dev.conllu"))
            var taggerTrainer = TaggerTrainer()
            taggerTrainer.progress = { print($0) }
            let jackknifed = taggerTrainer.jackknife(train)
            var trainer = ParserTrainer()
            if let e = common.epochs { trainer.epochs = e }
            if let m = maxWeights { trainer.maxEntries = m }
            if let r = runs { trainer.runs = r }
            trainer.progress = { print($0) }
            let parser = trainer.train(train, tags: jackknifed)
            let taggerPath = tagger ?? (common.outputFolder as NSString).appendingPathComponent("tagger.bin")
            if let data = try? Data(contentsOf: URL(fileURLWithPath: taggerPath)) {
                let posTagger = try PartOfSpeechTagger(data: data)
                var uas = 0
                var las = 0
                var total = 0
                for s in dev {
                    let keys = s.words.map { WordKeys($0.form) }
                    let classes = posTagger.tag(keys)
                    let tree = parser.parse(
                        words: keys, tags: classes.map { posTagger.classKeys[$0] }, coarse: classes.map { posTagger.coarseKeys[$0] })
                    for (i, w) in s.words.enumerated() {
                        total += 1
                        if tree.heads[i] == w.head {
                            uas += 1
                            if parser.labels[tree.labels[i]] == w.deprel { las += 1 }
                        }
                    }
                }
                print(String(format: "dev (tags from %@): UAS %.2f  LAS %.2f  (%d features, %d weights)", taggerPath,
                             100 * Double(uas) / Double(total), 100 * Double(las) / Double(total), parser.model.featureCount, parser.model.entryCount))
            }
            try common.write(parser.serialized(), name: "parser.bin")
            print(String(format: "trained in %.0f s", Date().timeIntervalSince(started)))
        }
    }
}

extension TrainCommand {
    struct TrainRecognizer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ner", abstract: "Train the entity recogniser on Universal NER EWT train (PER, ORG, LOC).")

        @OptionGroup var common: Common

        @Option(help: "The name lists (default: training/names.tsv, from scripts/build-ner-names.py).")
        var names: String?

        @Option(help: "A JSON file keeping the jackknifed training tags between runs: read if present, else written.")
        var tagsCache: String?

        func run() throws {
            try common.requireClusters()
            let started = Date()
            let train = try IOB2.read(path: common.path("uner-english-ewt/en_ewt-ud-train.APPROX-normalized-from-early.iob2"))
            let dev = try IOB2.read(path: common.path("uner-english-ewt/en_ewt-ud-dev.iob2"))
            let taggerPath = (common.outputFolder as NSString).appendingPathComponent("tagger.bin")
            let tagger = try PartOfSpeechTagger(data: Data(contentsOf: URL(fileURLWithPath: taggerPath)))
            // Tags for training as the tagger gives them on unseen text: jackknifed over UD EWT train.
            var jackknifed: [String: [String]] = [:]
            if let tagsCache, let cached = try? JSONDecoder().decode([String: [String]].self, from: Data(contentsOf: URL(fileURLWithPath: tagsCache))) {
                jackknifed = cached
                print("jackknifed tags from \(tagsCache)")
            } else {
                let treebank = try CoNLLU.read(path: common.path("ud-english-ewt/en_ewt-ud-train.conllu"))
                var taggerTrainer = TaggerTrainer()
                taggerTrainer.progress = { print($0) }
                for (s, tags) in zip(treebank, taggerTrainer.jackknife(treebank)) { jackknifed[s.id] = tags }
                if let tagsCache { try JSONEncoder().encode(jackknifed).write(to: URL(fileURLWithPath: tagsCache)) }
            }
            var trainer = EntityRecognizerTrainer()
            if let e = common.epochs { trainer.epochs = e }
            trainer.progress = { print($0) }
            let namesPath = names ?? "training/names.tsv"
            guard let nameText = try? String(contentsOfFile: namesPath, encoding: .utf8) else {
                throw ValidationError("missing the name lists \(namesPath): run scripts/build-ner-names.py or pass --names")
            }
            let nameList = NameList(tsv: nameText)
            print("name lists: \(nameList.count) names from \(namesPath)")
            let recognizer = trainer.train(train, tagger: tagger, names: nameList, jackknifed: jackknifed)
            var tp = 0
            var predicted = 0
            var gold = 0
            var byType: [String: (Int, Int, Int)] = [:]
            for s in dev {
                let keys = s.forms.map(WordKeys.init)
                let spans = Set(recognizer.recognize(words: keys, tags: tagger.tag(keys).map { tagger.classKeys[$0] }))
                let truth = Set(EntityRecognizer.spans(s.tags))
                tp += spans.intersection(truth).count
                predicted += spans.count
                gold += truth.count
                for t in ["PER", "ORG", "LOC"] {
                    let a = spans.filter { $0.type == t }
                    let b = truth.filter { $0.type == t }
                    let old = byType[t] ?? (0, 0, 0)
                    byType[t] = (old.0 + a.intersection(b).count, old.1 + a.count, old.2 + b.count)
                }
            }
            for (t, c) in byType.sorted(by: { $0.key < $1.key }) {
                print(String(format: "dev %@: P %.3f  R %.3f  (%d gold)", t, Double(c.0) / Double(max(c.1, 1)), Double(c.0) / Double(max(c.2, 1)), c.2))
            }
            let p = Double(tp) / Double(max(predicted, 1))
            let r = Double(tp) / Double(max(gold, 1))
            print(String(format: "dev: P %.3f  R %.3f  F1 %.3f  (%d features, %d weights; %d of %d sentences with jackknifed tags)", p, r, 2 * p * r / max(p + r, 1e-9),
                         recognizer.model.featureCount, recognizer.model.entryCount, train.filter { jackknifed[$0.id]?.count == $0.forms.count }.count, train.count))
            try common.write(recognizer.serialized(), name: "ner.bin")
            print(String(format: "trained in %.0f s", Date().timeIntervalSince(started)))
        }
    }

    struct TrainSplitter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "splitter", abstract: "Train the sentence splitter on UD EWT train's paragraphs.")

        @OptionGroup var common: Common

        func run() throws {
            let started = Date()
            let train = try CoNLLU.read(path: common.path("ud-english-ewt/en_ewt-ud-train.conllu"))
            let dev = try CoNLLU.read(path: common.path("ud-english-ewt/en_ewt-ud-dev.conllu"))
            var trainer = SentenceSplitterTrainer()
            if let e = common.epochs { trainer.epochs = e }
            let splitter = trainer.train(train)
            var tp = 0
            var predicted = 0
            var gold = 0
            for p in SentenceSplitterTrainer.paragraphs(dev) {
                let tokens = Tokenizer().tokenize(p.text)
                let found = Set(splitter.split(tokens).map(\.end))
                tp += found.intersection(p.ends).count
                predicted += found.count
                gold += p.ends.count
            }
            let pr = Double(tp) / Double(max(predicted, 1))
            let r = Double(tp) / Double(max(gold, 1))
            print(String(format: "dev sentence ends (paragraph ends included): P %.3f  R %.3f  F1 %.3f", pr, r, 2 * pr * r / max(pr + r, 1e-9)))
            try common.write(splitter.serialized(), name: "splitter.bin")
            print(String(format: "trained in %.0f s", Date().timeIntervalSince(started)))
        }
    }
}

extension TrainCommand {
    struct TrainClusters: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clusters",
            abstract: "Compile the word groups of scripts/build-word-clusters.sh into clusters.bin.",
            discussion: """
                The models read the groups shipped in the package, so after compiling new ones rebuild,
                then retrain the tagger, the recogniser and the parser.
                """)

        @OptionGroup var common: Common

        @Option(help: "The groups, one word a line: word, group of 64, of 256, of 1024.")
        var from = "training/clusters.tsv"

        func run() throws {
            guard let text = try? String(contentsOfFile: from, encoding: .utf8) else {
                throw ValidationError("missing \(from): run scripts/build-word-clusters.sh or pass --from")
            }
            let table = WordClusters(tsv: text)
            print("\(table.count) words")
            try common.write(table.serialized(), name: "clusters.bin")
        }
    }
}
