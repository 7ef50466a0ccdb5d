import FaultlineModel
import Foundation

/// Reads RSS 2.0, RSS 1.0 and Atom feeds: one article per item.
///
/// A feed that is not well-formed is read item by item, so one broken item costs only
/// itself: it is reported with its number and line, and the other items are kept.
///
/// ```swift
/// let result = FeedReader.read(bytes, origin: "news.rss")
/// result.articles.count, result.failures
/// ```
public enum FeedReader {
    public struct Result: Sendable {
        public var articles: [Article] = []
        public var failures: [IngestFailure] = []
    }

    public static func read(_ bytes: [UInt8], origin: String) -> Result {
        let decoded = TextDecoder.decode(bytes, declaredCharset: CharsetSniffer.declared(in: bytes))
        let text = stripDeclaration(decoded.text)
        var result: Result
        switch MarkupTree.xml(utf8: Array(text.utf8)) {
        case .success(let tree):
            result = read(tree: tree, origin: origin)
            if result.articles.isEmpty && result.failures.isEmpty {
                result.failures.append(IngestFailure(origin: origin, code: .noText, message: "the feed has no items"))
            }
        case .failure(let error):
            result = readItemByItem(text, origin: origin, error: error)
        }
        if let warning = decoded.warning {
            for i in result.articles.indices { result.articles[i].warnings.append(warning) }
        }
        return result
    }

    /// The XML declaration names the original charset; the text is UTF-8 now.
    private static func stripDeclaration(_ text: String) -> String {
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return text }
        return String(text[end.upperBound...])
    }

    private static func read(tree: MarkupTree, origin: String) -> Result {
        guard let root = tree.root else { return Result() }
        let isAtom = root.name == "feed"
        let channel = isAtom ? root : (root.descendants { $0.name == "channel" }.first ?? root)
        let outlet = child(channel, "title").map { clean($0.text(limit: 4096)) }
        let items = root.descendants { $0.name == "item" || $0.name == "entry" }
        var result = Result()
        for (index, item) in items.enumerated() {
            let itemOrigin = "\(origin)#item-\(index + 1)"
            do {
                result.articles.append(try article(from: item, origin: itemOrigin, outlet: outlet, atom: isAtom))
            } catch {
                result.failures.append(error)
            }
        }
        return result
    }

    private static func article(from item: MarkupNode, origin: String, outlet: String?, atom: Bool)
        throws(IngestFailure) -> Article
    {
        var metadata = ArticleMetadata()
        metadata.title = child(item, "title").map { clean($0.text(limit: 8192)) }.flatMap { $0.isEmpty ? nil : $0 }
        metadata.outlet = outlet.flatMap { $0.isEmpty ? nil : $0 }
        metadata.url = link(of: item).flatMap(URLCanonicalizer.canonical)
        for name in ["pubdate", "published", "issued", "date", "created", "updated", "modified"] {
            if let value = child(item, name)?.text(limit: 200), let date = DateParser.parse(value) {
                if metadata.published == nil && !["updated", "modified"].contains(name) {
                    metadata.published = date
                } else if ["updated", "modified"].contains(name) {
                    metadata.modified = date
                }
            }
        }
        if metadata.published == nil { metadata.published = metadata.modified }
        var authors: [String] = []
        for node in item.elementChildren where ["author", "creator"].contains(node.name) {
            let name = child(node, "name")?.text(limit: 400) ?? node.text(limit: 400)
            // RSS <author> is often "mail@example.com (Name)".
            var value = clean(name)
            if let open = value.firstIndex(of: "("), value.hasSuffix(")"), value.contains("@") {
                value = String(value[value.index(after: open)..<value.index(before: value.endIndex)])
            }
            for author in AuthorNames.split(value) where !authors.contains(author) { authors.append(author) }
        }
        metadata.authors = authors
        let categories = item.elementChildren.filter { $0.name == "category" }
            .compactMap { $0.attribute("term") ?? clean($0.text(limit: 200)) }.filter { !$0.isEmpty }
        if !categories.isEmpty { metadata.extra["tags"] = categories.joined(separator: ", ") }

        let contentNode = ["encoded", "content", "description", "summary"].lazy.compactMap { child(item, $0) }
            .first { !$0.text(limit: 16).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        var body = ""
        if let contentNode {
            let raw = contentNode.text()
            let type = contentNode.attribute("type")?.lowercased()
            if type == "html" || type == "xhtml" || type == "text/html" || looksLikeHTML(raw) {
                body = (try? HTMLReader.read(decodedText: raw, origin: origin))?.text ?? ""
                if type == "xhtml" && body.isEmpty { body = clean(raw) }
            } else {
                body = raw.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n")
            }
        }
        guard !body.isEmpty || metadata.title != nil else {
            throw IngestFailure(origin: origin, code: .noText, message: "item has neither title nor content")
        }
        let text = HTMLReader.joinTitle(metadata.title, TextDecoder.clean(body))
        metadata.language = LanguageGuesser.guess(text)
        return Article(origin: origin, format: atom ? .atom : .rss, metadata: metadata, text: text)
    }

    /// A feed that is not well-formed: each `<item>`/`<entry>` is parsed on its own, wrapped
    /// in the root element's namespace declarations.
    private static func readItemByItem(_ text: String, origin: String, error: MarkupTree.ParseError) -> Result {
        let isAtom = text.contains("<feed") && !text.contains("<rss")
        let tag = text.contains("<entry") ? "entry" : "item"
        let chunks = itemChunks(text, tag: tag)
        guard !chunks.isEmpty else {
            return Result(failures: [
                IngestFailure(
                    origin: origin, code: .malformedXML,
                    message: "malformed XML at line \(error.line): \(error.message); no items could be read")
            ])
        }
        let namespaces = namespaceDeclarations(text)
        var outlet: String?
        if case .success(let partial) = MarkupTree.xml(utf8: Array(text.utf8), recover: true), let root = partial.root {
            let channel = root.name == "feed" ? root : (root.descendants { $0.name == "channel" }.first ?? root)
            outlet = child(channel, "title").map { clean($0.text(limit: 4096)) }
        }
        var result = Result()
        for (index, chunk) in chunks.enumerated() {
            let itemOrigin = "\(origin)#item-\(index + 1)"
            let wrapped = "<faultline-items \(namespaces)>" + chunk.text + "</faultline-items>"
            switch MarkupTree.xml(utf8: Array(wrapped.utf8)) {
            case .success(let tree):
                guard let item = tree.root?.elementChildren.first else { continue }
                do {
                    result.articles.append(try article(from: item, origin: itemOrigin, outlet: outlet, atom: isAtom))
                } catch {
                    result.failures.append(error)
                }
            case .failure(let itemError):
                result.failures.append(
                    IngestFailure(
                        origin: itemOrigin, code: .malformedXML,
                        message: "malformed XML in item starting at line \(chunk.line): \(itemError.message)"))
            }
        }
        return result
    }

    private static func itemChunks(_ text: String, tag: String) -> [(text: Substring, line: Int)] {
        var chunks: [(Substring, Int)] = []
        var search = text.startIndex
        var line = 1
        var lineCursor = text.startIndex
        while let open = text.range(of: "<\(tag)", range: search..<text.endIndex) {
            guard open.upperBound < text.endIndex, " >\n\t\r/".contains(text[open.upperBound]) else {
                search = open.upperBound
                continue
            }
            let close = text.range(of: "</\(tag)>", range: open.upperBound..<text.endIndex)
            let nextOpen = text.range(of: "<\(tag)", range: open.upperBound..<text.endIndex)
            // An item without its end tag runs to the next item (and is reported broken).
            let end: String.Index
            if let close, nextOpen.map({ close.lowerBound < $0.lowerBound }) ?? true {
                end = close.upperBound
            } else {
                end = nextOpen?.lowerBound ?? text.endIndex
            }
            line += text[lineCursor..<open.lowerBound].utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            lineCursor = open.lowerBound
            chunks.append((text[open.lowerBound..<end], line))
            search = end
        }
        return chunks
    }

    private static func namespaceDeclarations(_ text: String) -> String {
        var declarations: [String] = []
        let head = text.prefix(4096)
        var search = head.startIndex
        while let range = head.range(of: "xmlns", range: search..<head.endIndex) {
            search = range.upperBound
            guard let eq = head[range.upperBound...].firstIndex(of: "="),
                head[range.upperBound..<eq].allSatisfy({ $0 == ":" || $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
            else { continue }
            let afterEq = head.index(after: eq)
            guard afterEq < head.endIndex, let quote = Optional(head[afterEq]), quote == "\"" || quote == "'",
                let closing = head[head.index(after: afterEq)...].firstIndex(of: quote)
            else { continue }
            let declaration = String(head[range.lowerBound...closing])
            if !declarations.contains(declaration) { declarations.append(declaration) }
            search = closing
        }
        return declarations.joined(separator: " ")
    }

    private static func child(_ node: MarkupNode, _ name: String) -> MarkupNode? {
        node.elementChildren.first { $0.name == name }
    }

    private static func link(of item: MarkupNode) -> String? {
        let links = item.elementChildren.filter { $0.name == "link" }
        if let alternate = links.first(where: { ($0.attribute("rel") ?? "alternate") == "alternate" && $0.attribute("href") != nil }) {
            return alternate.attribute("href")
        }
        if let text = links.first.map({ clean($0.text(limit: 4096)) }), !text.isEmpty { return text }
        if let guid = child(item, "guid"), guid.attribute("ispermalink") != "false" {
            return clean(guid.text(limit: 4096))
        }
        return child(item, "id").map { clean($0.text(limit: 4096)) }
    }

    private static func looksLikeHTML(_ text: String) -> Bool {
        text.contains("</p>") || text.contains("<br") || text.contains("</a>") || text.contains("<p>")
            || text.contains("</div>") || text.contains("&lt;p&gt;")
    }

    private static func clean(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
