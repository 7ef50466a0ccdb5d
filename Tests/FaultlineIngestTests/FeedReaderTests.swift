import FaultlineIngest
import Foundation
import FaultlineModel
import Testing

@Suite("RSS and Atom feeds")
struct FeedReaderTests {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Regional Desk</title><link>https://desk.example/</link>
        <item><title>First item</title><link>https://desk.example/1</link>
          <pubDate>Wed, 04 Dec 2024 17:05:00 +0000</pubDate><dc:creator>Agnieszka Ramel</dc:creator>
          <description>Short summary.</description>
          <content:encoded><![CDATA[<p>First paragraph.</p><p>Second paragraph.</p>]]></content:encoded></item>
        <item><title>Second item</title><link>https://desk.example/2</link>
          <author>desk@example.org (Oleksiy Marchuk)</author>
          <description>&lt;p&gt;Escaped &amp;amp; HTML.&lt;/p&gt;</description></item>
        BROKEN
        <item><title>Third item</title><link>https://desk.example/3</link><description>Plain words.</description></item>
        </channel></rss>
        """

    @Test("each RSS item is an article with title, link, date, author and content")
    func rssItems() {
        let result = FeedReader.read(Array(Self.rss.replacingOccurrences(of: "BROKEN", with: "").utf8), origin: "desk.rss")
        #expect(result.failures.isEmpty)
        #expect(result.articles.count == 3)
        let first = result.articles[0]
        #expect(first.origin == "desk.rss#item-1")
        #expect(first.format == .rss)
        #expect(first.metadata.title == "First item")
        #expect(first.metadata.url == "https://desk.example/1")
        #expect(first.metadata.published?.isoString == "2024-12-04T17:05:00Z")
        #expect(first.metadata.authors == ["Agnieszka Ramel"])
        #expect(first.metadata.outlet == "Regional Desk")
        #expect(first.text == "First item\nFirst paragraph.\nSecond paragraph.")
        #expect(result.articles[1].metadata.authors == ["Oleksiy Marchuk"])
        #expect(result.articles[1].text == "Second item\nEscaped & HTML.")
    }

    @Test("Atom entries are read with their alternate link, dates and escaped HTML content")
    func atomEntries() {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Policy Notes</title>
            <entry><id>tag:x,2025:1</id><title>A note</title>
              <link rel="alternate" href="https://notes.example/a"/><link rel="self" href="https://notes.example/a.xml"/>
              <published>2025-02-10T12:00:00+02:00</published><updated>2025-02-11T08:45:00+02:00</updated>
              <author><name>Sofia Lindqvist</name></author>
              <content type="html">&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</content></entry>
            </feed>
            """
        let result = FeedReader.read(Array(atom.utf8), origin: "notes.atom")
        #expect(result.articles.count == 1)
        let entry = result.articles[0]
        #expect(entry.format == .atom)
        #expect(entry.metadata.url == "https://notes.example/a")
        #expect(entry.metadata.published?.isoString == "2025-02-10T12:00:00+02:00")
        #expect(entry.metadata.modified?.isoString == "2025-02-11T08:45:00+02:00")
        #expect(entry.metadata.authors == ["Sofia Lindqvist"])
        #expect(entry.metadata.outlet == "Policy Notes")
        #expect(entry.text == "A note\nOne.\nTwo.")
    }

    @Test("a feed with one broken item keeps the others and names the broken one")
    func brokenItem() {
        let broken = Self.rss.replacingOccurrences(of: "BROKEN", with: "<item><title>Bad & worse</title><description>x</item>")
        let result = FeedReader.read(Array(broken.utf8), origin: "desk.rss")
        #expect(result.articles.map(\.metadata.title) == ["First item", "Second item", "Third item"])
        #expect(result.failures.count == 1)
        #expect(result.failures[0].origin == "desk.rss#item-3")
        #expect(result.failures[0].code == .malformedXML)
        #expect(result.failures[0].message.contains("line"))
    }

    @Test("malformed XML with no readable item is a clear error")
    func malformed() {
        let result = FeedReader.read(Array("<rss><channel><title>x</title><oops".utf8), origin: "bad.xml")
        #expect(result.articles.isEmpty)
        #expect(result.failures.first?.code == .malformedXML)
        #expect(result.failures.first?.origin == "bad.xml")
    }

    @Test("an entity bomb is not expanded")
    func entityBomb() {
        var entities = "<!ENTITY a0 \"boom\">"
        for i in 1...10 { entities += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(entities)]><rss><channel><title>t</title><item><title>Bomb</title><description>&a10;</description></item></channel></rss>"
        let result = FeedReader.read(Array(xml.utf8), origin: "bomb.rss")
        let size = result.articles.map(\.text.utf8.count).reduce(0, +)
        #expect(size < 10_000)
    }
}
