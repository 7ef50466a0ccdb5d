/// One syntactic word of a text, with its span in Unicode scalar offsets into that text.
///
/// Contractions and possessives are split the way UD English EWT splits them (`Kiev’s` →
/// `Kiev` + `’s`, `don't` → `do` + `n't`), so the models trained on EWT see what they were
/// trained on; `form` is always exactly the text of the span.
public struct Token: Sendable, Hashable, Codable {
    /// What kind of token this is, as the tokenizer saw it.
    public enum Kind: UInt8, Sendable, Codable {
        case word, number, punctuation, symbol, url, email, hashtag, mention
    }

    /// First scalar of the token in the text.
    public var start: Int
    /// One past the last scalar.
    public var end: Int
    /// The token's text (always the text of `start..<end`).
    public var form: String
    public var kind: Kind
    /// Whether whitespace follows the token (CoNLL-U's `SpaceAfter=No` when false).
    public var spaceAfter: Bool
    /// Line breaks in the whitespace before the token (0, 1, or 2 for a blank line or more).
    public var breaksBefore: UInt8

    public init(start: Int, end: Int, form: String, kind: Kind, spaceAfter: Bool = true, breaksBefore: UInt8 = 0) {
        self.start = start
        self.end = end
        self.form = form
        self.kind = kind
        self.spaceAfter = spaceAfter
        self.breaksBefore = breaksBefore
    }
}

/// A sentence: a range of tokens and the scalar span from its first token to its last.
public struct Sentence: Sendable, Hashable, Codable {
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int

    public init(tokens: Range<Int>, start: Int, end: Int) {
        self.tokens = tokens
        self.start = start
        self.end = end
    }
}
