import FaultlineModel
import FaultlineTestSupport
import Foundation
import Testing

@testable import FaultlineIngest

/// Pages written by the team: an invented news article and the furniture real pages put
/// around one. Every test builds a page from these parts and checks what comes out.
enum TestPage {
    static let title = "Lithuania shuts two border crossings after balloon incursions"

    static let paragraphs = [
        "Lithuania closed two of its six crossings with Belarus on Tuesday after a fourth night of smuggling balloons drifting across the frontier, the interior ministry said in a statement.",
        "The crossings at Šalčininkai and Raigardas will stay shut for at least a week, the ministry said, while officials assess whether the balloons are being launched with the knowledge of Belarusian border units.",
        "Minsk rejected the accusation. A spokesman for Belarus's State Border Committee told reporters that Vilnius was \"inventing a threat\" to justify measures it had long wanted to take against ordinary travellers.",
        "Truck drivers waiting at the remaining crossings reported queues of up to 30 hours on Wednesday morning, according to the Lithuanian road carriers' association, which asked the government to open extra lanes.",
    ]

    static var articleBody: String { paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n") }

    /// A whole page: `head` inside `<head>`, then `before`, the article and `after` in `<body>`.
    static func page(head: String = "", before: String = "", article: String? = nil, after: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(title) | Baltic Desk</title>\(head)</head>
        <body>
        \(before)
        <article>
        <h1>\(title)</h1>
        \(article ?? articleBody)
        </article>
        \(after)
        </body></html>
        """
    }

    /// Extracts a page written as a string.
    static func extract(_ html: String, url: String? = nil) throws -> MainTextExtractor.Result {
        try MainTextExtractor().extract(html: Array(html.utf8), origin: "test.html", url: url)
    }

    static let navigation = """
        <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news and analysis</a></li>
        <li><a href="/europe">Europe</a></li><li><a href="/opinion">Opinion and commentary</a></li></ul></nav>
        """
}


@Suite("Main text: what is kept")
struct MainTextKeptTests {
    @Test("every paragraph of the article is kept, one block per line, without the headline")
    func paragraphsKept() throws {
        let result = try TestPage.extract(TestPage.page(before: TestPage.navigation))
        #expect(result.text == TestPage.paragraphs.joined(separator: "\n"))
    }

    @Test("headings, lists, block quotes and table text inside the article are kept")
    func structureKept() throws {
        let article = """
            <p>\(TestPage.paragraphs[0])</p>
            <h2>What the ministry decided</h2>
            <ul><li>closing the Šalčininkai crossing for seven days</li><li>closing the Raigardas crossing for seven days</li></ul>
            <p>\(TestPage.paragraphs[1])</p>
            <blockquote><p>We will not wait for a balloon to bring down an airliner before we act.</p></blockquote>
            <table><tr><th>Crossing</th><th>Queue</th></tr><tr><td>Medininkai</td><td>30 hours</td></tr></table>
            <p>\(TestPage.paragraphs[2])</p>
            <p>\(TestPage.paragraphs[3])</p>
            """
        let lines = try TestPage.extract(TestPage.page(article: article)).text.split(separator: "\n").map(String.init)
        for expected in [
            "What the ministry decided", "closing the Šalčininkai crossing for seven days",
            "We will not wait for a balloon to bring down an airliner before we act.", "Medininkai", "30 hours",
        ] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
        #expect(lines.first == TestPage.paragraphs[0])
    }

    @Test("a line break inside a paragraph is a line break, and inline markup joins words as written")
    func inlineMarkup() throws {
        let article = """
            <p>\(TestPage.paragraphs[0])</p><p>Border <b>guards</b> <i>said</i> the line<br>stays clos<span>ed</span>.</p>
            <p>\(TestPage.paragraphs[1])</p>
            """
        let text = try TestPage.extract(TestPage.page(article: article)).text
        #expect(text.contains("Border guards said the line\nstays closed."))
    }

    @Test("a custom element inside a paragraph does not split it")
    func customElementInline() throws {
        let article = TestPage.articleBody.replacingOccurrences(
            of: "in a statement.", with: "in a statement (<cite-source><a href=\"/s\">1</a></cite-source>).")
        let text = try TestPage.extract(TestPage.page(article: article)).text
        #expect(text.hasPrefix(TestPage.paragraphs[0].replacingOccurrences(of: "statement.", with: "statement (1).") + "\n"))
    }

    @Test("a page with no sentence of prose is still read, outside its furniture")
    func noProse() throws {
        let html = "<html><body>\(TestPage.navigation)<table><tr><td>Medininkai</td><td>30 h</td></tr><tr><td>Šumskas</td><td>4 h</td></tr></table></body></html>"
        #expect(try TestPage.extract(html).text == "Medininkai\n30 h\nŠumskas\n4 h")
    }

    @Test("a short feed fragment without boilerplate keeps all its paragraphs")
    func fragmentKeptWhole() throws {
        let fragment = "<p>Short one.</p><p>Another, shorter.</p><ul><li>a list item</li></ul><p><a href=\"/x\">A linked line</a></p>"
        let result = try MainTextExtractor().extract(decodedText: fragment)
        #expect(result.text == "Short one.\nAnother, shorter.\na list item\nA linked line")
        let article = try HTMLReader.read(decodedText: fragment, origin: "feed#item-1")
        #expect(article.text.hasPrefix("Short one.\nAnother, shorter."))
    }

    @Test("the HTML reader stores the article with its title line first")
    func readerStoresMainText() throws {
        let html = TestPage.page(before: TestPage.navigation, after: "<footer><p>© 2025 Baltic Desk. All rights reserved.</p></footer>")
        let article = try HTMLReader.read(Array(html.utf8), origin: "saved.html")
        #expect(article.text == ([TestPage.title] + TestPage.paragraphs).joined(separator: "\n"))
        #expect(article.metadata.title == TestPage.title)
    }
}

@Suite("Main text: boilerplate left out")
struct MainTextBoilerplateTests {
    /// Each kind of page furniture, with a sentence that must not reach the article.
    static let furniture: [(name: String, html: String, leak: String)] = [
        ("navigation menu", TestPage.navigation, "World news and analysis"),
        (
            "related links",
            """
            <div class="related-posts"><h3>Related</h3><ul>
            <li><a href="/a">Poland extends its border fence by another forty kilometres</a></li>
            <li><a href="/b">Latvia reports record number of crossing attempts this summer</a></li></ul></div>
            """, "Poland extends its border fence"
        ),
        (
            "comments",
            """
            <section id="comments" class="comments-area"><h2>3 comments</h2>
            <div class="comment-body"><p>Reader from Kaunas: this closure should have happened months ago, everyone living near the border knows the balloons come every night and nobody in Vilnius listened to us.</p></div></section>
            """, "Reader from Kaunas"
        ),
        (
            "cookie banner",
            """
            <div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience, measure our audience and show you relevant advertising. You can change your choice at any time in the privacy settings.</p><button>Accept all</button></div>
            """, "We use cookies"
        ),
        (
            "share buttons",
            """
            <div class="share-buttons"><a href="https://facebook.example/share">Share on Facebook</a> <a href="https://x.example/share">Share on X</a> <span>Share this article with your friends and colleagues today</span></div>
            """, "Share"
        ),
        (
            "author bio",
            """
            <div class="author-bio"><p>Rasa Vaitkutė covers the Baltic states and Belarus for Baltic Desk. She previously reported from Minsk for eight years and has written two books on border regions.</p></div>
            """, "Rasa Vaitkutė covers"
        ),
        (
            "newsletter box",
            """
            <div class="newsletter-signup"><h3>Get the Baltic briefing</h3><p>Sign up for our free morning newsletter, with the five stories you need to read from the region every weekday.</p><form><input type="email"><button>Subscribe</button></form></div>
            """, "morning newsletter"
        ),
        (
            "advertisement caption",
            """
            <div class="ad-container"><span class="ad-label">Advertisement</span><div id="dfp-slot-1"></div></div>
            """, "Advertisement"
        ),
        (
            "image caption",
            """
            <figure><img src="/queue.jpg" alt="Trucks"><figcaption>Trucks queue at the Medininkai crossing on Tuesday evening, waiting for the border to reopen. Photo: Baltic Desk</figcaption></figure>
            """, "Trucks queue"
        ),
        (
            "script, style and form",
            """
            <script>var message = "scripted text that must never show";</script><style>.x{content:"styled text"}</style>
            <form><label>Search the site for more reporting</label><input name="q"><button>Search</button></form>
            """, "scripted text"
        ),
        (
            "hidden elements",
            """
            <div style="display: none"><p>This paragraph is hidden from readers by its style and carries text nobody sees on the page at all.</p></div>
            <div hidden><p>This one is hidden by the attribute and is also far too long to pass as a label.</p></div>
            <p aria-hidden="true">Text hidden from assistive technology and visual readers alike here.</p>
            """, "hidden"
        ),
        (
            "site footer",
            """
            <footer><p>Baltic Desk is an independent newsroom based in Vilnius. We report on Lithuania, Latvia, Estonia and their neighbours. Contact us at desk@balticdesk.example.</p></footer>
            """, "independent newsroom"
        ),
    ]

    @Test("furniture around the article is not part of it", arguments: furniture.indices)
    func furnitureAround(index: Int) throws {
        let (name, html, leak) = Self.furniture[index]
        let result = try TestPage.extract(TestPage.page(before: html, after: html))
        #expect(!result.text.contains(leak), "\(name) leaked into the article")
        #expect(result.text == TestPage.paragraphs.joined(separator: "\n"), "\(name) cost article text")
    }

    @Test("furniture inside the article container is not part of it", arguments: furniture.indices)
    func furnitureInside(index: Int) throws {
        let (name, html, leak) = Self.furniture[index]
        let article = TestPage.paragraphs.prefix(2).map { "<p>\($0)</p>" }.joined() + html
            + TestPage.paragraphs.suffix(2).map { "<p>\($0)</p>" }.joined()
        let result = try TestPage.extract(TestPage.page(article: article))
        #expect(!result.text.contains(leak), "\(name) leaked into the article")
        #expect(result.text == TestPage.paragraphs.joined(separator: "\n"), "\(name) cost article text")
    }

    @Test("labels before the first sentence and advertisement labels are dropped")
    func labels() throws {
        let article = "<div>Vilnius, 12 March</div><p>Updated 14:05</p>" + TestPage.paragraphs.prefix(2).map { "<p>\($0)</p>" }.joined()
            + "<p>ADVERTISEMENT</p>" + TestPage.paragraphs.suffix(2).map { "<p>\($0)</p>" }.joined()
        #expect(try TestPage.extract(TestPage.page(article: article)).text == TestPage.paragraphs.joined(separator: "\n"))
    }

    @Test("the page's own title repeated at the top of the article is dropped")
    func titleRepeated() throws {
        let article = "<h2 class=\"headline\">\(TestPage.title)</h2>" + TestPage.articleBody
        let result = try TestPage.extract(TestPage.page(article: article))
        #expect(!result.text.contains(TestPage.title))
        #expect(result.text.hasPrefix(TestPage.paragraphs[0]))
    }

    @Test("a longer comment thread does not win over a short article")
    func commentsLongerThanArticle() throws {
        let comment = "<div class=\"comment\"><p>\(TestPage.paragraphs.joined(separator: " "))</p></div>"
        let page = TestPage.page(
            article: "<p>\(TestPage.paragraphs[0])</p>",
            after: "<div id=\"comments\">" + String(repeating: comment, count: 5) + "</div>")
        #expect(try TestPage.extract(page).text == TestPage.paragraphs[0])
    }
}

@Suite("Main text: metadata sources")
struct MainTextMetadataTests {
    @Test("JSON-LD NewsArticle gives title, authors, dates, site name and URL")
    func jsonLD() throws {
        let head = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Ignored"},
            {"@type":"NewsArticle","headline":"JSON-LD headline","datePublished":"2025-03-04T05:06:07+02:00",
            "dateModified":"2025-03-05T08:00:00Z","author":[{"@type":"Person","name":"Rasa Vaitkutė"},{"@type":"Person","name":"Jonas Petraitis"}],
            "publisher":{"@type":"Organization","name":"Baltic Desk"},"mainEntityOfPage":{"@id":"https://balticdesk.example/a/1"}}]}</script>
            """
        let m = try TestPage.extract(TestPage.page(head: head)).metadata
        #expect(m.title == "JSON-LD headline")
        #expect(m.authors == ["Rasa Vaitkutė", "Jonas Petraitis"])
        #expect(m.published?.isoString == "2025-03-04T05:06:07+02:00")
        #expect(m.modified?.isoString == "2025-03-05T08:00:00Z")
        #expect(m.outlet == "Baltic Desk")
        #expect(m.url == "https://balticdesk.example/a/1")
    }

    @Test("OpenGraph and article:* meta tags")
    func openGraph() throws {
        let head = """
            <meta property="og:title" content="OpenGraph headline"><meta property="og:site_name" content="Baltic Desk">
            <meta property="og:url" content="https://balticdesk.example/og"><meta property="article:published_time" content="2025-01-02T03:04:05Z">
            <meta property="article:modified_time" content="2025-01-03"><meta property="article:author" content="Rasa Vaitkutė">
            <meta property="og:locale" content="lt_LT">
            """
        let html = TestPage.page(head: head).replacingOccurrences(of: "<html lang=\"en\">", with: "<html>")
        let m = try TestPage.extract(html).metadata
        #expect(m.title == "OpenGraph headline")
        #expect(m.outlet == "Baltic Desk")
        #expect(m.url == "https://balticdesk.example/og")
        #expect(m.published?.isoString == "2025-01-02T03:04:05Z")
        #expect(m.modified?.isoDate == "2025-01-03")
        #expect(m.authors == ["Rasa Vaitkutė"])
        #expect(m.language == "lt-LT")
    }

    @Test("plain meta tags: author, date, and the canonical link")
    func metaTags() throws {
        let head = """
            <meta name="author" content="Jonas Petraitis"><meta name="date" content="2024-11-28">
            <link rel="canonical" href="https://balticdesk.example/canonical?utm_source=feed">
            """
        let m = try TestPage.extract(TestPage.page(head: head)).metadata
        #expect(m.authors == ["Jonas Petraitis"])
        #expect(m.published?.isoDate == "2024-11-28")
        #expect(m.url == "https://balticdesk.example/canonical")
        #expect(m.language == "en")
    }

    @Test("a <time datetime> marked as the publication date and a byline in the page")
    func timeAndByline() throws {
        let before = """
            <div class="article-meta"><span class="byline">By <a rel="author" href="/rasa">Rasa Vaitkutė</a></span>
            <time datetime="2025-02-01T09:00:00+02:00" itemprop="datePublished">1 February 2025</time></div>
            """
        let m = try TestPage.extract(TestPage.page(before: before)).metadata
        #expect(m.authors == ["Rasa Vaitkutė"])
        #expect(m.published?.isoString == "2025-02-01T09:00:00+02:00")
    }

    @Test("the <title> without its site suffix, and a date from the URL")
    func titleAndURLDate() throws {
        let html = TestPage.page().replacingOccurrences(of: "<h1>\(TestPage.title)</h1>", with: "")
        let m = try TestPage.extract(html, url: "https://balticdesk.example/2025/04/02/crossings-shut").metadata
        #expect(m.title == TestPage.title)
        #expect(m.published?.isoDate == "2025-04-02")
        #expect(m.url == "https://balticdesk.example/2025/04/02/crossings-shut")
    }

    @Test("character references a CMS left in JSON-LD are decoded, and a byline's date is no author")
    func cleanedValues() throws {
        let head = """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"&#8216;Closed&#8217; &amp; guarded: the border at night",
            "publisher":{"name":"Baltic &amp; Nordic Desk"}}</script>
            """
        let before = "<p class=\"byline\">By Rasa Vaitkutė | November 18, 2025</p>"
        let m = try TestPage.extract(TestPage.page(head: head, before: before)).metadata
        #expect(m.title == "‘Closed’ & guarded: the border at night")
        #expect(m.outlet == "Baltic & Nordic Desk")
        #expect(m.authors == ["Rasa Vaitkutė"])
    }

    @Test("the language is guessed from the text when the page does not say")
    func languageGuessed() throws {
        let html = TestPage.page().replacingOccurrences(of: "<html lang=\"en\">", with: "<html>")
        #expect(try TestPage.extract(html).metadata.language == "en")
    }

    @Test("the order of preference: JSON-LD over OpenGraph over meta over the page")
    func preference() throws {
        let head = """
            <meta name="title" content="Meta title"><meta property="og:title" content="OpenGraph title">
            <meta name="date" content="2020-01-01"><meta property="article:published_time" content="2021-01-01">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"JSON-LD title","datePublished":"2022-01-01"}</script>
            """
        let before = "<time datetime=\"2019-01-01\" pubdate>1 January 2019</time>"
        let m = try TestPage.extract(TestPage.page(head: head, before: before)).metadata
        #expect(m.title == "JSON-LD title")
        #expect(m.published?.isoDate == "2022-01-01")
        let withoutLD = try TestPage.extract(TestPage.page(head: head.replacingOccurrences(of: "JSON-LD", with: "x").replacingOccurrences(of: "ld+json", with: "x"), before: before)).metadata
        #expect(withoutLD.title == "OpenGraph title")
        #expect(withoutLD.published?.isoDate == "2021-01-01")
    }

    @Test("the demo pages keep their metadata", arguments: [
        ("sanctions-brief.html", "EU readies sanctions on Belarusian fuel traders accused of supplying Russian army", "Daniel Okafor", "2025-04-02T08:15:00Z"),
        ("airspace-cp1252.html", "Balloons from Belarus close Vilnius airport for the third night this week", "Hélène Dusart", "2024-11-28"),
    ])
    func demoPages(file: String, title: String, author: String, published: String) throws {
        let url = TestPaths.repository.appendingPathComponent("Sources/FaultlineSamples/Resources/demo/html/\(file)")
        let article = try HTMLReader.read(Array(try Data(contentsOf: url)), origin: file)
        #expect(article.metadata.title == title)
        #expect(article.metadata.authors == [author])
        #expect(article.metadata.published?.isoString == published)
        #expect(article.text.hasPrefix(title + "\n"))
        for furniture in ["cookie", "Subscribe", "Share", "comment"] {
            #expect(!article.text.lowercased().contains(furniture.lowercased()) || file != "sanctions-brief.html", "\(furniture)")
        }
    }
}

@Suite("Main text: hostile input")
struct MainTextHostileTests {
    @Test("a 50 MiB page is read in bounded time, or refused clearly over the limit")
    func hugePage() throws {
        // Most of a page this size is inline script or data (bundles, base64 images).
        let parts = TestPage.page(before: "<script>var data = \"@@\";</script>").components(separatedBy: "@@")
        var bytes = Array(parts[0].utf8)
        bytes.append(contentsOf: [UInt8](repeating: UInt8(ascii: "A"), count: 50 << 20))
        bytes.append(contentsOf: Array(parts[1].utf8))
        let page = try MainTextExtractor().extract(html: bytes)
        #expect(page.text.hasPrefix(TestPage.paragraphs[0]))
        #expect(!page.text.contains("AAAA"))

        #expect(throws: IngestFailure.self) { try MainTextExtractor(maxBytes: 20 << 20).extract(html: bytes) }
        do {
            _ = try MainTextExtractor(maxBytes: 20 << 20).extract(html: bytes, origin: "big.html")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.description.contains("big.html"))
        }
    }

    @Test("100,000 nested divs neither overflow the stack nor lose the article after them")
    func deepNesting() throws {
        let deep = String(repeating: "<div>", count: 100_000) + "<p>deep</p>" + String(repeating: "</div>", count: 100_000)
        let result = try TestPage.extract(TestPage.page(before: deep))
        #expect(result.text == TestPage.paragraphs.joined(separator: "\n"))
        let unclosed = try TestPage.extract(TestPage.page(before: String(repeating: "<div><span>", count: 100_000)))
        #expect(unclosed.text.contains(TestPage.paragraphs[3]))
    }

    @Test("broken markup is read as a browser would", arguments: [
        "<p>\(TestPage.paragraphs[0])<p>\(TestPage.paragraphs[1])<p>\(TestPage.paragraphs[2])<p>\(TestPage.paragraphs[3])",
        "<div><p>\(TestPage.paragraphs[0])</div></span></p><b><i>\(TestPage.paragraphs[1])</b></i><p>\(TestPage.paragraphs[2])</p></td></tr><p>\(TestPage.paragraphs[3])",
        TestPage.articleBody + "<p class=\"unterminated",
        TestPage.articleBody + "<!-- a comment that never ends <p>hidden</p>",
        TestPage.articleBody + "<script>document.write('<p>not text</p>')",
    ])
    func brokenMarkup(article: String) throws {
        let text = try TestPage.extract(TestPage.page(article: article)).text
        for paragraph in TestPage.paragraphs { #expect(text.contains(paragraph)) }
        #expect(!text.contains("not text"))
    }

    @Test("a wrong declared charset: UTF-8 declared as windows-1251 is read as UTF-8, with a warning")
    func wrongCharsetDeclared() throws {
        let html = TestPage.page(head: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">")
            .replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
        let result = try TestPage.extract(html)
        #expect(result.text.contains("Šalčininkai"))
        #expect(result.warnings.contains { $0.contains("windows-1251") })
    }

    @Test("a page declared UTF-8 that is Windows-1252 is read as Windows-1252, with a warning")
    func wrongCharsetUndeclared() throws {
        var bytes = Array(TestPage.page().replacingOccurrences(of: "Šalčininkai", with: "Salcininkai").utf8)
        let marker = Array("Minsk rejected".utf8)
        let at = bytes.firstRange(of: marker)!.lowerBound
        bytes.replaceSubrange(at..<(at + 5), with: [0x4D, 0xEE, 0x6E, 0x73, 0x6B])  // "Mînsk" in Windows-1252
        let result = try MainTextExtractor().extract(html: bytes)
        #expect(result.text.contains("Mînsk rejected"))
        #expect(!result.warnings.isEmpty)
    }

    @Test("an entity bomb in an XML-ish internal subset is neither expanded nor shown")
    func entityBomb() throws {
        var declarations = "<!ENTITY a0 \"lollollollollollollollollollol\">\n"
        for level in 1...9 {
            declarations += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">\n"
        }
        let html = TestPage.page(article: TestPage.articleBody + "<p>&a9;</p>")
            .replacingOccurrences(of: "<!DOCTYPE html>", with: "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n\(declarations)]>")
        let result = try TestPage.extract(html)
        #expect(result.text.hasPrefix(TestPage.paragraphs.joined(separator: "\n")))
        #expect(!result.text.contains("lollol"))
        #expect(!result.text.contains("ENTITY"))
        #expect(result.text.utf8.count < 4096)
        #expect(result.warnings.contains { $0.contains("internal subset") })
    }

    @Test("input that is no page at all is a clear error or an empty article, never a crash", arguments: [
        "", "   ", "<", "<html>", "<<<>>>", "\u{0}\u{1}\u{2}", "<p>", "&#0;&#xFFFFFFFF;&bogus;",
    ])
    func degenerate(input: String) {
        let result = Result { try MainTextExtractor().extract(html: Array(input.utf8)) }
        if case .success(let page) = result { #expect(page.text.count < 64) }
    }
}

@Suite("Main text: class and id names")
struct MainTextClassHintTests {
    @Test("names lean to content or to furniture as a reader would expect", arguments: [
        ("article__body", 1), ("article-body", 1), ("articleBody", 1), ("entry-content sharing-on", 1),
        ("comment-content", -1), ("related-posts", -1), ("share-buttons", -1), ("cookie-banner", -1),
        ("ad-slot", -1), ("head", 0), ("download", 0), ("field-label-hidden", 0), ("hidden", -1),
        ("main-content has-sidebar", 1), ("newsletter-signup", -1), ("author-bio", -1),
    ])
    func leaning(name: String, sign: Int) {
        let weight = ClassHints.shared.score(name).weight
        #expect(weight.signum() == sign, "\(name) weighs \(weight)")
    }

    @Test("byline names are recognised for the metadata", arguments: ["byline", "article-author", "author_name"])
    func byline(name: String) {
        #expect(ClassHints.shared.score(name).byline)
    }
}
