import CLibXML2
import FaultlineModel
import Foundation

/// The article of a web page: every paragraph of it and nothing else, with its metadata.
///
/// ```swift
/// let page = try MainTextExtractor().extract(html: bytes, origin: "saved/page.html")
/// page.text              // "First paragraph…\nSecond paragraph…"
/// page.metadata.title    // "Headline"
/// ```
///
/// The page is parsed once by libxml2's HTML parser and walked once (``PageWalker``); the
/// article is the part of the page with the most prose for the least furniture
/// (``ContentSelector``); the metadata comes from the same walk (``HTMLMetadata``).
/// Hostile input is bounded: a size limit before parsing, no recursion anywhere (libxml2's
/// depth limit is lifted so a deep page is read whole rather than cut off), a document type's
/// internal subset (where XML entity bombs live) removed before parsing.
public struct MainTextExtractor: Sendable {
    /// The largest page read, in bytes; larger ones are a `tooLarge` failure.
    public var maxBytes: Int

    public init(maxBytes: Int = 64 * 1024 * 1024) {
        self.maxBytes = maxBytes
    }

    /// What was found on one page.
    public struct Result: Sendable, Hashable {
        /// The article's text, blocks (paragraphs, headings, list items …) on lines of their own.
        public var text: String
        public var metadata: ArticleMetadata
        /// Problems recovered from: a wrong declared charset, a removed internal subset.
        public var warnings: [String]
    }

    /// Extracts the article from a page's bytes in any charset (declared, sniffed or guessed).
    public func extract(html bytes: [UInt8], origin: String = "-", url: String? = nil, metadata: Bool = true)
        throws(IngestFailure) -> Result
    {
        guard bytes.count <= maxBytes else { throw tooLarge(bytes.count, origin: origin) }
        var warnings: [String] = []
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let utf16 = body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF])
        if !utf16, var text = String(validating: body, as: UTF8.self) {
            if let declared = InputSanitizer.declaredLegacyCharset(body), body.contains(where: { $0 >= 0x80 }) {
                // Legacy-charset text is practically never valid UTF-8 by accident.
                warnings.append("declared \(declared) but is valid UTF-8; read as UTF-8")
            }
            return try text.withUTF8 { extract(utf8: $0, origin: origin, url: url, metadata: metadata, warnings: warnings) }
                .get()
        }
        let decoded = TextDecoder.decode(bytes, declaredCharset: CharsetSniffer.declared(in: bytes))
        if let warning = decoded.warning { warnings.append(warning) }
        return try extract(decodedText: decoded.text, origin: origin, url: url, metadata: metadata, warnings: warnings)
    }

    /// Extracts the article from HTML already decoded (a feed item's content, a JSON Lines record).
    public func extract(
        decodedText: String, origin: String = "-", url: String? = nil, metadata: Bool = true, warnings: [String] = []
    ) throws(IngestFailure) -> Result {
        var text = decodedText
        guard text.utf8.count <= maxBytes else { throw tooLarge(text.utf8.count, origin: origin) }
        return try text.withUTF8 { extract(utf8: $0, origin: origin, url: url, metadata: metadata, warnings: warnings) }
            .get()
    }

    private func extract(
        utf8: UnsafeBufferPointer<UInt8>, origin: String, url: String?, metadata wantsMetadata: Bool,
        warnings: [String]
    ) -> Swift.Result<Result, IngestFailure> {
        var warnings = warnings
        let input = InputSanitizer.withoutInternalSubset(utf8)
        if input.removed { warnings.append("removed the document type's internal subset (entity declarations)") }
        let parsed: MarkupTree? =
            input.bytes.map { MarkupTree.html(utf8: $0, url: url) } ?? MarkupTree.html(utf8: utf8, url: url)
        guard let tree = parsed else {
            return .failure(IngestFailure(origin: origin, code: .noText, message: "the HTML parser found no document"))
        }
        let page = PageWalker.walk(tree)
        let fragment = InputSanitizer.isFragment(utf8)
        var metadata = wantsMetadata ? HTMLMetadata.build(from: page.sources, url: url) : ArticleMetadata()
        let text = Self.articleText(page, fragment: fragment, titles: Self.titles(page.sources, metadata))
        if wantsMetadata, metadata.language == nil { metadata.language = LanguageGuesser.guess(text) }
        return .success(Result(text: text, metadata: metadata, warnings: warnings))
    }

    /// The article text of a walked page.
    static func articleText(_ page: PageModel, fragment: Bool, titles: [String]) -> String {
        let selector = ContentSelector(page: page)
        if explaining {
            FileHandle.standardError.write(Data((selector.explain() + "\n").utf8))
        }
        var blocks = fragment ? selector.fragmentBlocks() : selector.select(titles: titles)
        // A page without a sentence of prose (a table of results, a list of short lines) is
        // still read: everything outside its furniture.
        if blocks.isEmpty && !fragment { blocks = selector.fragmentBlocks() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(blocks.reduce(0) { $0 + Int(page.blocks[$1].end - page.blocks[$1].start) + 1 })
        for index in blocks {
            let block = page.blocks[index]
            if !bytes.isEmpty { bytes.append(0x0A) }
            bytes.append(contentsOf: page.text[Int(block.start)..<Int(block.end)])
        }
        // Cleaning and NFC run only where the text has something they would change.
        return TextDecoder.clean(String(decoding: bytes, as: UTF8.self))
    }

    /// `FAULTLINE_EXPLAIN=1` prints each page's best candidates to standard error (for tuning).
    private static let explaining = ProcessInfo.processInfo.environment["FAULTLINE_EXPLAIN"] != nil

    /// The ways the page names its own title, for dropping it where it repeats at the top.
    static func titles(_ sources: MetadataSources, _ metadata: ArticleMetadata) -> [String] {
        var titles: [String] = []
        for candidate in [
            metadata.title, sources.meta["og:title"], sources.meta["twitter:title"], sources.h1,
            sources.documentTitle.map { HTMLMetadata.stripSiteSuffix($0, site: sources.meta["og:site_name"]) },
            sources.documentTitle,
        ] {
            if let candidate, !candidate.isEmpty, !titles.contains(candidate) { titles.append(candidate) }
        }
        return titles
    }

    /// Parses a page as ``extract(html:origin:url:metadata:)`` does (UTF-8 check, libxml2
    /// parse) and frees the tree: the parse-alone figure benchmarks compare against.
    /// Returns whether a document came out.
    public func parseOnly(html bytes: [UInt8]) -> Bool {
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let decoded = TextDecoder.decode(bytes, declaredCharset: CharsetSniffer.declared(in: bytes))
            return MarkupTree.html(utf8: Array(decoded.text.utf8)) != nil
        }
        return text.withUTF8 { MarkupTree.html(utf8: $0) != nil }
    }

    private func tooLarge(_ count: Int, origin: String) -> IngestFailure {
        IngestFailure(
            origin: origin, code: .tooLarge,
            message: "page is \(ByteLoader.mebibytes(count)), over the \(ByteLoader.mebibytes(maxBytes)) limit")
    }
}
