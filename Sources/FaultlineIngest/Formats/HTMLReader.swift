import FaultlineModel

/// Reads a saved web page: its charset, its metadata and its main text (the article alone,
/// found by ``MainTextExtractor``).
///
/// ```swift
/// let article = try HTMLReader.read(bytes, origin: "saved/page.html")
/// ```
public enum HTMLReader {
    public static func read(_ bytes: [UInt8], origin: String, url: String? = nil) throws(IngestFailure) -> Article {
        let page = try MainTextExtractor(maxBytes: Int.max).extract(html: bytes, origin: origin, url: url)
        return try article(from: page, origin: origin, format: .html)
    }

    /// Reads HTML already decoded to a String (a feed item's content, a JSON Lines record).
    public static func read(decodedText: String, origin: String, url: String? = nil, format: SourceFormat = .html)
        throws(IngestFailure) -> Article
    {
        let page = try MainTextExtractor(maxBytes: Int.max).extract(decodedText: decodedText, origin: origin, url: url)
        return try article(from: page, origin: origin, format: format)
    }

    private static func article(from page: MainTextExtractor.Result, origin: String, format: SourceFormat)
        throws(IngestFailure) -> Article
    {
        guard !page.text.isEmpty else {
            throw IngestFailure(origin: origin, code: .noText, message: "the page has no article text")
        }
        var metadata = page.metadata
        if metadata.language == nil { metadata.language = LanguageGuesser.guess(page.text) }
        return Article(
            origin: origin, format: format, metadata: metadata, text: joinTitle(metadata.title, page.text),
            warnings: page.warnings)
    }

    /// The stored text begins with the title, so headline events have a place in it.
    static func joinTitle(_ title: String?, _ body: String) -> String {
        guard let title, !title.isEmpty else { return body }
        let firstLine = body.prefix(while: { $0 != "\n" })
        if firstLine == title || firstLine.hasPrefix(title) { return body }
        return title + "\n" + body
    }
}
