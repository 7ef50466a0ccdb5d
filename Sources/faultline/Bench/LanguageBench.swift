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
            repeated to --words words; one thread. Prints words per CPU second for the whole layer
            in each of --passes passes (this machine's speed drifts between runs, so the median and
            the best pass are printed too), and the tokenizer's and splitter's own speeds.
            """)

    @Option(help: "A folder of .txt articles to use as well.")
    var from: String?

    @Option(help: "How many words of text to annotate.")
    var words = 500_000

    @Option(help: "How many times to annotate the whole text.")
    var passes = 3

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
        var count = 0
        var sentences = 0
        var entities = 0
        var rates: [Double] = []
        for pass in 1...max(passes, 1) {
            count = 0
            sentences = 0
            entities = 0
            let started = ExtractBench.cpuSeconds()
            for t in texts {
                let a = pipeline.annotate(t)
                count += a.words.count
                sentences += a.sentences.count
                entities += a.entities.count
            }
            let seconds = max(ExtractBench.cpuSeconds() - started, 1e-9)
            rates.append(Double(count) / seconds)
            print(String(format: "  pass %d: %.2f CPU s, %.0f words/s", pass, seconds, Double(count) / seconds))
        }
        let sorted = rates.sorted()
        // Stage by stage, on the same texts.
        let s0 = ExtractBench.cpuSeconds()
        let tokenized = texts.map { tokenizer.tokenize($0) }
        let tokenizeSeconds = max(ExtractBench.cpuSeconds() - s0, 1e-9)
        let s1 = ExtractBench.cpuSeconds()
        for tokens in tokenized { _ = models.splitter.split(tokens) }
        let splitSeconds = max(ExtractBench.cpuSeconds() - s1, 1e-9)
        print(String(format: "language layer: %d words (%d sentences, %d entities) on one core: median %.0f words per CPU second, best %.0f (%d passes)", count, sentences, entities, sorted[sorted.count / 2], sorted.last!, sorted.count))
        print(String(format: "  tokenize %.0f words/s, split %.0f words/s; models loaded in %.3f s", Double(count) / tokenizeSeconds, Double(count) / splitSeconds, loadSeconds))
    }
}
