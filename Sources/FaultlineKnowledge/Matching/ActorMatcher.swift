/// Finds every name of every actor in a text in one pass: countries (with adjectives,
/// demonyms, capitals and old names), organisations, people and equipment.
///
/// Matching is over words, not characters: case- and diacritic-insensitive ("Kaczynski" finds
/// Kaczyński), through possessives ("Belarus’", "Kiev's"), plurals ("F-16s"), hyphens ("T-72",
/// "Belarusian-Ukrainian" gives two mentions) and curly apostrophes; short acronyms must be in
/// capitals ("US" is the country, "us" is not). Overlapping names resolve to the leftmost,
/// longest ("Belarusian border service" rather than "Belarusian").
///
/// ```swift
/// let kb = try KnowledgeBase.load()
/// let matcher = kb.matcher
/// for mention in matcher.matches(in: "Minsk shut down Moscow’s oil transit") {
///     print(mention.text, mention.start, mention.candidates.map(\.actor))
/// }
/// ```
public struct ActorMatcher: Sendable {
    private var trie = NameTrie()
    private var entries: [[ActorCandidate]] = []
    /// Entries of a name written with a final full stop ("U.S."), which the words leave out.
    private var endsWithStop: Set<Int32> = []

    /// Builds the matcher for the names of `actors`.
    public init(actors: [Actor]) {
        for actor in actors {
            for name in actor.names {
                add(name.text, ActorCandidate(actor: actor.id, form: name.form))
            }
        }
    }

    private mutating func add(_ name: String, _ candidate: ActorCandidate) {
        guard let node = trie.node(for: TokenScanner.tokens(of: name)) else { return }
        var entry = trie.entry(at: node)
        if entry >= 0 {
            if !entries[Int(entry)].contains(where: { $0.actor == candidate.actor }) {
                entries[Int(entry)].append(candidate)
            }
        } else {
            entry = Int32(entries.count)
            trie.setEntry(entry, at: node)
            entries.append([candidate])
        }
        if name.hasSuffix(".") { endsWithStop.insert(entry) }
    }

    /// How many distinct names (after folding) the matcher knows.
    public var nameCount: Int { entries.count }

    /// The mentions of known names in `text`, in text order, with scalar offsets.
    public func matches(in text: String) -> [ActorMention] {
        var mentions: [ActorMention] = []
        var copy = text
        copy.withUTF8 { bytes in
            var tokens: [TextToken] = []
            tokens.reserveCapacity(bytes.count / 6 + 4)
            TokenScanner.scan(bytes, into: &tokens)
            tokens.withUnsafeBufferPointer { buffer in
                trie.matches(in: buffer) { match in
                    let first = buffer[match.first], last = buffer[match.end - 1]
                    var byteEnd = Int(last.byteEnd), end = Int(last.end)
                    if endsWithStop.contains(match.entry), byteEnd < bytes.count, bytes[byteEnd] == UInt8(ascii: ".") {
                        byteEnd += 1
                        end += 1
                    }
                    let surface = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(first.byteStart)..<byteEnd]), as: UTF8.self)
                    mentions.append(ActorMention(start: Int(first.start), end: end, text: surface, candidates: entries[Int(match.entry)]))
                }
            }
        }
        return mentions
    }

    /// The number of mentions in `text`, without building them: what the benchmark times, and
    /// a cheap "does this sentence name anyone" test.
    public func countMatches(in text: String) -> Int {
        var count = 0
        var copy = text
        copy.withUTF8 { bytes in
            var tokens: [TextToken] = []
            tokens.reserveCapacity(bytes.count / 6 + 4)
            TokenScanner.scan(bytes, into: &tokens)
            tokens.withUnsafeBufferPointer { buffer in trie.matches(in: buffer) { _ in count += 1 } }
        }
        return count
    }

    /// The candidates for exactly this name (all its words, nothing else, in any case), or [].
    public func candidates(forName name: String) -> [ActorCandidate] {
        let tokens = TokenScanner.tokens(of: name)
        guard !tokens.isEmpty else { return [] }
        return tokens.withUnsafeBufferPointer { buffer in
            guard let match = trie.longestMatch(in: buffer, from: 0, checkCase: false), match.end == buffer.count else { return [] }
            return entries[Int(match.entry)]
        }
    }
}

/// An actor a name may refer to, and how the name refers to it.
public struct ActorCandidate: Sendable, Hashable, Codable {
    public var actor: ActorID
    public var form: NameForm

    public init(actor: ActorID, form: NameForm) {
        self.actor = actor
        self.form = form
    }
}

/// A name found in text: where (offsets in Unicode scalars, half-open, so Python's
/// `text[start:end]` is the name), what it says, and every actor it may refer to. Which one it
/// is on a given day is ``KnowledgeBase/resolve(_:on:in:)``'s decision.
public struct ActorMention: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public var text: String
    public var candidates: [ActorCandidate]

    public init(start: Int, end: Int, text: String, candidates: [ActorCandidate]) {
        self.start = start
        self.end = end
        self.text = text
        self.candidates = candidates
    }
}
