import FaultlineIngest
import FaultlineModel
import FaultlineStore
import FaultlineTestSupport
import Foundation
import Testing

/// Ingesting saved pages stores their main text, not everything the page shows.
@Suite("Main text: ingest")
struct MainTextIngestTests {
    static let paragraphs = [
        "Latvia's parliament voted on Thursday to extend the state of emergency along the border with Belarus by another six months, citing continued attempts to cross the frontier outside official checkpoints.",
        "The interior minister told deputies that border guards had recorded more than 2,000 attempts since January, most of them at night and in groups of ten to forty people guided from the Belarusian side.",
        "Opposition deputies supported the extension but asked the government to publish monthly figures on pushbacks and on the treatment of people detained near the fence.",
    ]

    static let page = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Latvia extends border emergency | Riga Desk</title>
        <meta property="og:title" content="Latvia extends border emergency by six months"></head>
        <body><nav><a href="/">Home</a> <a href="/politics">Politics and parliament coverage</a></nav>
        <div class="cookie-banner"><p>We use cookies to measure our audience and to show you relevant advertising across our sites and apps.</p></div>
        <main><article><h1>Latvia extends border emergency by six months</h1>
        \(paragraphs.map { "<p>\($0)</p>" }.joined())
        <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>
        </article>
        <aside class="related"><h3>Related</h3><a href="/x">Lithuania builds a second fence line along its border with Belarus, officials say</a></aside></main>
        <footer><p>Riga Desk is an independent newsroom. Copyright 2025, all rights reserved by its owners.</p></footer></body></html>
        """

    @Test("ingesting a folder of saved pages stores the extracted main text, not the page text")
    func storesMainText() throws {
        let folder = try TestPaths.temporaryFolder("faultline-maintext")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try Self.page.write(to: pages.appendingPathComponent("latvia.html"), atomically: true, encoding: .utf8)

        let store = try SQLiteStore(path: folder.appendingPathComponent("test.db").path)
        var options = Ingestor.Options()
        options.jobs = 1
        let summary = try Ingestor(store: store, options: options, models: try SharedModels.get()).run(paths: [pages.path])
        #expect(summary.new == 1)
        let id = try #require(summary.newIDs.first)
        let document = try #require(try store.document(idOrPrefix: id))
        #expect(document.text == (["Latvia extends border emergency by six months"] + Self.paragraphs).joined(separator: "\n"))
        for furniture in ["cookies", "Share", "Related", "Lithuania builds", "Copyright", "Politics and parliament"] {
            #expect(!document.text.contains(furniture), "\(furniture) was stored")
        }
    }
}
