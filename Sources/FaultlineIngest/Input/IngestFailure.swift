/// Why a file, a feed item or a JSON Lines record could not be read.
///
/// Failures name the input and the reason; the rest of the batch goes on.
///
/// ```swift
/// catch let failure as IngestFailure { print(failure) }  // "a.gz: truncated gzip stream"
/// ```
public struct IngestFailure: Error, Sendable, Codable, Hashable, CustomStringConvertible {
    /// A stable code a script can branch on.
    public enum Code: String, Sendable, Codable, Hashable {
        case notFound = "not-found"
        case unreadable
        case notRegularFile = "not-regular-file"
        case empty
        case binary
        case tooLarge = "too-large"
        case truncatedGzip = "truncated-gzip"
        case corruptGzip = "corrupt-gzip"
        case malformedXML = "malformed-xml"
        case malformedJSON = "malformed-json"
        case noText = "no-text"
        case unsupported
    }

    /// The path (with `#item-N` or `#line-N` for a part of a file) or `-` for standard input.
    public var origin: String
    public var code: Code
    /// What went wrong, for a person.
    public var message: String

    public init(origin: String, code: Code, message: String) {
        self.origin = origin
        self.code = code
        self.message = message
    }

    public var description: String { "\(origin): \(message)" }
}
