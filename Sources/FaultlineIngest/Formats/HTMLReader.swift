import FaultlineModel

/// Reads a saved web page: its charset, its metadata and its text.
///
/// ```swift
/// let article = try HTMLReader.read(bytes, origin: "saved/page.html")
/// ```
public enum HTMLReader {
    public static func read(_ bytes: [UInt8], origin: String, url: String? = nil) throws(IngestFailure) -> Article {
        let decoded = TextDecoder.decode(bytes, declaredCharset: CharsetSniffer.declared(in: bytes))
        var article = try read(decodedText: decoded.text, origin: origin, url: url)
        if let warning = decoded.warning { article.warnings.append(warning) }
        return article
    }

    /// Reads HTML already decoded to a String (a feed item's content, a JSON Lines record).
    public static func read(decodedText: String, origin: String, url: String? = nil, format: SourceFormat = .html)
        throws(IngestFailure) -> Article
    {
        guard let tree = MarkupTree.html(utf8: Array(decodedText.utf8), url: url) else {
            throw IngestFailure(origin: origin, code: .noText, message: "the HTML parser found no document")
        }
        var metadata = HTMLMetadata.read(tree, url: url)
        let body = PageText.contentRoot(of: tree).map(PageText.text(of:)) ?? ""
        guard !body.isEmpty else {
            throw IngestFailure(origin: origin, code: .noText, message: "the page has no visible text")
        }
        if metadata.language == nil { metadata.language = LanguageGuesser.guess(body) }
        return Article(origin: origin, format: format, metadata: metadata, text: joinTitle(metadata.title, body))
    }

    /// The stored text begins with the title, so headline events have a place in it.
    static func joinTitle(_ title: String?, _ body: String) -> String {
        guard let title, !title.isEmpty else { return body }
        let firstLine = body.prefix(while: { $0 != "\n" })
        if firstLine == title || firstLine.hasPrefix(title) { return body }
        return title + "\n" + body
    }
}
