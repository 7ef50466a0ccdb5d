import FaultlineModel
import FaultlineText

/// A document's time anchor, time expressions and quantities: what ingestion stores and
/// `faultline show` prints.
///
/// ```swift
/// let found = TimeAndQuantities(tokens: Tokenizer().tokenize(text), text: text, published: published)
/// found.anchor?.value          // "2024-07-01"
/// found.timexes[0].value       // "2024-05-24"
/// found.quantities[0].object   // "ammunition"
/// ```
///
/// Built in one pass: the tokens are read into the grammar's words once, time expressions are
/// recognised once (the anchor inference reads the same candidates), and quantities skip the
/// numbers time expressions took.
public struct TimeAndQuantities: Sendable, Hashable, Codable {
    /// The creation time relative expressions were resolved against: the publication date, or
    /// the date the text gives (``TimeAnchor/inferred``), or nil when it gives none.
    public var anchor: TimeAnchor?
    public var timexes: [Timex]
    public var quantities: [Quantity]

    public init(anchor: TimeAnchor?, timexes: [Timex], quantities: [Quantity]) {
        self.anchor = anchor
        self.timexes = timexes
        self.quantities = quantities
    }

    /// Extracts from a tokenized text.
    ///
    /// - Parameters:
    ///   - published: the document's publication date, the anchor when it is valid.
    ///   - sentences: when given, each timex and quantity carries the index of its sentence.
    public init(tokens: [Token], text: String, published: PublicationDate?, sentences: [Sentence]? = nil) {
        let words = TimexWord.words(tokens)
        let candidates = TimexRecognizer(words: words).candidates()
        if let published, published.isValid {
            anchor = TimeAnchor(date: PublicationDate(year: published.year, month: published.month, day: published.day))
        } else {
            anchor = TimeAnchorInference(words: words, candidates: candidates, text: text).infer()
        }
        timexes = TimexExtractor().resolve(candidates, words: words, text: text, anchor: anchor, sentences: sentences)
        quantities = QuantityExtractor().extract(words: words, text: text, excluding: timexes, sentences: sentences)
    }

    /// Tokenizes `text` and extracts from it.
    public init(text: String, published: PublicationDate?) {
        self.init(tokens: Tokenizer().tokenize(text), text: text, published: published)
    }
}
