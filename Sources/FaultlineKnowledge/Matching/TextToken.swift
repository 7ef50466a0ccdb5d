/// One word of text as the matcher sees it: folded (case and diacritics), hashed, located.
///
/// Invariants: `hash` is FNV-1a over the folded UTF-8 of the word, so two spellings that fold
/// alike ("Kaczyński", "KACZYNSKI") hash alike; `pluralHash` is the hash without a final
/// lowercase "s" (0 when the word has none to drop); offsets are half-open.
struct TextToken {
    var hash: UInt64
    var pluralHash: UInt64
    /// Offsets in Unicode scalars into the text.
    var start: Int32
    var end: Int32
    /// Offsets in UTF-8 bytes into the text.
    var byteStart: Int32
    var byteEnd: Int32
    var shape: CaseShape
    /// The strongest separator between the previous token and this one (see ``Gap``).
    var gap: Gap
}

/// How a word is capitalised, so "US" (the country) is not "us" (the pronoun).
struct CaseShape: OptionSet {
    let rawValue: UInt8
    /// The first letter is upper case ("Kyiv", "KYIV").
    static let initialUpper = CaseShape(rawValue: 1)
    /// No lower-case letter and at least one upper-case one ("US", "NATO", "M2").
    static let allUpper = CaseShape(rawValue: 2)
}

/// What separates two tokens: names run across spaces, hyphens and full stops ("U.S.",
/// "Tor-M2"), never across a comma, a bracket or a quote.
enum Gap: UInt8, Comparable {
    case space = 0, joiner = 1, punctuation = 2
    static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }
}

/// What a name's token asks of the text token it matches.
enum CaseRule: UInt8 {
    /// The name writes the word in lower case ("rocket launcher", "the"): any case matches.
    case any = 0
    /// The name capitalises the word ("Kyiv"): the text must too.
    case initialUpper = 1
    /// A short acronym ("US", "UN", "EU", "RT"): the text must write it in capitals.
    case allUpper = 2

    /// The rule a name's own spelling of a word sets.
    init(nameToken token: TextToken) {
        let length = token.byteEnd - token.byteStart
        if token.shape.contains(.allUpper) && length <= 3 {
            self = .allUpper
        } else if token.shape.contains(.initialUpper) {
            self = .initialUpper
        } else {
            self = .any
        }
    }

    func admits(_ shape: CaseShape) -> Bool {
        switch self {
        case .any: true
        case .initialUpper: shape.contains(.initialUpper)
        case .allUpper: shape.contains(.allUpper)
        }
    }

    /// The looser of two rules, for names that share a token spelled differently.
    func loosest(_ other: CaseRule) -> CaseRule { rawValue <= other.rawValue ? self : other }
}
