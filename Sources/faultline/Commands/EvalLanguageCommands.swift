import ArgumentParser
import FaultlineText
import Foundation

/// Where the language-layer evaluations read their models from.
struct ModelOptions: ParsableArguments {
    @Option(help: "A folder of models to evaluate instead of the shipped ones.")
    var models: String?

    func load() throws -> LanguageModels {
        if let models { return try LanguageModels.load(from: URL(fileURLWithPath: models)) }
        return try LanguageModels.shipped()
    }
}

enum Split: String, ExpressibleByArgument, CaseIterable {
    case dev, test
}

/// `faultline eval ud`: tags, lemmatizes and parses UD EWT (gold tokens), scored by eval_ud.py.
struct EvalUD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ud", abstract: "Tag and parse UD English EWT on gold tokens; print eval_ud.py's figures.")

    @OptionGroup var options: EvalOptions
    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Which split to score (tune on dev, report test).") var split = Split.test

    func run() throws {
        let gold = try options.path("ud-english-ewt/en_ewt-ud-\(split.rawValue).conllu")
        let pipeline = LanguagePipeline(models: try modelOptions.load())
        var sentences = try CoNLLU.read(path: gold)
        let started = Date()
        var words = 0
        for i in sentences.indices {
            let a = pipeline.analyse(sentences[i].words.map(\.form))
            for j in sentences[i].words.indices {
                sentences[i].words[j].upos = a.upos[j]
                sentences[i].words[j].xpos = a.xpos[j]
                sentences[i].words[j].lemma = a.lemmas[j]
                sentences[i].words[j].feats = "_"
                sentences[i].words[j].head = a.heads[j]
                sentences[i].words[j].deprel = a.deprels[j]
            }
            words += sentences[i].words.count
        }
        let seconds = Date().timeIntervalSince(started)
        let predicted = try options.writePrediction(CoNLLU.write(sentences), name: "ud-\(split.rawValue).conllu")
        print("UD English EWT \(split.rawValue), gold tokens: \(sentences.count) sentences, \(words) words (\(Int(Double(words) / seconds)) words/s tag+parse)")
        try options.run(scorer: "eval_ud.py", [gold, predicted, "--name", "faultline-\(split.rawValue)"])
        options.cleanUp()
    }
}

/// `faultline eval ner`: recognises entities on Universal NER EWT (gold tokens), scored by eval_ner.py.
struct EvalNER: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner", abstract: "Recognise entities on Universal NER English EWT; print eval_ner.py's figures.")

    @OptionGroup var options: EvalOptions
    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Which split to score (tune on dev, report test).") var split = Split.test

    func run() throws {
        let gold = try options.path("uner-english-ewt/en_ewt-ud-\(split.rawValue).iob2")
        let pipeline = LanguagePipeline(models: try modelOptions.load())
        var sentences = try IOB2.read(path: gold)
        // Document by document, as `annotate` does: an organisation's name spreads to its
        // repeats in the same document.
        var first = 0
        while first < sentences.count {
            var end = first + 1
            while end < sentences.count, sentences[end].document == sentences[first].document { end += 1 }
            let forms = sentences[first..<end].map(\.forms)
            let spread = DocumentNames.spreadOrganisations(forms: forms, spans: forms.map { pipeline.analyse($0).spans })
            for (k, spans) in spread.enumerated() { sentences[first + k].tags = EntityRecognizer.iob2(spans, count: forms[k].count) }
            first = end
        }
        let predicted = try options.writePrediction(IOB2.write(sentences), name: "ner-\(split.rawValue).iob2")
        print("Universal NER English EWT \(split.rawValue): \(sentences.count) sentences")
        try options.run(
            scorer: "eval_ner.py", [gold, predicted, "--gold-col", "2", "--gold-tok-col", "1", "--types", "PER,ORG,LOC", "--name", "faultline-\(split.rawValue)"])
        options.cleanUp()
    }
}

/// `faultline eval sentences`: splits UD EWT's raw paragraphs, scored by eval_sent.py.
struct EvalSentences: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences", abstract: "Split UD English EWT's raw text into sentences; print eval_sent.py's figures.",
        discussion: "Each paragraph's sentences are joined with spaces as running text (paragraphs apart), tokenized and split.")

    @OptionGroup var options: EvalOptions
    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Which split to score (tune on dev, report test).") var split = Split.test

    func run() throws {
        let gold = try options.path("ud-english-ewt/en_ewt-ud-\(split.rawValue).conllu")
        let models = try modelOptions.load()
        let tokenizer = Tokenizer()
        var lines: [String] = []
        for paragraph in SentenceSplitterTrainer.paragraphs(try CoNLLU.read(path: gold)) {
            let scalars = Array(paragraph.text.unicodeScalars)
            for s in models.splitter.split(tokenizer.tokenize(scalars: scalars)) {
                var line = ""
                line.unicodeScalars.append(contentsOf: scalars[s.start..<s.end])
                lines.append(line.replacingOccurrences(of: "\n", with: " "))
            }
        }
        let predicted = try options.writePrediction(lines.joined(separator: "\n") + "\n", name: "sentences-\(split.rawValue).txt")
        print("UD English EWT \(split.rawValue), raw paragraphs: \(lines.count) predicted sentences")
        try options.run(scorer: "eval_sent.py", [gold, predicted, "--name", "faultline-\(split.rawValue)"])
        options.cleanUp()
    }
}
