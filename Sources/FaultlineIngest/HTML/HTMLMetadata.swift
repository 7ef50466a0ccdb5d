import FaultlineModel
import Foundation

/// Reads an article's metadata from a page, each field from the best source it has.
///
/// Order of preference, most deliberate first: JSON-LD `NewsArticle` (written for machines),
/// then OpenGraph and `article:*` meta, then other meta tags, then the markup a reader sees
/// (`<time datetime>`, bylines, `<h1>`), then the `<title>` and the URL.
enum HTMLMetadata {
    /// Reads the metadata of a parsed page.
    static func read(_ tree: MarkupTree, url: String? = nil) -> ArticleMetadata {
        build(from: PageWalker.walk(tree).sources, url: url)
    }

    /// Picks each field from what one walk of the page found (``MetadataSources``).
    static func build(from sources: MetadataSources, url: String? = nil) -> ArticleMetadata {
        let meta = sources.meta
        let canonical = sources.canonical
        let documentTitle = sources.documentTitle
        let times = sources.times
        let bylines = sources.bylines
        let h1 = sources.h1
        var jsonLD: [[String: Any]] = []
        for raw in sources.jsonLD {
            if let data = raw.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data) {
                jsonLD.append(contentsOf: articleObjects(in: value))
            }
        }

        var m = ArticleMetadata()
        let ld = jsonLD.first ?? [:]
        let siteName = meta["og:site_name"] ?? publisherName(ld) ?? meta["application-name"]

        m.title = (ld["headline"] as? String).map(collapse) ?? meta["og:title"] ?? meta["twitter:title"]
            ?? meta["title"] ?? h1 ?? documentTitle.map { stripSiteSuffix($0, site: siteName) }
        m.title = m.title.map { collapse(HTMLEntities.decode($0)) }
        if let title = m.title, title.isEmpty { m.title = nil }

        m.authors = authors(fromJSONLD: ld["author"])
        if m.authors.isEmpty {
            for key in ["article:author", "author", "dc.creator", "sailthru.author", "parsely-author", "byl"] {
                if let value = meta[key], !value.hasPrefix("http") {
                    m.authors = AuthorNames.split(value)
                    if !m.authors.isEmpty { break }
                }
            }
        }
        if m.authors.isEmpty, let byline = bylines.first { m.authors = AuthorNames.split(byline) }

        let publishedCandidates: [String?] = [
            ld["datePublished"] as? String, meta["article:published_time"], meta["og:published_time"],
            meta["datepublished"], meta["date"], meta["pubdate"], meta["publishdate"], meta["publish-date"],
            meta["dc.date.issued"], meta["dc.date"], meta["dcterms.created"], meta["sailthru.date"],
            times.first(where: \.1)?.0, times.first?.0, ld["dateCreated"] as? String,
        ]
        m.published = publishedCandidates.lazy.compactMap { $0.flatMap(DateParser.parse) }.first
        let modifiedCandidates: [String?] = [
            ld["dateModified"] as? String, meta["article:modified_time"], meta["og:updated_time"],
            meta["last-modified"], meta["dcterms.modified"],
        ]
        m.modified = modifiedCandidates.lazy.compactMap { $0.flatMap(DateParser.parse) }.first

        m.outlet = siteName.map { collapse(HTMLEntities.decode($0)) }
        // A byline's date ("By A. Writer | November 18") is no author.
        m.authors = m.authors.compactMap(Self.authorName)
        let urls: [String?] = [canonical, meta["og:url"], ld["url"] as? String, mainEntity(ld), url]
        m.url = urls.lazy.compactMap { $0.flatMap(URLCanonicalizer.canonical) }.first
        if m.published == nil, let url = m.url { m.published = DateParser.fromURLPath(url) }

        var language = sources.rootLanguage ?? meta["content-language"]
            ?? (ld["inLanguage"] as? String) ?? meta["og:locale"]?.replacingOccurrences(of: "_", with: "-")
        language = language?.trimmingCharacters(in: .whitespaces)
        if let l = language, !l.isEmpty, l.count <= 20 { m.language = l }
        if let section = meta["article:section"] ?? (ld["articleSection"] as? String) { m.extra["section"] = section }
        return m
    }

    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "blogposting", "opinionnewsarticle",
        "analysisnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "scholarlyarticle", "report",
        "liveblogposting", "socialmediaposting",
    ]

    /// The article objects in a JSON-LD value, best first, looking through `@graph` and arrays.
    static func articleObjects(in value: Any) -> [[String: Any]] {
        var found: [[String: Any]] = []
        var stack: [Any] = [value]
        var visited = 0
        while let item = stack.popLast(), visited < 10_000 {
            visited += 1
            if let array = item as? [Any] {
                stack.append(contentsOf: array.reversed())
            } else if let object = item as? [String: Any] {
                let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
                if types.contains(where: { articleTypes.contains($0.lowercased()) }) { found.append(object) }
                if let graph = object["@graph"] { stack.append(graph) }
            }
        }
        return found
    }

    static func authors(fromJSONLD value: Any?) -> [String] {
        var names: [String] = []
        func add(_ item: Any) {
            if let name = item as? String {
                names.append(contentsOf: AuthorNames.split(name))
            } else if let object = item as? [String: Any], let name = object["name"] as? String {
                if let clean = AuthorNames.clean(name) { names.append(clean) }
            }
        }
        if let array = value as? [Any] { array.forEach(add) } else if let value { add(value) }
        var unique: [String] = []
        for name in names where !unique.contains(name) && !name.hasPrefix("http") { unique.append(name) }
        return unique
    }

    private static func publisherName(_ ld: [String: Any]) -> String? {
        if let publisher = ld["publisher"] as? [String: Any] { return publisher["name"] as? String }
        if let publishers = ld["publisher"] as? [[String: Any]] { return publishers.first?["name"] as? String }
        return nil
    }

    private static func mainEntity(_ ld: [String: Any]) -> String? {
        if let value = ld["mainEntityOfPage"] as? String { return value }
        return (ld["mainEntityOfPage"] as? [String: Any])?["@id"] as? String
    }

    /// A name as bylines write it, without a trailing "Published 11:34 PM EST Nov 19", or nil
    /// when what is left still holds a digit (a date, a user handle).
    static func authorName(_ raw: String) -> String? {
        var name = HTMLEntities.decode(raw)
        for marker in [" Published ", " Updated ", " Posted ", " on "] {
            if let range = name.range(of: marker) { name = String(name[..<range.lowerBound]) }
        }
        name = collapse(name)
        return name.isEmpty || name.contains(where: \.isNumber) ? nil : name
    }

    /// "Headline | Site", "Headline - Site", "Headline — Site": the headline alone.
    static func stripSiteSuffix(_ title: String, site: String?) -> String {
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let tail = title[range.upperBound...]
            if let site, tail.lowercased().contains(site.lowercased()) || site.lowercased().contains(tail.lowercased()) {
                return String(title[..<range.lowerBound])
            }
            if site == nil, tail.count <= 30, title[..<range.lowerBound].count > tail.count {
                return String(title[..<range.lowerBound])
            }
        }
        return title
    }

    /// The text without white space at either end (no Foundation: this runs for every meta tag).
    static func trim(_ text: String) -> String {
        guard let first = text.unicodeScalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = text.unicodeScalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(text.unicodeScalars[first...last])
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// What a page says about itself, gathered by one walk (``PageWalker``): meta tags by
/// lowercased key (first one wins), the canonical link, `<title>`, JSON-LD scripts (raw),
/// `<time datetime>` values (marked when `pubdate` or `itemprop="datePublished"`), the first
/// byline (by `rel`/`itemprop="author"` or a `byline`/`author-name` class), the first `<h1>`
/// and the `<html lang>`.
struct MetadataSources {
    var meta: [String: String] = [:]
    var canonical: String?
    var documentTitle: String?
    var jsonLD: [String] = []
    var times: [(String, Bool)] = []
    var bylines: [String] = []
    var h1: String?
    var rootLanguage: String?
}
