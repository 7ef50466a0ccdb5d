import FaultlineModel

/// Which documents `faultline docs` lists.
///
/// ```swift
/// let query = DocumentQuery(since: "2024-01-01", outlet: "Global Research")
/// ```
public struct DocumentQuery: Sendable, Hashable {
    /// Earliest publication date, `YYYY-MM-DD` (or a prefix such as `2024` or `2024-06`).
    public var since: String?
    /// Latest publication date, inclusive; a prefix covers its whole year or month.
    public var until: String?
    /// Outlet name, matched without regard to case.
    public var outlet: String?
    /// Leave out near-duplicates of documents already stored.
    public var uniqueOnly: Bool
    public var limit: Int?

    public init(since: String? = nil, until: String? = nil, outlet: String? = nil, uniqueOnly: Bool = false, limit: Int? = nil) {
        self.since = since
        self.until = until
        self.outlet = outlet
        self.uniqueOnly = uniqueOnly
        self.limit = limit
    }
}

/// A row of the documents table: everything but the text.
public struct DocumentSummary: Sendable, Codable, Hashable {
    public var id: String
    public var origin: String
    public var format: SourceFormat
    public var title: String?
    public var authors: [String]
    public var outlet: String?
    /// `YYYY-MM-DD`.
    public var published: String?
    /// ISO 8601 with the time and zone when the source gave them.
    public var publishedTime: String?
    public var url: String?
    public var language: String?
    public var duplicateOf: String?
    public var characters: Int

    enum CodingKeys: String, CodingKey {
        case id, origin, format, title, authors, outlet, published
        case publishedTime = "published_time"
        case url, language
        case duplicateOf = "duplicate_of"
        case characters
    }
}

/// A full-text search result.
public struct SearchHit: Sendable, Codable, Hashable {
    public var id: String
    public var title: String?
    public var published: String?
    public var outlet: String?
    /// The matching passage, matches in `[` `]`.
    public var snippet: String
    /// BM25 score (lower is better, as SQLite reports it).
    public var rank: Double
}

/// What storing one document did.
public enum StoreOutcome: Sendable, Hashable {
    case new(id: String)
    /// The same id was stored already (same canonical URL, or same text).
    case alreadyStored(id: String)
    /// Stored, and marked as a near-duplicate of an earlier document.
    case nearDuplicate(id: String, of: String)
}
