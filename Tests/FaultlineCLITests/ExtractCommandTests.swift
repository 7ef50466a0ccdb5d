import FaultlineTestSupport
import Foundation
import Testing

/// `faultline extract`, run as a separate process on pages written here.
@Suite("The extract command")
struct ExtractCommandTests {
    struct Page: Decodable {
        var id: String
        var articleBody: String
        var title: String?
        var authors: [String]
        var published: String?
        var modified: String?
        var site_name: String?
        var url: String?
        var language: String?
    }

    static let paragraph = "Estonia's defence ministry said on Monday that it would buy six more mobile radars to watch the airspace over Lake Peipus, after drones were seen crossing from Russia twice in a week."

    static let page = """
        <html lang="et"><head><title>Estonia buys radars | Tallinn Desk</title>
        <meta property="og:site_name" content="Tallinn Desk"><meta name="author" content="Kadri Tamm">
        <link rel="canonical" href="https://tallinndesk.example/2025/06/02/radars"></head>
        <body><nav><a href="/">Home</a> <a href="/defence">Defence and security news</a></nav>
        <article><h1>Estonia buys radars</h1><p>\(paragraph)</p></article>
        <footer><p>Tallinn Desk, Narva mnt 5, Tallinn. All rights reserved.</p></footer></body></html>
        """

    @Test("extract --json prints one JSON line per page with id, articleBody and the metadata fields")
    func json() throws {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("extract")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = folder.appendingPathComponent("pages/nested")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try Self.page.write(to: pages.appendingPathComponent("radars.html"), atomically: true, encoding: .utf8)
        try "not a page".write(to: pages.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

        let output = try cli.run(["extract", "pages", "--json"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let page = try JSONDecoder().decode(Page.self, from: Data(try #require(lines.first).utf8))
        #expect(page.id == "radars")
        #expect(page.articleBody == Self.paragraph)
        #expect(page.title == "Estonia buys radars")
        #expect(page.authors == ["Kadri Tamm"])
        #expect(page.published == "2025-06-02")
        #expect(page.modified == nil)
        #expect(page.site_name == "Tallinn Desk")
        #expect(page.url == "https://tallinndesk.example/2025/06/02/radars")
        #expect(page.language == "et")
        #expect(lines.first?.contains("\"modified\":null") == true)
    }

    @Test("extract names each page it cannot read and exits 1, printing the others")
    func failures() throws {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("extract")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.page.write(to: folder.appendingPathComponent("good.htm"), atomically: true, encoding: .utf8)
        try Data([0x1F, 0x8B, 0x08, 0x00]).write(to: folder.appendingPathComponent("broken.html.gz"))
        let output = try cli.run(["extract", "good.htm", "broken.html.gz", "missing.html"], in: folder)
        #expect(output.status == 1)
        #expect(output.stdout.contains(Self.paragraph))
        #expect(output.stdout.contains("== good"))
        #expect(output.stderr.contains("broken.html.gz: "))
        #expect(output.stderr.contains("missing.html: "))
    }
}
