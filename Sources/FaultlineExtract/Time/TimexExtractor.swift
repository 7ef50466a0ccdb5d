import FaultlineKnowledge
import FaultlineModel
import FaultlineText

/// Finds the time expressions of a document and normalises them against its anchor.
///
/// ```swift
/// let tokens = Tokenizer().tokenize(text)
/// let anchor = TimexExtractor.anchor(published: document.metadata.published, tokens: tokens, text: text)
/// let timexes = TimexExtractor().extract(tokens: tokens, text: text, anchor: anchor)
/// ```
///
/// ``TimeAndQuantities`` does the anchor, time expressions and quantities in one pass.
///
/// Pure and synchronous; one extractor can be shared by any number of threads.
public struct TimexExtractor: Sendable {
    public init() {}

    /// Tokenizes `text` and extracts from it.
    public func extract(text: String, anchor: TimeAnchor?) -> [Timex] {
        extract(tokens: Tokenizer().tokenize(text), text: text, anchor: anchor)
    }

    /// The time expressions of a tokenized text, in text order, without overlaps.
    ///
    /// - Parameters:
    ///   - tokens: the tokens of `text` (``Tokenizer``).
    ///   - anchor: the document creation time; nil leaves relative values unresolved (`XXXX-05-24`).
    ///   - sentences: when given, each timex carries the index of its sentence; otherwise the
    ///     index counts sentence-final punctuation and line breaks.
    public func extract(tokens: [Token], text: String, anchor: TimeAnchor?, sentences: [Sentence]? = nil) -> [Timex] {
        let words = TimexWord.words(tokens)
        let candidates = TimexRecognizer(words: words).candidates()
        return resolve(candidates, words: words, text: text, anchor: anchor, sentences: sentences)
    }

    /// The anchor for a document: its publication date when it has one, else the best date
    /// its text gives (``TimeAnchor/inferred`` set), else nil.
    public static func anchor(published: PublicationDate?, tokens: [Token], text: String) -> TimeAnchor? {
        if let published, published.isValid {
            return TimeAnchor(date: PublicationDate(year: published.year, month: published.month, day: published.day))
        }
        let words = TimexWord.words(tokens)
        let candidates = TimexRecognizer(words: words).candidates()
        return TimeAnchorInference(words: words, candidates: candidates, text: text).infer()
    }

    /// Tokenizes, anchors and extracts in one call.
    public func extract(text: String, published: PublicationDate?) -> (anchor: TimeAnchor?, timexes: [Timex]) {
        let found = TimeAndQuantities(text: text, published: published)
        return (found.anchor, found.timexes)
    }

    func resolve(_ candidates: [TimexCandidate], words: [TimexWord], text: String, anchor: TimeAnchor?, sentences: [Sentence]?) -> [Timex] {
        let day = anchor.map { CalendarDay(year: $0.date.year, month: $0.date.month, day: $0.date.day) }
        var normalizer = TimexNormalizer(anchor: day)
        var cursor = SpanReader(text: text)
        var sentenceIndex = SentenceIndex(words: words, sentences: sentences)
        var out: [Timex] = []
        out.reserveCapacity(candidates.count)
        for c in candidates {
            let tense = SentenceTense.around(words, first: c.first, end: c.end)
            normalizer.currentWord = c.first
            let (type, value) = normalizer.resolve(c.meaning, tense: tense)
            normalizer.note(c.meaning, value: value)
            let start = words[c.first].start
            let end = words[c.end - 1].end
            out.append(
                Timex(
                    start: start, end: end, text: cursor.text(start, end), type: type, value: value, mod: c.mod,
                    anchored: Self.usesAnchor(c.meaning), sentence: sentenceIndex.sentence(ofWord: c.first)))
        }
        return out
    }

    /// Whether a meaning needed the anchor (or the text's last period) for its value.
    static func usesAnchor(_ meaning: TimexMeaning) -> Bool {
        switch meaning {
        case .literal, .duration, .set, .decade, .century: return false
        case .calendar(let year, let month, _): return year == nil && month != nil
        case .dayRange(let year, _, _, _): return year == nil
        case .quarter(_, let year, _), .half(_, let year, _): return year == nil
        case .season(_, let year, _): return year == nil
        case .reference: return false
        default: return true
        }
    }
}

/// Reads spans of a text by scalar offsets, walking forward only (spans come in order).
struct SpanReader {
    let scalars: String.UnicodeScalarView
    var index: String.UnicodeScalarView.Index
    var offset = 0

    init(text: String) {
        scalars = text.unicodeScalars
        index = scalars.startIndex
    }

    mutating func text(_ start: Int, _ end: Int) -> String {
        if start < offset {
            index = scalars.startIndex
            offset = 0
        }
        index = scalars.index(index, offsetBy: start - offset)
        offset = start
        let stop = scalars.index(index, offsetBy: end - start)
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[index..<stop])
        return out
    }
}

/// The sentence of a word: from given sentences, or by counting sentence ends and line breaks
/// until the language layer's sentence splitter is used here.
struct SentenceIndex {
    let words: [TimexWord]
    let sentences: [Sentence]?
    var word = 0
    var current = 0
    var sentenceCursor = 0

    init(words: [TimexWord], sentences: [Sentence]?) {
        self.words = words
        self.sentences = sentences
    }

    mutating func sentence(ofWord target: Int) -> Int {
        if let sentences {
            while sentenceCursor < sentences.count - 1, sentences[sentenceCursor].tokens.upperBound <= target { sentenceCursor += 1 }
            return sentenceCursor
        }
        while word < target {
            let w = words[word]
            if SentenceTense.isBoundary(w) && w.lower != ";" { current += 1 } else if word + 1 < words.count, words[word + 1].breaksBefore > 0, !SentenceTense.isBoundary(w) { current += 1 }
            word += 1
        }
        return current
    }
}
