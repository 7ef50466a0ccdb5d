import FaultlineText

/// One token as the time grammar reads it: lowercased, with its span.
struct TimexWord: Sendable {
    var lower: String
    var start: Int
    var end: Int
    var kind: Token.Kind
    var capitalized: Bool
    var spaceAfter: Bool
    var breaksBefore: UInt8

    init(_ token: Token) {
        start = token.start
        end = token.end
        kind = token.kind
        spaceAfter = token.spaceAfter
        breaksBefore = token.breaksBefore
        let form = token.form
        // Most tokens are already lowercase: they keep their form and nothing is allocated.
        var needsChange = false
        var upperFirst = false
        var first = true
        for c in form.unicodeScalars {
            if c.value >= 65 && c.value <= 90 {
                needsChange = true
                if first { upperFirst = true }
            } else if c.value >= 128 && (c == "\u{2019}" || c.properties.isUppercase) {
                needsChange = true
                if first && c != "\u{2019}" { upperFirst = true }
            }
            first = false
        }
        capitalized = upperFirst
        guard needsChange else {
            lower = form
            return
        }
        var lowered = ""
        lowered.unicodeScalars.reserveCapacity(form.unicodeScalars.count)
        for c in form.unicodeScalars {
            if c.value >= 65 && c.value <= 90 {
                lowered.unicodeScalars.append(Unicode.Scalar(c.value + 32)!)
            } else if c == "\u{2019}" {
                lowered.unicodeScalars.append("'")
            } else if c.value >= 128, c.properties.isUppercase {
                lowered.unicodeScalars.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            } else {
                lowered.unicodeScalars.append(c)
            }
        }
        lower = lowered
    }

    /// The words of a token sequence.
    static func words(_ tokens: [Token]) -> [TimexWord] {
        var out: [TimexWord] = []
        out.reserveCapacity(tokens.count)
        for token in tokens { out.append(TimexWord(token)) }
        return out
    }
}

/// A recognised expression: tokens `first..<end` and what they mean.
struct TimexCandidate: Sendable {
    var first: Int
    var end: Int
    var meaning: TimexMeaning
    var mod: String?
}

/// Finds time expressions in a token sequence and reads what they mean.
///
/// A hand-written grammar over lowercased tokens, tried at each token that can begin an
/// expression; the longest reading wins. Spans follow TimeML's conventions: a determiner or
/// modifier that belongs to the expression is inside (`the third quarter`, `early next year`,
/// `at least 72 hours`, `two years ago`); prepositions are outside (`on` Monday).
struct TimexRecognizer: Sendable {
    let w: [TimexWord]

    init(words: [TimexWord]) { w = words }

    /// All expressions, in text order, without overlaps.
    func candidates() -> [TimexCandidate] {
        var out: [TimexCandidate] = []
        var i = 0
        while i < w.count {
            if let found = parse(i) {
                out.append(found)
                i = found.end
            } else {
                i += 1
            }
        }
        return out
    }

    // MARK: - Reading words

    @inline(__always) func word(_ i: Int) -> String { i < w.count && i >= 0 ? w[i].lower : "" }

    func isWord(_ i: Int, _ options: Set<String>) -> Bool { i >= 0 && i < w.count && options.contains(w[i].lower) }

    /// Whether a hyphen joins the words at `i - 1` and `i + 1` (`third-quarter`, not `9 - 11`).
    func isJoiningHyphen(_ i: Int) -> Bool {
        i < w.count && i > 0 && (w[i].lower == "-" || w[i].lower == "\u{2010}") && !w[i - 1].spaceAfter && !w[i].spaceAfter
    }

    /// A whole number written in digits at `i`.
    func digits(_ i: Int) -> Int? {
        guard i >= 0, i < w.count, w[i].kind == .number else { return nil }
        var value = 0
        var count = 0
        for c in w[i].lower.unicodeScalars {
            guard c.value >= 48 && c.value <= 57 else { return nil }
            value = value * 10 + Int(c.value - 48)
            count += 1
            if count > 9 { return nil }
        }
        return count > 0 ? value : nil
    }

    /// A four-digit year (1000–2099) at `i`.
    func year(_ i: Int) -> Int? {
        guard let n = digits(i), w[i].lower.count == 4, (1000...2099).contains(n) else { return nil }
        return n
    }

    /// A day of the month at `i`: `7`, `07`, `7th`, `1st`.
    func dayOfMonth(_ i: Int) -> Int? {
        guard i >= 0, i < w.count else { return nil }
        if let n = digits(i), w[i].lower.count <= 2, (1...31).contains(n) { return n }
        let s = w[i].lower
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) && s.count <= 4 {
            if let n = Int(s.dropLast(2)), (1...31).contains(n) { return n }
        }
        return nil
    }

    /// A month name at `i`; `May` and `March` only where they cannot be the verb.
    func month(_ i: Int) -> Int? {
        guard i >= 0, i < w.count, let m = TimexLexicon.months[w[i].lower] else { return nil }
        // "Jan" without its period is as often a first name (Jan Kavan).
        if w[i].lower == "jan", dayOfMonth(i + 1) == nil, year(i + 1) == nil { return nil }
        if w[i].lower == "may" || w[i].lower == "march" {
            guard w[i].capitalized else { return nil }
            let next = i + 1 < w.count ? w[i + 1] : nil
            let nextIsDate = dayOfMonth(i + 1) != nil || year(i + 1) != nil || word(i + 1) == ","
            let before = word(i - 1)
            let preposition = ["in", "since", "until", "till", "by", "of", "early", "late", "mid", "last", "next", "this", "from", "through", "before", "after", "during", "and", "or", "to", "between", "mid-"].contains(before)
            // 24 May: a day number before it.
            let dayBefore = i > 0 && dayOfMonth(i - 1) != nil
            if !(nextIsDate || preposition || dayBefore) { return nil }
            if next == nil && !preposition && !dayBefore { return nil }
        }
        return m
    }

    /// An amount before a unit: digits, number words (`twenty-four`, `twenty four`), `a`/`an`,
    /// `a couple of`, or vague words (`several`, `a few`: nil amount). Returns the amount and
    /// the index after it.
    func amount(_ i: Int) -> (value: Int?, end: Int)? {
        let s = word(i)
        switch s {
        case "a", "an", "one":
            if word(i + 1) == "couple", word(i + 2) == "of" { return (2, i + 3) }
            if word(i + 1) == "few" { return (nil, i + 2) }
            if word(i + 1) == "dozen" { return (12, i + 2) }
            if s == "a", word(i + 1) == "half", word(i + 2) == "dozen" { return (6, i + 3) }
            return (1, i + 1)
        case "several", "few", "many", "some", "numerous", "couple":
            if s == "couple", word(i + 1) == "of" { return (2, i + 2) }
            return (nil, i + 1)
        case "a-few": return (nil, i + 1)
        default: break
        }
        if let n = digits(i) {
            // "12 to 18 months": a range of amounts is vague.
            if isWord(i + 1, ["to", "-", "or"]), digits(i + 2) != nil || TimexLexicon.numberWords[word(i + 2)] != nil {
                return (nil, i + 3)
            }
            return (n, i + 1)
        }
        if let decimal = TimexLexicon.number(s), s.contains(".") {
            return decimal == decimal.rounded() ? (Int(decimal), i + 1) : nil
        }
        guard let n = TimexLexicon.numberWords[s], s != "dozen" else { return nil }
        var value = n
        var end = i + 1
        if n >= 20 && n < 100 && n % 10 == 0 {
            if word(end) == "-", let unit = TimexLexicon.numberWords[word(end + 1)], unit < 10 {
                value += unit
                end += 2
            } else if let unit = TimexLexicon.numberWords[word(end)], unit < 10, unit > 0 {
                value += unit
                end += 1
            }
        }
        if word(end) == "hundred" {
            value *= 100
            end += 1
        }
        if isWord(end, ["or", "to"]), let _ = TimexLexicon.numberWords[word(end + 1)] { return (nil, end + 2) }
        return (value, end)
    }

    // MARK: - The grammar's entry

    func parse(_ i: Int) -> TimexCandidate? {
        let s = w[i].lower
        guard TimexRecognizer.canBegin(s, kind: w[i].kind) else { return nil }
        // Common words that only lead into an expression ("the", "a", "last", "at") need a
        // time word within the next four: most of them have none, and cost no more.
        if w[i].kind == .word, !Self.strong.contains(s), !s.hasPrefix("mid-") {
            var k = i + 1
            var found = false
            while k < w.count, k <= i + 4 {
                if w[k].kind == .number || Self.strong.contains(w[k].lower) || w[k].lower.hasPrefix("mid-") {
                    found = true
                    break
                }
                k += 1
            }
            if !found { return nil }
        }
        if let found = modified(i) { return found }
        return core(i)
    }

    /// Cheap filter: only these words or numbers can begin an expression.
    static func canBegin(_ s: String, kind: Token.Kind) -> Bool {
        if kind == .number { return true }
        guard kind == .word else { return false }
        return beginners.contains(s) || s.hasPrefix("mid-")
    }

    /// Words that are time words themselves (not only leading into one).
    static let strong: Set<String> = {
        var s: Set<String> = [
            "today", "tonight", "yesterday", "tomorrow", "now", "future", "past", "present", "quarter", "quarters",
            "half", "noon", "midnight", "midday", "christmas", "thanksgiving", "halloween", "year-end", "yearend",
            "fiscal", "overnight", "currently", "current", "recently", "lately", "presently", "nowadays", "daily",
            "term", "days", "these", "independence", "nineteen", "eighteen", "twenty", "period",
        ]
        s.formUnion(TimexLexicon.months.keys)
        s.formUnion(TimexLexicon.weekdays.keys)
        s.formUnion(TimexLexicon.units.keys)
        s.formUnion(TimexLexicon.numberWords.keys)
        s.formUnion(TimexLexicon.seasons.keys)
        s.formUnion(TimexLexicon.setWords.keys)
        s.formUnion(TimexLexicon.references.keys)
        s.formUnion(TimexLexicon.weekdayPlurals.keys)
        s.formUnion(TimexLexicon.partsOfDay.keys)
        s.formUnion(TimexLexicon.decadeWords.keys)
        return s
    }()

    /// Every word that can begin an expression, in one set so that most words cost one lookup.
    static let beginners: Set<String> = {
        var s = starters
        s.formUnion(TimexLexicon.months.keys)
        s.formUnion(TimexLexicon.weekdays.keys)
        s.formUnion(TimexLexicon.units.keys)
        s.formUnion(TimexLexicon.numberWords.keys)
        s.formUnion(TimexLexicon.seasons.keys)
        s.formUnion(TimexLexicon.setWords.keys)
        s.formUnion(TimexLexicon.references.keys)
        s.formUnion(TimexLexicon.weekdayPlurals.keys)
        s.formUnion(TimexLexicon.ordinals.keys)
        return s
    }()

    static let starters: Set<String> = [
        "the", "a", "an", "this", "last", "next", "past", "previous", "coming", "following", "early", "late", "mid",
        "earlier", "later", "about", "around", "nearly", "almost", "over", "some", "roughly", "approximately", "at",
        "more", "less", "up", "no", "just", "only", "today", "tonight", "yesterday", "tomorrow", "several", "few",
        "many", "couple", "every", "each", "noon", "midnight", "fiscal", "year", "that", "same", "once",
        "christmas", "thanksgiving", "new", "independence", "halloween", "overnight", "recent", "current", "daily",
        "quarter", "half", "nineteen", "twenty", "year-end", "yearend", "end", "beginning", "start", "middle",
        "mid-afternoon", "mid-morning", "full", "within", "upcoming", "latest", "first", "second", "third", "fourth",
        "morning", "afternoon", "evening", "night", "weekend", "decade", "century", "centuries", "decades", "then",
        "these", "midday", "eleventh", "twentieth", "twenty-first",
    ]

    /// Modifiers that stand before an expression and belong to its span.
    func modified(_ i: Int) -> TimexCandidate? {
        let s = w[i].lower
        // early May, late last year, mid-1990s (the tokenizer keeps "mid-1990s" whole: see core)
        if let mod = TimexLexicon.pointModifiers[s], s != "middle" {
            if var inner = core(i + 1), isPoint(inner.meaning) {
                inner.first = i
                inner.mod = mod
                return inner
            }
            return nil
        }
        // about two years, at least 72 hours, more than four decades ago, up to 120 days
        var mod: String?
        var next = i
        if let m = TimexLexicon.amountModifiers[s], !isWord(i + 1, ["the", "this", "that", "these", "those", "last", "next"]) {
            // "over the past few days" is a preposition, not "more than".
            mod = m
            next = i + 1
            if word(next) == "about" { next += 1 }
        } else if s == "at", isWord(i + 1, ["least", "most"]) {
            mod = word(i + 1) == "least" ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS"
            next = i + 2
        } else if (s == "more" || s == "less" || s == "fewer"), word(i + 1) == "than" {
            mod = s == "more" ? "MORE_THAN" : "LESS_THAN"
            next = i + 2
        } else if s == "up", word(i + 1) == "to" {
            mod = "EQUAL_OR_LESS"
            next = i + 2
        } else if s == "no", isWord(i + 1, ["more", "less"]), word(i + 2) == "than" {
            mod = word(i + 1) == "more" ? "EQUAL_OR_LESS" : "EQUAL_OR_MORE"
            next = i + 3
        }
        if let mod, next > i {
            if var inner = core(next) {
                switch inner.meaning {
                case .duration, .shift:
                    inner.first = i
                    inner.mod = mod
                    return inner
                case .clock where mod == "APPROX":
                    inner.first = i
                    inner.mod = mod
                    return inner
                default: return nil
                }
            }
        }
        return nil
    }

    func isPoint(_ meaning: TimexMeaning) -> Bool {
        switch meaning {
        case .duration, .set, .clock: return false
        default: return true
        }
    }

    /// Tries every reading at `i` and keeps the longest (earlier readings win ties).
    func core(_ i: Int) -> TimexCandidate? {
        guard i < w.count else { return nil }
        var best: TimexCandidate?
        func consider(_ c: TimexCandidate?) {
            guard let c else { return }
            if best == nil || c.end > best!.end { best = c }
        }
        consider(clockTime(i))
        consider(dayWithPart(i))
        consider(explicitDate(i))
        consider(relative(i))
        consider(quarterOrHalf(i))
        consider(amountExpression(i))
        consider(singleWord(i))
        if word(i) == "the" { consider(afterThe(i)) }
        return best
    }
}
