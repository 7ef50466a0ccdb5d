import FaultlineModel
import Foundation

/// Reads JSON Lines from a scraper: one object per line with `text` or `html`, and optional
/// `url`, `title`, `authors` (a list or one string), `published`, `outlet`, `language`.
///
/// A bad line is reported with its number and the rest of the file is read. A `.json` file
/// holding one object or an array of objects is read the same way.
///
/// ```json
/// {"url": "https://example.org/a", "title": "…", "authors": ["A", "B"], "published": "2025-05-06", "text": "…"}
/// ```
public enum JSONLinesReader {
    public struct Result: Sendable {
        public var articles: [Article] = []
        public var failures: [IngestFailure] = []
    }

    public static func read(_ bytes: [UInt8], origin: String, maxRecordBytes: Int = 20 * 1024 * 1024) -> Result {
        var result = Result()
        // A whole-file JSON array or object (a `.json` export).
        if let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }),
            first == UInt8(ascii: "[")
        {
            guard let array = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [Any] else {
                return Result(failures: [IngestFailure(origin: origin, code: .malformedJSON, message: "not a valid JSON array")])
            }
            for (index, element) in array.enumerated() {
                record(element, origin: "\(origin)#record-\(index + 1)", into: &result)
            }
            return result
        }
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            let line = bytes[start..<end]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let lineOrigin = "\(origin)#line-\(lineNumber)"
            guard line.count <= maxRecordBytes else {
                result.failures.append(
                    IngestFailure(origin: lineOrigin, code: .tooLarge, message: "record is over the \(ByteLoader.mebibytes(maxRecordBytes)) limit"))
                continue
            }
            let decoded = TextDecoder.decodeRaw(Array(line), declaredCharset: nil)
            guard let data = decoded.text.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else {
                result.failures.append(
                    IngestFailure(origin: lineOrigin, code: .malformedJSON, message: "line \(lineNumber) is not valid JSON"))
                continue
            }
            record(object, origin: lineOrigin, into: &result)
        }
        if result.articles.isEmpty && result.failures.isEmpty {
            result.failures.append(IngestFailure(origin: origin, code: .noText, message: "no records"))
        }
        return result
    }

    private static func record(_ value: Any, origin: String, into result: inout Result) {
        guard let object = value as? [String: Any] else {
            result.failures.append(IngestFailure(origin: origin, code: .malformedJSON, message: "record is not a JSON object"))
            return
        }
        do {
            result.articles.append(try article(from: object, origin: origin))
        } catch {
            result.failures.append(error)
        }
    }

    private static func article(from object: [String: Any], origin: String) throws(IngestFailure) -> Article {
        let url = string(object["url"])
        var article: Article
        if let text = string(object["text"]) {
            // One paragraph a line, as every reader stores text.
            let cleaned = TextDecoder.clean(text).split(separator: "\n").map { $0.trimmingWhitespace() }
                .filter { !$0.isEmpty }.joined(separator: "\n")
            var metadata = ArticleMetadata()
            metadata.language = LanguageGuesser.guess(cleaned)
            article = Article(origin: origin, format: .jsonl, metadata: metadata, text: cleaned)
        } else if let html = string(object["html"]) {
            article = try HTMLReader.read(decodedText: TextDecoder.clean(html), origin: origin, url: url, format: .jsonl)
        } else {
            throw IngestFailure(origin: origin, code: .noText, message: "record has no \"text\" or \"html\" field")
        }
        // What the scraper states explicitly wins over what the page says of itself.
        var m = article.metadata
        if let title = string(object["title"]) { m.title = title }
        if let authors = object["authors"] ?? object["author"] {
            if let list = authors as? [Any] {
                let names = list.compactMap { ($0 as? String).flatMap(AuthorNames.clean) }
                if !names.isEmpty { m.authors = names }
            } else if let single = authors as? String {
                let names = AuthorNames.split(single)
                if !names.isEmpty { m.authors = names }
            }
        }
        if let published = string(object["published"]) ?? string(object["date"]), let date = DateParser.parse(published) {
            m.published = date
        }
        if let outlet = string(object["outlet"]) ?? string(object["site_name"]) { m.outlet = outlet }
        if let url, let canonical = URLCanonicalizer.canonical(url) { m.url = canonical }
        if let language = string(object["language"]) { m.language = language }
        article.metadata = m
        article.text = HTMLReader.joinTitle(m.title, article.text)
        return article
    }

    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
