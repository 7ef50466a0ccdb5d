import ArgumentParser
import FaultlineStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over titles and texts, best match first, with snippets.",
        discussion: """
            Every word must occur (trains also finds train); "quoted words" must occur as a phrase.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "What to look for.")
    var query: [String]

    @Option(help: "At most this many results.")
    var limit = 10

    @Flag(help: "Print JSON Lines, one result a line.")
    var json = false

    func run() throws {
        let hits = try store.open().search(query.joined(separator: " "), limit: limit)
        if json {
            for hit in hits { print(JSONOutput.line(hit)) }
            return
        }
        if hits.isEmpty { print("No document matches.") }
        for (index, hit) in hits.enumerated() {
            print("\(index + 1). \(hit.id)  \(hit.published ?? "—")  \(hit.outlet ?? "—")  \(hit.title ?? "—")")
            print("   \(hit.snippet)")
        }
    }
}
