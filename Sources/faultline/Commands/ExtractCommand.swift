import ArgumentParser
import FaultlineIngest
import FaultlineModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `faultline extract PATH... [--json]`: the article text and metadata of saved pages.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the article text and metadata of saved web pages.",
        discussion: """
            Reads .html/.htm files (each also as .gz), or the HTML files of folders, recursively,
            and prints what the main-content extractor finds: the article alone, without menus,
            related links, comments, banners or share buttons, and its title, authors, dates,
            site name, canonical URL and language. With --json, one JSON object per page (JSON
            Lines) with `id` (the file name without .html/.htm/.gz), `articleBody` and the
            metadata fields. Pages that cannot be read are reported on standard error and the
            rest are printed; exit status 1 when any failed.
            """)

    @Argument(help: "Pages or folders of pages.")
    var paths: [String]

    @Flag(
        name: .long,
        help: "Print JSON Lines: id, articleBody, title, authors, published, modified, site_name, url, language.")
    var json = false

    @Option(name: .long, help: "Largest page to read, in MiB (a compressed page may not inflate past it either).")
    var maxSize: Double = 20

    func validate() throws {
        guard maxSize > 0 else { throw ValidationError("--max-size must be positive") }
    }

    func run() throws {
        let inputs = InputCollector.collect(paths)
        var failures = inputs.failures
        let named = Set(paths)
        let files = inputs.files.filter { named.contains($0) || Self.isPage($0) }
        let maxBytes = Int(maxSize * 1_048_576)
        let loader = ByteLoader(maxBytes: maxBytes)
        let extractor = MainTextExtractor(maxBytes: maxBytes)
        var first = true
        for path in files {
            do {
                let bytes = try loader.load(path: path)
                let page = try extractor.extract(html: bytes, origin: path)
                let record = ExtractedPage(id: Self.id(of: path), page: page)
                if json {
                    print(JSONOutput.line(record))
                } else {
                    if !first { print("") }
                    print(record.readable)
                }
                first = false
                for warning in page.warnings { FileHandle.standardError.write(Data("\(path): warning: \(warning)\n".utf8)) }
            } catch {
                failures.append(error)
            }
        }
        for failure in failures { FileHandle.standardError.write(Data("\(failure.origin): \(failure.message)\n".utf8)) }
        if !failures.isEmpty { throw ExitCode(1) }
    }

    /// Whether a file found in a folder is a page (`.html`, `.htm`, `.xhtml`, `.shtml`, also gzipped).
    static func isPage(_ path: String) -> Bool {
        if ArticleReader.format(forPath: path) == .html { return true }
        return false
    }

    /// The file name without its folder and without `.html`, `.htm` or `.gz`.
    static func id(of path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for suffix in [".gz", ".html", ".htm", ".xhtml", ".shtml"] where name.lowercased().hasSuffix(suffix) {
            name.removeLast(suffix.count)
        }
        return name
    }
}

/// One page as `faultline extract` prints it.
struct ExtractedPage: Encodable {
    var id: String
    var articleBody: String
    var metadata: ArticleMetadata

    init(id: String, page: MainTextExtractor.Result) {
        self.id = id
        self.articleBody = page.text
        self.metadata = page.metadata
    }

    enum CodingKeys: String, CodingKey {
        case id, articleBody, title, authors, published, modified, siteName = "site_name", url, language
    }

    /// Every field is written, `null` when the page did not say.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(articleBody, forKey: .articleBody)
        try container.encode(metadata.title, forKey: .title)
        try container.encode(metadata.authors, forKey: .authors)
        try container.encode(metadata.published?.isoString, forKey: .published)
        try container.encode(metadata.modified?.isoString, forKey: .modified)
        try container.encode(metadata.outlet, forKey: .siteName)
        try container.encode(metadata.url, forKey: .url)
        try container.encode(metadata.language, forKey: .language)
    }

    /// The page for a person: a header of metadata lines, then the article.
    var readable: String {
        var lines = ["== \(id)"]
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("\(label): \(value)") }
        }
        add("title", metadata.title)
        add("authors", metadata.authors.joined(separator: "; "))
        add("published", metadata.published?.isoString)
        add("modified", metadata.modified?.isoString)
        add("site", metadata.outlet)
        add("url", metadata.url)
        add("language", metadata.language)
        lines.append("")
        lines.append(articleBody)
        return lines.joined(separator: "\n")
    }
}
