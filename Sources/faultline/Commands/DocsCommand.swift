import ArgumentParser
import FaultlineStore

struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "List stored documents: id, date, outlet, authors, title.")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Published on or after this date (2024, 2024-06 or 2024-06-30).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Published on or before this date (a year or month covers all of it).", valueName: "date"))
    var until: String?

    @Option(help: "Only this outlet (case does not matter).")
    var outlet: String?

    @Flag(help: "Leave out near-duplicates of earlier documents.")
    var unique = false

    @Option(help: "At most this many rows.")
    var limit: Int?

    @Flag(help: "Print JSON Lines, one document a line.")
    var json = false

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !DateFilter.isValid(value) {
                throw ValidationError("\(name) takes YYYY, YYYY-MM or YYYY-MM-DD, not \"\(value)\"")
            }
        }
    }

    func run() throws {
        let rows = try store.open().documents(
            DocumentQuery(since: since, until: until, outlet: outlet, uniqueOnly: unique, limit: limit))
        if json {
            for row in rows { print(JSONOutput.line(row)) }
            return
        }
        var table = TextTable(columns: ["ID", "DATE", "OUTLET", "AUTHORS", "TITLE"])
        for row in rows {
            let title = (row.duplicateOf != nil ? "(dup of \(row.duplicateOf!.prefix(8))) " : "") + (row.title ?? "—")
            table.add([row.id, row.published ?? "—", row.outlet ?? "—", row.authors.joined(separator: ", "), title])
        }
        print(table.render(widths: [16, 10, 22, 30, 60]), terminator: "")
        print("\(rows.count) document\(rows.count == 1 ? "" : "s")")
    }
}

enum DateFilter {
    static func isValid(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) } && parts.dropFirst().allSatisfy { $0.count == 2 }
    }
}
