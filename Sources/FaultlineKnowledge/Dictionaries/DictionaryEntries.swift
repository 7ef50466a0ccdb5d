/// The entries of PETRARCH and TABARI dictionaries, read into plain values so the event coder
/// can use a user's own dictionaries beside Faultline's knowledge base.
///
/// Phrases keep the dictionaries' conventions: words in upper case; `_` joins words that must
/// be consecutive, a space lets other words intervene; a trailing `_` means the phrase must
/// end there (``DictionaryPhrase/endsHere``).
public struct DictionaryPhrase: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The phrase as written (`VLADIMIR_PUTIN_`).
    public var text: String
    /// Its words (`["VLADIMIR", "PUTIN"]`).
    public var words: [String]
    /// A trailing `_`: nothing may follow the phrase's last word.
    public var endsHere: Bool

    public init(_ text: String) {
        self.text = text
        endsHere = text.hasSuffix("_")
        words = text.split(whereSeparator: { $0 == "_" || $0 == " " }).map(String.init)
    }

    public var description: String { text }
}

/// An actor code, perhaps valid only between two days (both inclusive, as the dictionaries
/// mean them). A nil code is `[---]`: the phrase is known but codes nothing in that period.
public struct DatedCode: Sendable, Hashable, Codable {
    public var code: String?
    public var from: CalendarDay?
    public var until: CalendarDay?

    public init(code: String?, from: CalendarDay? = nil, until: CalendarDay? = nil) {
        self.code = code
        self.from = from
        self.until = until
    }

    public func applies(on day: CalendarDay) -> Bool {
        if let from, day < from { return false }
        if let until, day > until { return false }
        return true
    }
}

/// An actor: a primary phrase, its synonyms, and its codes (dated ones first, as the file gives
/// them; an undated code is the default).
public struct DictionaryActor: Sendable, Hashable, Codable {
    public var phrase: DictionaryPhrase
    public var synonyms: [DictionaryPhrase]
    public var codes: [DatedCode]
    /// 1-based line of the primary phrase.
    public var line: Int

    /// The code on `day`: the first dated code that covers it, else the first undated one.
    public func code(on day: CalendarDay) -> String? {
        if let dated = codes.first(where: { ($0.from != nil || $0.until != nil) && $0.applies(on: day) }) { return dated.code }
        return codes.first(where: { $0.from == nil && $0.until == nil })?.code
    }
}

/// An agent: a word for a kind of actor ("PRESIDENT", "ARMED_FORCES") and the code it adds, after
/// the actor's code (`~GOV`: `RUS` + `GOV`) or before it (`IGO~`).
public struct DictionaryAgent: Sendable, Hashable, Codable {
    public var phrase: DictionaryPhrase
    /// Plural forms given in `{…}`; nil when the file gives none (regular plurals apply), [] for `{}`.
    public var plurals: [String]?
    public var code: String
    /// True for `[CODE~]` (prefix), false for `[~CODE]` (suffix).
    public var isPrefix: Bool
    public var line: Int
}

/// A verb synonym set (`&CURRENCY`) and its members.
public struct DictionarySynset: Sendable, Hashable, Codable {
    public var name: String
    public var members: [DictionaryPhrase]
    public var line: Int
}

/// A verb with its CAMEO code (own, or its block's) and irregular forms.
public struct DictionaryVerb: Sendable, Hashable, Codable {
    public var phrase: DictionaryPhrase
    /// The CAMEO code; nil for `[---]` (the verb codes nothing by itself).
    public var code: String?
    public var forms: [String]
    public var line: Int
    /// The 1-based `---` block the verb belongs to (its patterns are the block's); 0 in TABARI
    /// files, where patterns follow their own verb.
    public var block: Int = 0
}

/// A verb pattern: the words around the verb (`*`), and the code it gives, perhaps a pair
/// (`042:043`, source event : target event).
public struct DictionaryPattern: Sendable, Hashable, Codable {
    /// The pattern as written between `-` and the code (`* VENTURE (WITH VISIT)`).
    public var pattern: String
    public var code: String?
    /// The verb (or verb block) the pattern belongs to.
    public var verb: String
    public var line: Int
    /// The 1-based `---` block the pattern belongs to; 0 in TABARI files (use ``verb``).
    public var block: Int = 0
}

/// A verb dictionary: synonym sets, verbs, patterns and (PETRARCH) transformations.
public struct VerbDictionary: Sendable, Hashable, Codable {
    public var synsets: [DictionarySynset] = []
    public var verbs: [DictionaryVerb] = []
    public var patterns: [DictionaryPattern] = []
    /// PETRARCH verb blocks (`---  BLAME   [112]  ---`); TABARI files have none.
    public var blockCount = 0
    public var transformations: [String] = []

    public init() {}
}

/// What a reader returns: the entries it could read, and a clear error for every line it could
/// not (file and line), so one bad line costs one entry.
public struct DictionaryReading<Entries: Sendable>: Sendable {
    public var entries: Entries
    public var issues: [KnowledgeFileError]
}
