import FaultlineIngest
import FaultlineModel
import Testing

@Suite("Saved web pages")
struct HTMLReaderTests {
    func read(_ html: String) throws -> Article {
        try HTMLReader.read(Array(html.utf8), origin: "page.html")
    }

    @Test("JSON-LD NewsArticle is the first source of metadata")
    func jsonLD() throws {
        let article = try read(
            """
            <html lang="en-GB"><head><title>Wrong | Site</title>
            <meta property="og:title" content="OpenGraph title">
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
             {"@type":"NewsArticle","headline":"Border guards report laser attacks",
              "datePublished":"2024-12-04T17:05:00+00:00","dateModified":"2024-12-05T08:00:00+00:00",
              "author":[{"@type":"Person","name":"Agnieszka Ramel"},{"@type":"Person","name":"Jan Kos"}],
              "publisher":{"@type":"Organization","name":"Regional Desk"},
              "mainEntityOfPage":{"@id":"https://desk.example/2024/12/04/lasers"}}]}
            </script></head><body><p>Polish border guards said patrols were targeted with lasers.</p></body></html>
            """)
        #expect(article.metadata.title == "Border guards report laser attacks")
        #expect(article.metadata.authors == ["Agnieszka Ramel", "Jan Kos"])
        #expect(article.metadata.published?.isoString == "2024-12-04T17:05:00Z")
        #expect(article.metadata.modified?.isoDate == "2024-12-05")
        #expect(article.metadata.outlet == "Regional Desk")
        #expect(article.metadata.url == "https://desk.example/2024/12/04/lasers")
        #expect(article.metadata.language == "en-GB")
    }

    @Test("OpenGraph and article: meta are used when there is no JSON-LD")
    func openGraph() throws {
        let article = try read(
            """
            <html><head><title>Headline here | Meridian Wire</title>
            <meta property="og:title" content="Headline here"><meta property="og:site_name" content="Meridian Wire">
            <meta property="article:published_time" content="2025-04-02T08:15:00Z">
            <meta property="article:author" content="Daniel Okafor">
            <meta property="og:url" content="https://meridian.example/a?utm_source=x#top">
            <meta property="og:locale" content="en_US"></head>
            <body><article><p>Text of the article.</p></article></body></html>
            """)
        #expect(article.metadata.title == "Headline here")
        #expect(article.metadata.outlet == "Meridian Wire")
        #expect(article.metadata.authors == ["Daniel Okafor"])
        #expect(article.metadata.published?.isoDate == "2025-04-02")
        #expect(article.metadata.url == "https://meridian.example/a")
        #expect(article.metadata.language == "en-US")
        #expect(article.text == "Headline here\nText of the article.")
    }

    @Test("plain meta, <time datetime> and a byline fill in when nothing better is there")
    func fallbacks() throws {
        let article = try read(
            """
            <html><head><title>Balloons close Vilnius airport | Some Site</title></head>
            <body><p class="byline">By Hélène Dusart and Tom Berg</p>
            <time datetime="2024-11-28T21:00:00+01:00">28 November</time>
            <p>Airport operations were halted for the third night.</p></body></html>
            """)
        #expect(article.metadata.title == "Balloons close Vilnius airport")
        #expect(article.metadata.authors == ["Hélène Dusart", "Tom Berg"])
        #expect(article.metadata.published?.isoString == "2024-11-28T21:00:00+01:00")
    }

    @Test("the declared charset of a page is honoured")
    func declaredCharset() throws {
        let head = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>".utf8)
        let bytes = head + [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94] + Array("</p></body></html>".utf8)
        let article = try HTMLReader.read(bytes, origin: "cp1252.html")
        #expect(article.text == "“Café”")
    }

    @Test("scripts, styles, navigation, forms and hidden elements are not text")
    func invisible() throws {
        let article = try read(
            """
            <html><body><nav>Home World</nav><script>var x = 1;</script><style>p{}</style>
            <div hidden>secret</div><div style="display: none">gone</div><form>Subscribe</form>
            <p>Visible paragraph.</p><footer>Footer</footer></body></html>
            """)
        #expect(article.text == "Visible paragraph.")
    }

    @Test("a page without text is an error that names it")
    func noText() {
        #expect(throws: IngestFailure.self) { try read("<html><head><title></title></head><body><script>x</script></body></html>") }
    }
}
