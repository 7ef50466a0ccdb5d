import Foundation
import FaultlineModel

/// Reads a plain-text article: the title line, bylines, outlet and date lines at the top,
/// the footers reposted articles carry at the bottom, and the body in between.
///
/// Header and footer lines become metadata and leave the text; the title stays as the
/// text's first line. Explicit author lines (`By X`, `Authored by X via Y`, `Authors: A, B`,
/// `Articles by: X`) win over a bare name line, which wins over an author bio.
///
/// ```swift
/// let article = PlainTextReader.read(text, origin: "seeds/001.txt")
/// article.metadata.outlet  // "Global Research"
/// ```
public enum PlainTextReader {
    public static func read(_ text: String, origin: String, format: SourceFormat = .text) -> Article {
        var scan = Scan(lines: text.lineSlices())
        scan.readHeader()
        scan.readFooter()
        var metadata = scan.metadata
        metadata.authors = scan.explicitAuthors.isEmpty
            ? (scan.bylineNames.first.map { [$0] } ?? scan.bioNames.first.map { [$0] } ?? scan.footerNames.first.map { [$0] } ?? [])
            : scan.explicitAuthors
        if !scan.explicitAuthors.isEmpty, let poster = scan.footerNames.first {
            metadata.extra["posted_by"] = poster
        }
        let body = scan.body()
        if metadata.language == nil { metadata.language = LanguageGuesser.guess(body) }
        return Article(origin: origin, format: format, metadata: metadata, text: body)
    }

    private struct Scan {
        let lines: [Substring]
        var removed = Set<Int>()
        var metadata = ArticleMetadata()
        var explicitAuthors: [String] = []
        var bylineNames: [String] = []
        var bioNames: [String] = []
        var footerNames: [String] = []
        var firstBodyLine = 0

        let contentIndices: [Int]

        init(lines: [Substring]) {
            self.lines = lines
            contentIndices = lines.indices.filter { index in lines[index].utf8.contains { $0 > 0x20 } }
        }

        mutating func addAuthors(_ names: [String]) {
            for name in names where !explicitAuthors.contains(name) { explicitAuthors.append(name) }
        }

        // MARK: - Header

        mutating func readHeader() {
            var bodySeen = 0
            for (rank, index) in contentIndices.prefix(10).enumerated() {
                let line = InlineMarkdown.unwrap(lines[index]).trimmingWhitespace()
                if applyHeaderLine(line) {
                    removed.insert(index)
                    continue
                }
                if rank == 0 {
                    if let title = Self.title(of: line) { metadata.title = title }
                    continue
                }
                if rank <= 3 && AuthorNames.looksLikePersonName(line) {
                    bylineNames.append(String(line))
                    removed.insert(index)
                    continue
                }
                bodySeen += 1
                if bodySeen >= 2 { break }
            }
        }

        /// Reads a header line into metadata; false when the line is not a header line.
        mutating func applyHeaderLine(_ line: Substring) -> Bool {
            guard line.utf8.count <= 300 else { return false }
            let lower = line.lowercased()
            if lower.hasPrefix("authored by ") || lower.hasPrefix("written by ") || line.hasPrefix("By ") {
                var rest = line
                if let via = rest.range(of: " via ", options: .caseInsensitive) {
                    let source = rest[via.upperBound...].trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
                    if !source.isEmpty { metadata.extra["via"] = source }
                    rest = rest[..<via.lowerBound]
                }
                let names = AuthorNames.split(String(rest))
                guard !names.isEmpty, names.allSatisfy(Self.isNameLike) else { return false }
                addAuthors(names)
                return true
            }
            if applyAuthorsLabel(line) { return true }
            if let (key, value) = Self.label(line, keys: Self.sectionLabels) {
                metadata.extra[key] = value
                return true
            }
            if lower.hasPrefix("updated") || lower.hasPrefix("last modified") || lower.hasPrefix("modified") {
                if let date = DateParser.parse(line.drop(while: { $0 != " " })) {
                    metadata.modified = date
                    return true
                }
            }
            if let date = DateParser.parse(line) {
                if metadata.published == nil { metadata.published = date }
                return true
            }
            if let (outlet, date) = Self.outletAndDate(line) {
                metadata.outlet = metadata.outlet ?? outlet
                if metadata.published == nil { metadata.published = date }
                return true
            }
            return false
        }

        /// `Authors: A, B, C. The article was written with the participation of D and E.`
        mutating func applyAuthorsLabel(_ line: Substring) -> Bool {
            let lower = line.prefix(16).lowercased()
            guard let label = ["authors:", "author:", "articles by:", "written by:", "by:"].first(where: { lower.hasPrefix($0) })
            else { return false }
            var rest = line.dropFirst(label.count).trimmingWhitespace()
            var remark: Substring = ""
            if let stop = rest.range(of: #"\.\s+[A-Z]"#, options: .regularExpression) {
                remark = rest[rest.index(after: stop.lowerBound)...].trimmingWhitespace()
                rest = rest[..<stop.lowerBound]
            }
            let names = AuthorNames.split(String(rest))
            guard !names.isEmpty else { return false }
            addAuthors(names)
            if let range = remark.range(of: "participation of ") ?? remark.range(of: "contributed by ")
                ?? remark.range(of: "contributions from ")
            {
                let contributors = AuthorNames.split(String(remark[range.upperBound...]))
                if !contributors.isEmpty { metadata.extra["contributors"] = contributors.joined(separator: ", ") }
            }
            return true
        }

        // MARK: - Footer

        mutating func readFooter() {
            let header = removed
            for index in contentIndices.reversed() {
                if header.contains(index) { continue }
                if index == contentIndices.first { break }
                let raw = lines[index]
                let line = InlineMarkdown.unwrap(raw).trimmingWhitespace()
                guard applyFooterLine(line, raw: raw) else { break }
                removed.insert(index)
            }
        }

        mutating func applyFooterLine(_ line: Substring, raw: Substring) -> Bool {
            if line.allSatisfy({ "*-_=•·~#".contains($0) || $0.isWhitespace }) { return true }
            if InlineMarkdown.isLinkOnly(raw) { return true }
            // Footer markers are at the start; a long body line needs only its head lowercased.
            let lower = line.prefix(120).lowercased()
            if applyAuthorsLabel(line) { return true }
            if line.hasPrefix("By "), line.count <= 100 {
                let names = AuthorNames.split(String(line))
                if !names.isEmpty && names.allSatisfy(Self.isNameLike) {
                    addAuthors(names)
                    return true
                }
            }
            if lower.hasPrefix("th"), lower.utf8.count <= 300,
                let range = lower.range(of: #"^(this|the) (article|piece|story|post) (was|is) (originally|first) published (on|by|at|in) "#, options: .regularExpression)
            {
                let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
                let source = line.dropFirst(offset).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".")))
                if !source.isEmpty { metadata.extra["originally_published_on"] = source }
                return true
            }
            if lower.hasPrefix("the original source of this article is ") {
                let source = line.dropFirst("the original source of this article is ".count)
                    .trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".")))
                if metadata.outlet == nil && !source.isEmpty { metadata.outlet = source }
                return true
            }
            if lower.hasPrefix("copyright") || lower.hasPrefix("©") || lower.hasPrefix("(c) ") {
                metadata.extra["copyright"] = String(line)
                let parts = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if metadata.outlet == nil, parts.count == 3, Int(parts[2]) != nil { metadata.outlet = parts[1] }
                return true
            }
            if Self.footerPrefixes.contains(where: { lower.hasPrefix($0) }) { return true }
            if Self.footerPhrases.contains(where: { line.utf8.containsIgnoringASCIICase($0.utf8) }) { return true }
            if lower.hasPrefix("posted by ") {
                if let name = AuthorNames.clean(String(line.dropFirst(10))) { metadata.extra["posted_by"] = name }
                return true
            }
            if let date = DateParser.parse(line) {
                if metadata.published == nil { metadata.published = date }
                return true
            }
            if AuthorNames.looksLikePersonName(line) {
                footerNames.append(String(line))
                return true
            }
            if let name = Self.bioSubject(line) {
                if !bioNames.contains(name) { bioNames.append(name) }
                return true
            }
            if line.count < 120, line.contains("@"), line.contains(".") { return true }
            return false
        }

        // MARK: - Body

        /// The kept lines, markdown undone; hard-wrapped paragraphs joined; one `\n` between paragraphs.
        func body() -> String {
            var paragraphs: [[Substring]] = [[]]
            for index in lines.indices {
                let line = lines[index].trimmingWhitespace()
                if line.isEmpty {
                    if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
                    continue
                }
                if removed.contains(index) { continue }
                paragraphs[paragraphs.count - 1].append(Substring(InlineMarkdown.unwrap(line)))
            }
            let hardWrapped = Self.isHardWrapped(paragraphs)
            var out: [String] = []
            for paragraph in paragraphs where !paragraph.isEmpty {
                if hardWrapped && !paragraph.contains(where: Self.isListItem) {
                    out.append(paragraph.joined(separator: " "))
                } else {
                    out.append(contentsOf: paragraph.map(String.init))
                }
            }
            return out.joined(separator: "\n")
        }

        // MARK: - Line shapes

        static let sectionLabels = ["region", "theme", "tags", "tag", "topics", "topic", "section", "category", "categories", "filed under", "keywords"]

        static let footerPrefixes = [
            "note to readers", "disclaimer", "featured image", "image:", "photo:", "image credit", "photo credit",
            "about the author", "for media inquiries", "related:", "related articles", "read more", "read also",
            "tags:", "share this", "subscribe", "follow us", "editor’s note", "editor's note", "source:",
            "comment on", "become a member", "support our work", "donate", "you can follow", "sign up",
            "all rights reserved", "reprinted with permission", "republished with permission",
        ]

        static let footerPhrases = [
            "copyrighted material", "all rights reserved", "\"fair use\"", "“fair use”", "sole responsibility of the author",
            "cross-post", "crosspost", "contains copyrighted",
        ]

        static func label(_ line: Substring, keys: [String]) -> (String, String)? {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            guard keys.contains(key) else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : (key == "filed under" ? "section" : key, value)
        }

        /// `Global Research, September 05, 2019`: an outlet name, a comma, a date.
        static func outletAndDate(_ line: Substring) -> (String, PublicationDate)? {
            guard line.utf8.count <= 140 else { return nil }
            var search = line.startIndex
            while let comma = line[search...].firstIndex(of: ",") {
                let outlet = line[..<comma].trimmingWhitespace()
                if outlet.count >= 2, outlet.count <= 60, outlet.split(separator: " ").count <= 6,
                    outlet.first?.isUppercase == true,
                    let date = DateParser.parse(line[line.index(after: comma)...])
                {
                    return (String(outlet), date)
                }
                search = line.index(after: comma)
            }
            return nil
        }

        /// A title line: short, and not ending like a sentence; or a title joined to the lede
        /// by a dash (`Is Russia Moving Ammunition…? – According to …`).
        static func title(of line: Substring) -> String? {
            if isListItem(line) { return nil }
            for separator in [" – ", " — ", " - "] {
                guard let range = line.range(of: separator) else { continue }
                let head = line[..<range.lowerBound].trimmingWhitespace()
                let tail = line[range.upperBound...].trimmingWhitespace()
                if head.count >= 10, head.count <= 200, tail.count >= 20, tail.first?.isUppercase == true,
                    head.last == "?" || head.last == "!" || isTitleCase(head)
                {
                    return String(head)
                }
            }
            guard line.count <= 250, line.split(separator: " ").count <= 40, let last = line.last,
                !".,;:".contains(last)
            else { return nil }
            return String(line)
        }

        static func isTitleCase(_ text: Substring) -> Bool {
            let words = text.split(separator: " ").filter { $0.count > 3 }
            guard words.count >= 2 else { return false }
            return words.filter { $0.first?.isUppercase == true }.count * 10 >= words.count * 8
        }

        static func isListItem(_ line: Substring) -> Bool {
            let t = line.trimmingWhitespace()
            return t.hasPrefix("* ") || t.hasPrefix("- ") || t.hasPrefix("• ") || t.hasPrefix("– ")
        }

        static func isNameLike(_ name: String) -> Bool {
            let words = name.split(separator: " ")
            guard (1...5).contains(words.count) else { return false }
            return words.allSatisfy { word in
                word.first?.isUppercase == true && !AuthorNames.nonNameWords.contains(word.lowercased())
            }
        }

        private static let bioKeywords = [
            "author", "journalist", "analyst", "writer", "researcher", "editor", "correspondent", "columnist",
            "fellow", "professor", "reporter", "contributor", "expert", "commentator", "scholar", "director",
        ]

        /// The person an author bio is about: "Jack Buckby is a British author, …".
        static func bioSubject(_ line: Substring) -> String? {
            // The subject is a name of two to four words: the verb comes within the first 60 bytes.
            guard let isAt = [" is a ", " is an ", " is the ", " was a ", " was an ", " was the "]
                .lazy.compactMap({ line.utf8.prefix(70).firstOffset(of: $0.utf8) }).min()
            else { return nil }
            let subject = line.prefix(isAt)
            guard AuthorNames.looksLikePersonName(subject) else { return nil }
            guard bioKeywords.contains(where: { line.utf8.containsIgnoringASCIICase($0.utf8) }) else { return nil }
            return String(subject)
        }

        /// Hard-wrapped text: paragraphs of several lines whose lines are mostly 50–100 characters.
        static func isHardWrapped(_ paragraphs: [[Substring]]) -> Bool {
            let multi = paragraphs.filter { $0.count >= 3 }
            guard multi.count * 2 >= paragraphs.filter({ !$0.isEmpty }).count, !multi.isEmpty else { return false }
            let lengths = multi.flatMap { $0.dropLast() }.map(\.count)
            let wrapped = lengths.filter { (50...100).contains($0) }.count
            return wrapped * 10 >= lengths.count * 8
        }
    }
}
