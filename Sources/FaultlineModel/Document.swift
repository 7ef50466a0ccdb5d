/// A stored article: an ``Article`` with its stable id, content hash and near-duplicate link.
///
/// Ids are stable hashes (of the canonical URL when there is one, else of the normalised
/// text), so ingesting the same article twice finds the same document.
public struct Document: Sendable, Codable, Hashable, Identifiable {
    /// Sixteen hex digits.
    public var id: String
    public var origin: String
    public var format: SourceFormat
    public var metadata: ArticleMetadata
    public var text: String
    /// SHA-256 of the normalised text, in hex.
    public var contentHash: String
    /// The id of the earlier document this one repeats with small changes (a syndicated copy).
    public var duplicateOf: String?
    /// When it was stored, ISO 8601 UTC.
    public var ingestedAt: String?

    public init(
        id: String, origin: String, format: SourceFormat, metadata: ArticleMetadata, text: String,
        contentHash: String, duplicateOf: String? = nil, ingestedAt: String? = nil
    ) {
        self.id = id
        self.origin = origin
        self.format = format
        self.metadata = metadata
        self.text = text
        self.contentHash = contentHash
        self.duplicateOf = duplicateOf
        self.ingestedAt = ingestedAt
    }
}
