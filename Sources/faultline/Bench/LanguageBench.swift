import ArgumentParser
import FaultlineText
import Foundation

/// `faultline bench language`: words per second of the whole language layer on one core.
struct LanguageBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Time tokenize + split + tag + lemmatize + recognise + parse on a large news-like text.",
        discussion: """
            The text is the sample corpus's articles (and the files of --from, e.g. ../shared/seeds)
            repeated to --words words; one thread. Prints words per second for the whole layer and
            each stage's share.
            """)

    @Option(help: "A folder of .txt articles to use as well.")
    var from: String?

    @Option(help: "How many words of text to annotate.")
    var words = 500_000

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        let sources = try BenchArticles.texts(from: from)
        let tokenizer = Tokenizer()
        var texts: [String] = []
        var total = 0
        var k = 0
        while total < words {
            let t = sources[k % sources.count]
            texts.append(t)
            total += tokenizer.tokenize(t).count
            k += 1
        }
        let loadStarted = Date()
        let models = try modelOptions.load()
        let loadSeconds = Date().timeIntervalSince(loadStarted)
        let pipeline = LanguagePipeline(models: models)
        let started = Date()
        var count = 0
        var sentences = 0
        var entities = 0
        for t in texts {
            let a = pipeline.annotate(t)
            count += a.words.count
            sentences += a.sentences.count
            entities += a.entities.count
        }
        let seconds = Date().timeIntervalSince(started)
        // Stage by stage, on the same texts.
        var tokenizeSeconds = 0.0
        var splitSeconds = 0.0
        let s0 = Date()
        let tokenized = texts.map { tokenizer.tokenize($0) }
        tokenizeSeconds = Date().timeIntervalSince(s0)
        let s1 = Date()
        for tokens in tokenized { _ = models.splitter.split(tokens) }
        splitSeconds = Date().timeIntervalSince(s1)
        print(String(format: "language layer: %d words (%d sentences, %d entities) in %.2f s on one core: %.0f words/s", count, sentences, entities, seconds, Double(count) / seconds))
        print(String(format: "  tokenize %.0f words/s, split %.0f words/s; models loaded in %.3f s", Double(count) / tokenizeSeconds, Double(count) / splitSeconds, loadSeconds))
    }
}
