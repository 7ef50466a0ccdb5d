import FaultlineModel

/// Reads one input (a file or bytes) into articles, choosing the reader by the file's
/// extension, else by its first bytes.
///
/// ```swift
/// let reader = ArticleReader(loader: ByteLoader(maxBytes: 20 << 20))
/// let result = reader.read(path: "seeds/004.txt")
/// ```
public struct ArticleReader: Sendable {
    public var loader: ByteLoader

    public init(loader: ByteLoader = ByteLoader()) {
        self.loader = loader
    }

    /// What reading one input gave: its articles, and what could not be read.
    public struct Result: Sendable {
        public var articles: [Article] = []
        public var failures: [IngestFailure] = []
        public init(articles: [Article] = [], failures: [IngestFailure] = []) {
            self.articles = articles
            self.failures = failures
        }
    }

    /// The format a file extension names; nil for no extension or one we do not read.
    public static func format(forPath path: String) -> SourceFormat? {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
        switch name[name.index(after: dot)...] {
        case "txt", "text": return .text
        case "html", "htm", "xhtml", "shtml": return .html
        case "xml", "rss", "atom", "rdf": return .rss
        case "jsonl", "ndjson", "json": return .jsonl
        default: return nil
        }
    }

    /// Whether a folder walk should read this file (hidden files and unknown types are passed over).
    public static func isReadable(path: String) -> Bool {
        format(forPath: path) != nil
    }

    /// JSON Lines exports hold many articles: the size limit applies to each record, and
    /// the file may be this many times larger.
    public static let jsonLinesFileFactor = 50

    public func read(path: String) -> Result {
        // An extension we do not know (or none): nil, and the content is sniffed.
        let format = Self.format(forPath: path)
        let bytes: [UInt8]
        do {
            let limit = format == .jsonl ? loader.maxBytes * Self.jsonLinesFileFactor : loader.maxBytes
            bytes = try loader.load(path: path, limit: limit)
        } catch {
            return Result(failures: [error])
        }
        return read(prepared: bytes, origin: path, format: format)
    }

    /// Reads bytes in memory (standard input); the format is sniffed unless given.
    public func read(bytes: [UInt8], origin: String, format: SourceFormat? = nil) -> Result {
        do {
            return read(prepared: try loader.prepare(bytes, origin: origin), origin: origin, format: format)
        } catch {
            return Result(failures: [error])
        }
    }

    private func read(prepared bytes: [UInt8], origin: String, format: SourceFormat?) -> Result {
        switch format ?? Self.sniff(bytes) {
        case .text:
            let decoded = TextDecoder.decode(bytes)
            var article = PlainTextReader.read(decoded.text, origin: origin)
            guard !article.text.isEmpty else {
                return Result(failures: [IngestFailure(origin: origin, code: .noText, message: "no article text")])
            }
            if let warning = decoded.warning { article.warnings.append(warning) }
            return Result(articles: [article])
        case .html:
            do {
                return Result(articles: [try HTMLReader.read(bytes, origin: origin)])
            } catch {
                return Result(failures: [error])
            }
        case .rss, .atom:
            let feed = FeedReader.read(bytes, origin: origin)
            return Result(articles: feed.articles, failures: feed.failures)
        case .jsonl:
            let lines = JSONLinesReader.read(bytes, origin: origin, maxRecordBytes: loader.maxBytes)
            return Result(articles: lines.articles, failures: lines.failures)
        }
    }

    /// Tells the format from the first bytes: markup, feeds, JSON, else text.
    static func sniff(_ bytes: [UInt8]) -> SourceFormat {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[{") { return .jsonl }
        if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") { return .rss }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || head.contains("<body") || head.contains("<head") {
            return .html
        }
        if trimmed.hasPrefix("<?xml") { return .rss }
        return .text
    }
}
