import FaultlineText

/// Finds numbers with their units and the nouns they count in a token sequence.
///
/// ```swift
/// let tokens = Tokenizer().tokenize(text)
/// let timexes = TimexExtractor().extract(tokens: tokens, text: text, anchor: anchor)
/// let quantities = QuantityExtractor().extract(tokens: tokens, text: text, excluding: timexes)
/// ```
///
/// Numbers inside time expressions (`two years`, `24 May`) are passed as `excluding` and
/// left alone; so are ordinals (`43rd`), model names (`T-72`, `F-16s`) and a bare `one`.
/// Pure and synchronous.
public struct QuantityExtractor: Sendable {
    public init() {}

    /// Tokenizes `text` and extracts from it (without time expressions to exclude).
    public func extract(text: String) -> [Quantity] {
        extract(tokens: Tokenizer().tokenize(text), text: text)
    }

    /// The quantities of a tokenized text, in text order.
    public func extract(tokens: [Token], text: String, excluding timexes: [Timex] = [], sentences: [Sentence]? = nil) -> [Quantity] {
        extract(words: TimexWord.words(tokens), text: text, excluding: timexes, sentences: sentences)
    }

    func extract(words: [TimexWord], text: String, excluding timexes: [Timex], sentences: [Sentence]?) -> [Quantity] {
        var blocked = [Bool](repeating: false, count: words.count)
        var t = 0
        for timex in timexes {
            while t < words.count, words[t].end <= timex.start { t += 1 }
            var k = t
            while k < words.count, words[k].start < timex.end {
                blocked[k] = true
                k += 1
            }
        }
        var reader = SpanReader(text: text)
        var sentenceIndex = SentenceIndex(words: words, sentences: sentences)
        var out: [Quantity] = []
        let parser = QuantityParser(words: words, blocked: blocked)
        var i = 0
        while i < words.count {
            // Most words cannot begin a quantity: one set lookup says so.
            guard !blocked[i], words[i].kind == .number || QuantityLexicon.starters.contains(words[i].lower),
                let found = parser.parse(at: i)
            else {
                i += 1
                continue
            }
            var q = found.quantity
            q.text = reader.text(q.start, q.end)
            q.sentence = sentenceIndex.sentence(ofWord: i)
            if let a = q.objectStart, let b = q.objectEnd { q.object = reader.text(a, b) }
            out.append(q)
            i = max(found.end, i + 1)
        }
        return out
    }
}

/// The grammar of one quantity: [hedge] [currency sign] number [scale] [unit] [of|in] [noun phrase].
struct QuantityParser {
    let words: [TimexWord]
    let blocked: [Bool]

    func word(_ i: Int) -> String { i >= 0 && i < words.count ? words[i].lower : "" }

    func parse(at first: Int) -> (quantity: Quantity, end: Int)? {
        var i = first
        var mod: String?
        // Hedges: about, nearly, at least, more than, up to, as many as.
        if let m = QuantityLexicon.modifiers[word(i)] {
            mod = m
            i += 1
        } else if word(i) == "at", word(i + 1) == "least" || word(i + 1) == "most" {
            mod = word(i + 1) == "least" ? "AT_LEAST" : "AT_MOST"
            i += 2
        } else if word(i) == "more" || word(i) == "fewer" || word(i) == "less", word(i + 1) == "than" {
            mod = word(i) == "more" ? "MORE_THAN" : "LESS_THAN"
            i += 2
        } else if word(i) == "up", word(i + 1) == "to" {
            mod = "AT_MOST"
            i += 2
        } else if word(i) == "as", ["many", "much"].contains(word(i + 1)), word(i + 2) == "as" {
            mod = "AT_MOST"
            i += 3
        } else if word(i) == "an", word(i + 1) == "estimated" {
            mod = "APPROX"
            i += 2
        }
        guard i < words.count, !blocked[i] else { return nil }
        var unit: String?
        if let currency = QuantityLexicon.currencySigns[word(i)] {
            unit = currency
            i += 1
        }
        guard let (amount, afterAmount, vague) = number(at: i) else { return nil }
        var value = amount
        var upper: Double?
        var j = afterAmount
        if vague {
            mod = mod ?? "VAGUE"
            // hundreds of millions of dollars
            if word(j) == "of", let more = QuantityLexicon.vague[word(j + 1)], more >= 1e3, word(j + 2) == "of" {
                value *= more
                j += 2
            }
            // billions of dollars: the unit comes after "of".
            if word(j) == "of", unit == nil, let u = QuantityLexicon.units[word(j + 1)], u.count == 3 {
                unit = u
                j += 2
            }
        }
        // 10-15, 10 to 15, between 10 and 15
        if !vague, ["-", "\u{2013}", "to"].contains(word(j)), let (high, afterHigh, highVague) = number(at: j + 1), !highVague, high > amount {
            upper = high
            j = afterHigh
        } else if !vague, word(first - 1) == "between", word(j) == "and", let (high, afterHigh, highVague) = number(at: j + 1), !highVague, high > amount {
            upper = high
            j = afterHigh
        }
        // Scale words: 2.7 billion, 1.5 million
        if let scale = QuantityLexicon.scales[word(j)] {
            value *= scale
            upper = upper.map { $0 * scale }
            j += 1
        }
        // Units: tons, square kilometers, %, dollars
        if unit == nil {
            if word(j) == "square" || word(j) == "sq" || word(j) == "sq.", let square = QuantityLexicon.squareUnits[word(j + 1)] {
                unit = square
                j += 2
            } else if let u = QuantityLexicon.units[word(j)], !(u == "GBP" && word(j) == "pounds" && word(j + 1) == "of") {
                unit = u
                j += 1
            }
        }
        let end = j
        // The thing counted or measured.
        var k = j
        if unit != nil, QuantityLexicon.objectLinks.contains(word(k)) {
            k += 1
            if word(k - 1) == "worth", word(k) == "of" { k += 1 }
        } else if vague, word(k) == "of" {
            k += 1
        }
        let object = nounPhrase(at: k)
        if unit == nil, object == nil, mod == nil || mod == "VAGUE" { return nil }
        if unit == nil, object == nil { return nil }
        var q = Quantity(
            start: words[first].start, end: words[end - 1].end, text: "", value: value, upper: upper, unit: unit, mod: mod)
        if let (_, head) = object {
            q.objectStart = words[head].start
            q.objectEnd = words[head].end
        }
        return (q, object.map { $0.1 + 1 } ?? end)
    }

    /// A number at `i`: digits (`1,000`, `2.7`), number words (`thirteen`, `twenty-four`,
    /// `a dozen`), or a vague plural (`thousands`). Returns the value, the index after it and
    /// whether it is vague.
    func number(at i: Int) -> (Double, Int, Bool)? {
        guard i < words.count, !blocked[i] else { return nil }
        let w = words[i]
        let s = w.lower
        if w.kind == .number {
            // T-72, F-16s, 43rd, 7:30, 11/28/2000: names, ordinals, times and dates are not amounts.
            if i >= 2, words[i - 1].lower == "-", !words[i - 2].spaceAfter, !words[i - 1].spaceAfter, words[i - 2].kind == .word { return nil }
            var clean = ""
            for c in s.unicodeScalars {
                if c == "," { continue }
                guard (c.value >= 48 && c.value <= 57) || c == "." else { return nil }
                clean.unicodeScalars.append(c)
            }
            guard let v = Double(clean) else { return nil }
            // A digit glued to a following hyphen and word is a compound (`80-year-old`).
            if i + 1 < words.count, words[i + 1].lower == "-", !w.spaceAfter, i + 2 < words.count, words[i + 2].kind == .word,
                QuantityLexicon.units[words[i + 2].lower] == nil
            {
                return nil
            }
            return (v, i + 1, false)
        }
        if let v = QuantityLexicon.vague[s], word(i + 1) == "of" { return (v, i + 1, true) }
        if s == "a" || s == "one", word(i + 1) == "dozen" { return (12, i + 2, false) }
        guard var v = QuantityLexicon.numberWords[s] else { return nil }
        // "the Three Seas Initiative": a capitalised number word inside a name.
        if w.capitalized, i > 0, !SentenceTense.isClauseBoundary(words[i - 1]), w.breaksBefore == 0, i + 1 < words.count, words[i + 1].capitalized {
            return nil
        }
        var end = i + 1
        if v >= 20, v < 100, word(end) == "-", let unit = QuantityLexicon.numberWords[word(end + 1)], unit < 10 {
            v += unit
            end += 2
        }
        return (v, end, false)
    }

    /// The noun phrase after a number, up to four words: returns the token range of its
    /// words, whose last is the head (`two Belarusian trains transporting …` → `trains`).
    func nounPhrase(at i: Int) -> (Int, Int)? {
        var k = i
        var last: Int?
        while k < words.count, k - i < 4 {
            let w = words[k]
            let inCompound = k > i && words[k - 1].lower == "-" && !words[k - 1].spaceAfter
            guard w.kind == .word || (w.kind == .number && inCompound), !blocked[k], !QuantityLexicon.phraseStops.contains(w.lower) else { break }
            if k > i, words[k].breaksBefore > 0 { break }
            // Participles and adverbs end the phrase after its first word (`trains containing`).
            let verbal = w.lower.hasSuffix("ing") || w.lower.hasSuffix("ed") || w.lower.hasSuffix("ly")
            if verbal, last != nil { break }
            last = k
            if k + 1 < words.count, !w.spaceAfter, words[k + 1].kind == .punctuation, words[k + 1].lower != "-" {
                break
            }
            if k + 1 < words.count, words[k + 1].lower == "-", !w.spaceAfter {
                k += 2  // T-72 tanks: a hyphenated modifier
                continue
            }
            k += 1
        }
        guard var last else { return nil }
        // The head is the first plural noun (`13 trains left`: trains), else the last word
        // (`tainted oil`).
        if let plural = (i...last).first(where: { k in
            let w = words[k]
            return w.kind == .word && !w.capitalized && w.lower.hasSuffix("s") && !w.lower.hasSuffix("ss") && w.lower.count > 3
        }) {
            last = plural
        }
        let head = words[last].lower
        if head.hasSuffix("ing") || head.hasSuffix("ly") { return nil }
        return (i, last)
    }
}
