import FaultlineKnowledge
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A geoparsing gold corpus (LGL, GeoVirus or TR-News XML) read the way `score_geo.py` reads
/// it: one document per child of the root, its `<text>`, and the spans of its `<toponym>` or
/// `<location>` elements (GeoVirus' offsets, one too far, corrected as the scorer does).
/// Only spans and names are read; the gold coordinates are the scorer's business.
///
/// Some TR-News articles' offsets point at other text than the annotated phrase ("itish
/// Columbia F" for "British Columbia"): there the phrase is the toponym, read where it occurs
/// nearest the offset, and the gold span is kept for the scorer, which matches by span.
struct GeoCorpus {
    struct Document {
        var text: String
        /// The toponyms as resolved: the annotated phrase where it stands in the text.
        var toponyms: [Toponym]
        /// The gold spans, one per toponym, as the scorer matches predictions to them.
        var spans: [Toponym]
    }

    var documents: [Document]

    init(url: URL) throws {
        guard let parser = XMLParser(contentsOf: url) else {
            throw ValidationErrorText("cannot open \(url.path)")
        }
        let reader = Reader()
        parser.delegate = reader
        guard parser.parse() else {
            throw ValidationErrorText("\(url.lastPathComponent): XML error at line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
        documents = reader.documents.map { raw in
            let scalars = Array(raw.text.unicodeScalars)
            var toponyms: [Toponym] = [], spans: [Toponym] = []
            for span in raw.spans {
                var (start, end) = (span.start, span.end)
                guard start >= 0, end <= scalars.count, start < end else { continue }
                let name = span.name.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, Self.slice(scalars, start, end) != name, start >= 1,
                    Self.slice(scalars, start - 1, end - 1) == name
                {
                    start -= 1
                    end -= 1
                }
                let gold = Toponym(start: start, end: end, name: String(String.UnicodeScalarView(scalars[start..<end])))
                spans.append(gold)
                if name.isEmpty || Self.slice(scalars, start, end) == name {
                    toponyms.append(gold)
                } else {
                    toponyms.append(Self.nearest(name, to: start, in: scalars) ?? Toponym(start: start, end: end, name: name))
                }
            }
            return Document(text: raw.text, toponyms: toponyms, spans: spans)
        }
    }

    /// The occurrence of `name` in the text closest to `offset`, nil when it does not occur.
    private static func nearest(_ name: String, to offset: Int, in scalars: [Unicode.Scalar]) -> Toponym? {
        let needle = Array(name.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
        var best: Int? = nil
        for start in 0...(scalars.count - needle.count) where scalars[start] == needle[0] {
            if scalars[start..<(start + needle.count)].elementsEqual(needle), best.map({ abs($0 - offset) > abs(start - offset) }) ?? true {
                best = start
            }
        }
        return best.map { Toponym(start: $0, end: $0 + needle.count, name: name) }
    }

    private static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<end])).trimmingCharacters(in: .whitespaces)
    }

    struct ValidationErrorText: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// SAX delegate: collects each article's text and its toponyms' start, end and name.
    private final class Reader: NSObject, XMLParserDelegate {
        struct Span { var start = -1, end = -1, name = "" }
        struct Raw { var text = "", spans: [Span] = [], hasText = false }
        var documents: [Raw] = []
        private var path: [String] = []
        private var buffer = ""
        private var current: Span? = nil
        private var doc = Raw()

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            path.append(name)
            buffer = ""
            if path.count == 2 { doc = Raw() }
            if name == "toponym" || name == "location" { current = Span() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, foundCDATA data: Data) { buffer += String(decoding: data, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let inGaztag = path.contains("gaztag")
            if path.count == 3, name == "text", !doc.hasText {
                doc.text = buffer
                doc.hasText = true
            } else if current != nil, !inGaztag {
                switch name {
                case "start": current!.start = Int(buffer.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
                case "end": current!.end = Int(buffer.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
                case "phrase": current!.name = buffer
                case "name": if current!.name.isEmpty { current!.name = buffer }
                case "toponym", "location":
                    if current!.start >= 0, current!.end >= 0 { doc.spans.append(current!) }
                    current = nil
                default: break
                }
            }
            if path.count == 2 { documents.append(doc) }
            path.removeLast()
            buffer = ""
        }
    }
}
