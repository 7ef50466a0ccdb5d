import ArgumentParser
import FaultlineModel
import FaultlineSamples
import FaultlineStore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Ingest the bundled sample corpus into a fresh store and show what it holds.",
        discussion: """
            The sample corpus (plain text, saved pages, an RSS and an Atom feed, JSON Lines) was
            written by the Faultline team; every incident, outlet and person in it is invented.
            """)

    @Option(name: .long, help: ArgumentHelp("The demo store, created anew.", valueName: "path"))
    var db = "faultline-demo.db"

    func run() throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let store = try SQLiteStore(path: db)
        let corpus = SampleCorpus.directory.path
        var options = Ingestor.Options()
        options.originRewrite = { origin in
            origin.hasPrefix(corpus) ? "demo" + origin.dropFirst(corpus.count) : origin
        }
        // The format folders, not the corpus's README.
        let folders = ["txt", "html", "feeds", "jsonl"].map { corpus + "/" + $0 }
        let summary = try Ingestor(store: store, options: options).run(paths: folders)
        print("== Ingest")
        SummaryPrinter.print(summary, store: db)

        print("\n== Documents (faultline docs --db \(db))")
        var table = TextTable(columns: ["ID", "DATE", "FORMAT", "OUTLET", "AUTHORS", "TITLE"])
        for row in try store.documents() {
            let title = (row.duplicateOf.map { "(near-duplicate of \($0.prefix(8))) " } ?? "") + (row.title ?? "—")
            table.add([row.id, row.published ?? "—", row.format.rawValue, row.outlet ?? "—", row.authors.joined(separator: ", "), title])
        }
        print(table.render(widths: [16, 10, 6, 22, 28, 56]), terminator: "")

        let query = "border drones"
        print("\n== Search (faultline search --db \(db) \"\(query)\")")
        for (index, hit) in try store.search(query, limit: 3).enumerated() {
            print("\(index + 1). \(hit.id)  \(hit.title ?? "—")")
            print("   \(hit.snippet)")
        }
        let events = try store.events()
        print("\n== Events (faultline events --db \(db)): \(events.count), the first 12")
        print(EventTable.render(Array(events.prefix(12))), terminator: "")

        let claims = try store.claims()
        print("\n== Claims (faultline claims --db \(db)): \(claims.count), the first 8")
        print(ClaimTable.render(Array(claims.prefix(8))), terminator: "")
        print("\nNext: faultline show --db \(db) ID · faultline events --db \(db) --format csv · faultline ingest YOUR-FOLDER · faultline --help")
    }
}
