/// An article as a reader found it: its main text, its metadata and where it came from.
///
/// Readers in `FaultlineIngest` produce articles; the store turns each into a ``Document``
/// once it has an id and a fingerprint.
///
/// ```swift
/// let article = Article(origin: "seeds/004.txt", format: .text, metadata: .init(title: "…"), text: "…")
/// ```
public struct Article: Sendable, Codable, Hashable {
    /// Where the article came from: a path as given, with `#item-N` for a feed item or
    /// `#line-N` for a JSON Lines record; `-` is standard input.
    public var origin: String
    /// The form the article was read from.
    public var format: SourceFormat
    public var metadata: ArticleMetadata
    /// The text in NFC, paragraphs separated by `\n`; it begins with the title when the source
    /// carried one in its text flow.
    public var text: String
    /// Problems the reader recovered from (a charset fallback, a repaired feed).
    public var warnings: [String]

    public init(
        origin: String, format: SourceFormat, metadata: ArticleMetadata = ArticleMetadata(),
        text: String, warnings: [String] = []
    ) {
        self.origin = origin
        self.format = format
        self.metadata = metadata
        self.text = text
        self.warnings = warnings
    }
}

/// The forms Faultline reads articles from.
public enum SourceFormat: String, Sendable, Codable, Hashable, CaseIterable {
    case text, html, rss, atom, jsonl
}

/// What is known about an article besides its text.
public struct ArticleMetadata: Sendable, Codable, Hashable {
    public var title: String?
    /// Author names in the order the source gives them, without "By" or affiliations.
    public var authors: [String]
    /// The outlet that published this copy (site name, feed title or outlet line).
    public var outlet: String?
    public var published: PublicationDate?
    public var modified: PublicationDate?
    /// The canonical URL when the source names one.
    public var url: String?
    /// A BCP 47 language tag (`en`, `ru`, `en-GB`) from the page or guessed from the text.
    public var language: String?
    /// Further facts a reader found, by name: `via`, `originally_published_on`, `section`, `tags`.
    public var extra: [String: String]

    public init(
        title: String? = nil, authors: [String] = [], outlet: String? = nil,
        published: PublicationDate? = nil, modified: PublicationDate? = nil, url: String? = nil,
        language: String? = nil, extra: [String: String] = [:]
    ) {
        self.title = title
        self.authors = authors
        self.outlet = outlet
        self.published = published
        self.modified = modified
        self.url = url
        self.language = language
        self.extra = extra
    }
}
