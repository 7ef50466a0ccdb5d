/// The language layer end to end: tokenize, split, tag, lemmatize, recognise entities, parse.
///
///     let text = try LanguagePipeline.shipped().annotate("Belarus’ border service shot down a drone.")
///     for e in text.entities { print(e.type, e.text) }
public struct LanguagePipeline: Sendable {
    public let models: LanguageModels
    private let tokenizer = Tokenizer()

    public init(models: LanguageModels) {
        self.models = models
    }

    /// A pipeline over the models shipped in the package.
    public static func shipped() throws -> LanguagePipeline {
        LanguagePipeline(models: try LanguageModels.shipped())
    }

    /// Annotates a whole text.
    public func annotate(_ text: String) -> AnnotatedText {
        let scalars = Array(text.unicodeScalars)
        let tokens = tokenizer.tokenize(scalars: scalars)
        let sentences = models.splitter.split(tokens)
        var words: [AnnotatedText.Word] = []
        words.reserveCapacity(tokens.count)
        var entities: [AnnotatedText.Entity] = []
        let forms = sentences.map { tokens[$0.tokens].map(\.form) }
        var analyses = forms.map(analyse)
        // A name tagged as an organisation once is one wherever the text repeats it.
        let spread = DocumentNames.spreadOrganisations(forms: forms, spans: analyses.map(\.spans))
        for (index, sentence) in sentences.enumerated() {
            let base = sentence.tokens.lowerBound
            let sentenceTokens = tokens[sentence.tokens]
            if spread[index].count != analyses[index].spans.count {
                analyses[index].spans = spread[index]
                analyses[index].entities = EntityRecognizer.iob2(spread[index], count: sentenceTokens.count)
            }
            let analysis = analyses[index]
            for (i, token) in sentenceTokens.enumerated() {
                let head = analysis.heads[i]
                words.append(
                    AnnotatedText.Word(
                        token: token, upos: analysis.upos[i], xpos: analysis.xpos[i], lemma: analysis.lemmas[i],
                        head: head == 0 ? nil : base + head - 1, deprel: analysis.deprels[i], entity: analysis.entities[i]))
            }
            for span in analysis.spans {
                let start = tokens[base + span.words.lowerBound].start
                let end = tokens[base + span.words.upperBound - 1].end
                var surface = ""
                surface.unicodeScalars.append(contentsOf: scalars[start..<end])
                entities.append(
                    AnnotatedText.Entity(
                        sentence: index, words: (base + span.words.lowerBound)..<(base + span.words.upperBound), type: span.type,
                        start: start, end: end, text: surface))
            }
        }
        return AnnotatedText(words: words, sentences: sentences, entities: entities)
    }

    /// The analysis of one sentence given as word forms (gold tokens, for evaluation).
    public struct Analysis: Sendable {
        public var upos: [String]
        public var xpos: [String]
        public var lemmas: [String]
        /// 1-based heads, 0 for the root.
        public var heads: [Int]
        public var deprels: [String]
        public var entities: [String]
        public var spans: [EntitySpan]
    }

    public func analyse(_ forms: [String]) -> Analysis { analyse(forms, fixing: [:]) }
}
