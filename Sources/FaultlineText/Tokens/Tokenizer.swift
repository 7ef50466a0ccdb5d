/// Splits text into syntactic words with Unicode-scalar offsets, following UD English EWT's
/// conventions: punctuation apart, contractions and possessives split (`Kiev’s` → `Kiev` `’s`,
/// `can't` → `ca` `n't`), hyphenated compounds split except after bound prefixes (`post-war`)
/// and in phone numbers and ISO dates; numbers (`1,000`, `2.7`, `7:30`, `11/28/2000`),
/// abbreviations (`U.S.`, `Lt.`, `Gen.`), URLs, e-mail addresses, hashtags and @-mentions whole.
///
///     let tokens = Tokenizer().tokenize("Kiev’s $2.7 billion deal")
///
/// Invariant: tokens are in text order, do not overlap, never span whitespace, and every
/// non-whitespace scalar of the text lies in exactly one token.
public struct Tokenizer: Sendable {
    public init() {}

    /// Tokenizes a whole text.
    public func tokenize(_ text: String) -> [Token] {
        tokenize(scalars: Array(text.unicodeScalars))
    }

    /// Tokenizes text given as its scalars (offsets are indices into `scalars`).
    public func tokenize(scalars: [Unicode.Scalar]) -> [Token] {
        var scanner = TokenScanner(scalars: scalars)
        scanner.run()
        return scanner.tokens
    }
}

/// The scanning state for one text. Chunks are whitespace-delimited runs; each chunk is cut
/// into tokens by `scanChunk`.
struct TokenScanner {
    let s: [Unicode.Scalar]
    var tokens: [Token] = []
    private var breaks: UInt8 = 0

    init(scalars: [Unicode.Scalar]) {
        s = scalars
        tokens.reserveCapacity(scalars.count / 5)
    }

    mutating func run() {
        var i = 0
        let n = s.count
        while i < n {
            if CharClass.isSpace(s[i]) {
                if s[i] == "\n" || s[i] == "\u{2029}" || s[i] == "\u{2028}" { breaks = min(breaks + 1, 2) }
                i += 1
                continue
            }
            var j = i
            while j < n, !CharClass.isSpace(s[j]) { j += 1 }
            scanChunk(i, j)
            if let last = tokens.indices.last { tokens[last].spaceAfter = j < n }
            i = j
        }
    }

    // MARK: Emitting

    private mutating func emit(_ a: Int, _ b: Int, _ kind: Token.Kind) {
        guard b > a else { return }
        let form = makeString(a, b)
        tokens.append(Token(start: a, end: b, form: form, kind: kind, spaceAfter: false, breaksBefore: breaks))
        breaks = 0
    }

    /// The text of `a..<b`; ASCII (most tokens) is written byte by byte without decoding.
    @inline(__always)
    private func makeString(_ a: Int, _ b: Int) -> String {
        var ascii = true
        for k in a..<b where s[k].value >= 128 {
            ascii = false
            break
        }
        if ascii {
            return String(unsafeUninitializedCapacity: b - a) { buffer in
                for k in a..<b { buffer[k - a] = UInt8(truncatingIfNeeded: s[k].value) }
                return b - a
            }
        }
        var form = ""
        form.unicodeScalars.append(contentsOf: s[a..<b])
        return form
    }

    // MARK: Chunks

    private mutating func scanChunk(_ a: Int, _ b: Int) {
        if let (start, end, kind) = webToken(a, b) {
            scanPieces(a, start)
            emit(start, end, kind)
            scanPieces(end, b)
            return
        }
        scanPieces(a, b)
    }

    /// A URL or e-mail address inside the chunk, with leading and trailing punctuation left out.
    private func webToken(_ a: Int, _ b: Int) -> (Int, Int, Token.Kind)? {
        // Cheap rejection first: most chunks are short words with no '@', '/' or "www".
        guard b - a >= 5 else { return nil }
        var candidate = false
        for k in a..<b {
            let v = s[k].value
            if v == 64 || v == 47 || v == 46 {  // @ / .
                candidate = true
                break
            }
        }
        guard candidate else { return nil }
        var start = a
        while start < b, CharClass.isOpening(s[start]) || s[start] == "<" { start += 1 }
        var end = b
        while end > start, CharClass.isClosing(s[end - 1]) || CharClass.isTrailingPunctuation(s[end - 1]) { end -= 1 }
        guard end - start >= 5 else { return nil }
        if hasPrefix("http://", start, end) || hasPrefix("https://", start, end) || hasPrefix("ftp://", start, end)
            || hasPrefix("www.", start, end)
        {
            // A closing parenthesis that belongs to the URL (Wikipedia links) stays.
            if end < b, s[end] == ")", s[start..<end].contains("(") { end += 1 }
            return (start, end, .url)
        }
        if let at = s[start..<end].firstIndex(of: "@"), at > start, at < end - 3,
            s[(at + 1)..<end].contains("."), CharClass.isAlnum(s[at - 1]), CharClass.isAlnum(s[end - 1]),
            s[start..<end].allSatisfy({ CharClass.isAlnum($0) || "._%+-@'".unicodeScalars.contains($0) })
        {
            return (start, end, .email)
        }
        return nil
    }

    private func hasPrefix(_ p: String, _ a: Int, _ b: Int) -> Bool {
        var i = a
        for c in p.unicodeScalars {
            guard i < b, CharClass.lower(s[i]) == c else { return false }
            i += 1
        }
        return true
    }

    // MARK: Pieces

    /// Cuts a run without whitespace into words, numbers and punctuation.
    private mutating func scanPieces(_ a: Int, _ b: Int) {
        var i = a
        while i < b {
            let c = s[i]
            if CharClass.isAlnum(c) {
                i = scanWord(i, b)
            } else if (c == "#" || c == "@"), i + 1 < b, CharClass.isLetter(s[i + 1]), i == a || !CharClass.isAlnum(s[i - 1]) {
                var j = i + 1
                while j < b, CharClass.isAlnum(s[j]) || s[j] == "_" { j += 1 }
                emit(i, j, c == "#" ? .hashtag : .mention)
                i = j
            } else if CharClass.isApostrophe(c), i + 2 < b, CharClass.isDigit(s[i + 1]), CharClass.isDigit(s[i + 2]),
                i + 3 == b || !CharClass.isDigit(s[i + 3])
            {
                // ’72, '90s: an abbreviated year is one token.
                var j = i + 3
                while j < b, CharClass.isLetter(s[j]) { j += 1 }
                emit(i, j, .number)
                i = j
            } else if CharClass.isApostrophe(c), let end = clitic(i, b) {
                emit(i, end, .word)
                i = end
            } else {
                // Runs of the same mark are one token ("...", "--", "!!", "''").
                var j = i + 1
                if CharClass.repeats(c) {
                    while j < b, s[j] == c { j += 1 }
                }
                if c == "." && j - i == 1 && j < b && CharClass.isDigit(s[j]) {
                    // ".5" is a number.
                    i = scanWord(i, b)
                    continue
                }
                emit(i, j, CharClass.isSymbol(c) ? .symbol : .punctuation)
                i = j
            }
        }
    }

    /// An apostrophe clitic left on its own after a split (`'s`, `'re`, `'ll` …), if `i` starts one.
    private func clitic(_ i: Int, _ b: Int) -> Int? {
        var j = i + 1
        while j < b, CharClass.isLetter(s[j]) { j += 1 }
        guard j > i + 1, j == b || !CharClass.isAlnum(s[j]) else { return nil }
        return Self.clitics.contains(lowered(i + 1, j)) ? j : nil
    }

    private static let clitics: Set<String> = ["s", "re", "ve", "ll", "d", "m", "t"]

    /// Reads one word or number starting at `i` (a letter or digit), emits it (split into its
    /// syntactic words) and returns where it ended.
    ///
    /// Invariant: returns an index greater than `i`, so scanning always advances.
    private mutating func scanWord(_ i: Int, _ b: Int) -> Int {
        var j = i
        var sawLetter = false
        var sawDigit = false
        if s[i] == "." {
            // ".5": the caller checked that a digit follows.
            j += 1
            sawDigit = true
        }
        while j < b {
            let c = s[j]
            if CharClass.isAlnum(c) {
                if CharClass.isDigit(c) { sawDigit = true } else { sawLetter = true }
                j += 1
                continue
            }
            let next: Unicode.Scalar? = j + 1 < b ? s[j + 1] : nil
            // Inside numbers: 1,000  2.7  7:30  11/28/2000
            if (c == "," || c == "." || c == ":" || c == "/"), sawDigit, !sawLetter, let next, CharClass.isDigit(next) {
                j += 1
                continue
            }
            // Abbreviations with inner periods: U.S., e.g., a.m.
            if c == ".", sawLetter, let next, CharClass.isLetter(next), j - segmentStart(j, i) <= 2 {
                j += 1
                continue
            }
            // AT&T, PG&E
            if c == "&", let next, CharClass.isUpper(next), j > i, CharClass.isUpper(s[j - 1]) {
                j += 1
                continue
            }
            if CharClass.isApostrophe(c), let next, CharClass.isLetter(next) {
                // Keep O'Brien, Shi'ite; clitics are split off below.
                var k = j + 1
                while k < b, CharClass.isLetter(s[k]) { k += 1 }
                let tail = lowered(j + 1, k)
                if tail == "t", CharClass.lower(s[j - 1]) == "n", k == b || !CharClass.isAlnum(s[k]) {
                    j = k  // don't, can't: split by emitWord as do|n't, ca|n't
                    continue
                }
                if k == b || !CharClass.isAlnum(s[k]), Self.clitics.contains(tail) { break }
                j = k
                continue
            }
            if c == "-", let next, CharClass.isAlnum(next), keepsHyphen(i, j, b) {
                j += 1
                continue
            }
            if c == "_", let next, CharClass.isAlnum(next), j > i {
                j += 1
                continue
            }
            break
        }
        var end = j
        // A period closing an abbreviation belongs to it.
        if end < b, s[end] == ".", sawLetter, isAbbreviation(i, end) { end += 1 }
        emitWord(i, end, number: sawDigit && !sawLetter)
        return end
    }

    /// Where the letter segment ending at `j` (exclusive) begins (for `U.S.`-style checks).
    private func segmentStart(_ j: Int, _ lowerBound: Int) -> Int {
        var k = j
        while k > lowerBound, CharClass.isLetter(s[k - 1]) { k -= 1 }
        return k
    }

    /// Whether the hyphen at `h` inside the word starting at `i` joins rather than separates.
    private func keepsHyphen(_ i: Int, _ h: Int, _ b: Int) -> Bool {
        // Phone numbers and ISO dates: digit groups with at least three groups or seven digits.
        if CharClass.isDigit(s[h - 1]) && CharClass.isDigit(s[h + 1]) {
            var k = i
            var groups = 1
            var digits = 0
            while k < b, CharClass.isDigit(s[k]) || s[k] == "-" {
                if s[k] == "-" { groups += 1 } else { digits += 1 }
                k += 1
            }
            return groups >= 3 || (digits >= 7 && groups >= 2 && h - i >= 3)
        }
        var k = h
        while k > i, CharClass.isAlnum(s[k - 1]) { k -= 1 }
        return Self.boundPrefixes.contains(lowered(k, h))
    }

    /// Prefixes EWT keeps attached with their hyphen (`e-mail`, `post-war`, `non-Bondad`).
    private static let boundPrefixes: Set<String> = [
        "e", "pre", "post", "non", "anti", "co", "re", "ex", "multi", "pro", "semi", "sub", "inter", "intra", "mid",
        "un", "de", "mis", "counter", "neo", "pan", "quasi", "ultra", "vice", "x", "mini", "micro", "macro", "mega",
        "over", "under", "bi", "tri", "cyber", "geo", "socio",
    ]

    /// Emits a word, splitting clitics the EWT way (`do|n't`, `Kiev|’s`, `can|not`, `gon|na`).
    private mutating func emitWord(_ a: Int, _ b: Int, number: Bool) {
        if number {
            emit(a, b, .number)
            return
        }
        // n't contractions: do|n't, ca|n't, wo|n't
        if b - a >= 4, CharClass.isApostrophe(s[b - 2]), CharClass.lower(s[b - 1]) == "t", CharClass.lower(s[b - 3]) == "n" {
            emit(a, b - 3, .word)
            emit(b - 3, b, .word)
            return
        }
        if b - a <= 8, Self.fusedLast.contains(CharClass.lower(s[b - 1])), let cut = Self.fusedForms[lowered(a, b)] {
            emit(a, a + cut, .word)
            emit(a + cut, b, .word)
            return
        }
        emit(a, b, CharClass.isDigit(s[a]) ? .number : .word)
    }

    /// Last letters of the spellings below (a cheap test before building a string).
    private static let fusedLast: Set<Unicode.Scalar> = ["t", "a", "m", "e"]

    /// Spellings without an apostrophe that EWT splits, and where.
    private static let fusedForms: [String: Int] = [
        "cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3,
        "arent": 3, "werent": 4, "couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4, "hasnt": 3, "hadnt": 3,
        "im": 1, "ive": 1,
    ]

    /// Whether the letters in `a..<end` (followed by a period) form an abbreviation.
    private func isAbbreviation(_ a: Int, _ end: Int) -> Bool {
        let length = end - a
        // Single capital initial: J. Smith
        if length == 1 { return CharClass.isUpper(s[a]) }
        // U.S, e.g, a.m: periods inside already
        if s[a..<end].contains(".") { return true }
        return Abbreviations.known.contains(lowered(a, end))
    }

    private func lowered(_ a: Int, _ b: Int) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(b - a)
        for k in a..<b {
            let c = s[k]
            out.unicodeScalars.append(CharClass.isApostrophe(c) ? "'" : CharClass.lower(c))
        }
        return out
    }
}

/// Abbreviations that end with a period which does not end the sentence (lowercased, no period).
public enum Abbreviations {
    public static let known: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "rev", "hon", "st", "mt", "ft", "jr", "sr", "lt", "gen", "col", "maj", "capt",
        "cpt", "sgt", "adm", "cmdr", "brig", "pvt", "cpl", "gov", "sen", "rep", "pres", "amb", "supt", "insp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "inc", "ltd", "corp", "co", "bros", "llc", "plc", "dept", "univ",
        "assn", "ave", "blvd", "rd", "hwy", "vol", "vols", "pp", "eds", "fig", "approx", "vs", "etc", "cf", "al",
        "tel", "ext",
    ]
}

/// Character classes with an ASCII fast path.
enum CharClass {
    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return c == " " || c == "\n" || c == "\t" || c == "\r" || c.value == 11 || c.value == 12 }
        return c.properties.isWhitespace || c.value == 0x200B || c.value == 0xFEFF
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 48 && c.value <= 57
    }

    @inline(__always) static func isUpper(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return c.value >= 65 && c.value <= 90 }
        return c.properties.isUppercase
    }

    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) }
        if c.value >= 0x300 && c.value < 0x370 { return true }  // combining marks stay in their word
        return c.properties.isAlphabetic
    }

    @inline(__always) static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 {
            let v = c.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        if c.properties.numericType == .decimal { return true }
        return isLetter(c)
    }

    @inline(__always) static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}" || c == "\u{02BC}"
    }

    static func isOpening(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x28, 0x5B, 0x7B, 0x22, 0x27, 0x60, 0x201C, 0x2018, 0xAB, 0x2039, 0x201E: return true
        default: return false
        }
    }

    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x29, 0x5D, 0x7D, 0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x203A: return true
        default: return false
        }
    }

    /// Marks whose runs are one token ("...", "--", "!!", "''").
    @inline(__always) static func repeats(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2E, 0x2D, 0x21, 0x3F, 0x2A, 0x3D, 0x5F, 0x7E, 0x60, 0x27, 0x2019, 0x2018: return true
        default: return false
        }
    }

    @inline(__always) static func isTrailingPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x3E: return true
        default: return false
        }
    }

    static func isSymbol(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 {
            switch c.value {
            case 0x24, 0x25, 0x26, 0x2B, 0x3C, 0x3D, 0x3E, 0x40, 0x23, 0x5E, 0x60, 0x7C, 0x7E: return true
            default: return false
            }
        }
        switch c.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
        default: return c == "%" || c == "&" || c == "@" || c == "#"
        }
    }

    @inline(__always) static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value >= 65 && c.value <= 90 { return Unicode.Scalar(c.value + 32)! }
        if c.value < 128 { return c }
        let mapped = c.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : c
    }
}
