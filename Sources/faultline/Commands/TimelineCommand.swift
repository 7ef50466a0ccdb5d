import ArgumentParser
import FaultlineStore
import Foundation

/// `faultline timeline ACTOR`: an actor's events by date and month, the analyst's view of how
/// its relations trend.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "An actor's events by date, as source and target, with counts and mean Goldstein value per month.",
        discussion: """
            ACTOR is a knowledge-base id (country:blr), a CAMEO code prefix (BLR) or a known name (Belarus).
            --with OTHER keeps the events between the two, in either direction (a dyad). The Goldstein scale
            runs from -10 (most conflictual) to +10 (most cooperative); quad classes count verbal and material
            cooperation and conflict. Events dated only to a year are counted under the year.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The actor.")
    var actor: String

    @Option(name: .customLong("with"), help: ArgumentHelp("Only events between ACTOR and this actor.", valueName: "actor"))
    var other: String?

    @Option(help: "asserted, reported, alleged, unconfirmed, denied, hypothetical or negated.")
    var status: String?

    @Option(help: ArgumentHelp("Events dated on or after this day.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Events dated on or before this day.", valueName: "date"))
    var until: String?

    @Flag(help: "Only the monthly counts, not the events.")
    var summary = false

    @Flag(help: "Print the months as JSON Lines.")
    var json = false

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !DateFilter.isValid(value) {
                throw ValidationError("\(name) takes YYYY, YYYY-MM or YYYY-MM-DD, not \"\(value)\"")
            }
        }
        if let status, !EventFilterOptions.statuses.contains(status.lowercased()) {
            throw ValidationError("--status is one of \(EventFilterOptions.statuses.joined(separator: ", ")), not \"\(status)\"")
        }
    }

    func run() throws {
        let opened = try store.open()
        let knowledge = LazyKnowledge()
        var query = EventQuery()
        query.actor = try ActorArgument.filter(actor, knowledge: knowledge.get)
        query.counterpart = try other.map { try ActorArgument.filter($0, knowledge: knowledge.get) }
        query.status = status
        query.since = since
        query.until = until
        let months = try opened.monthlyTrend(query)
        if json {
            for month in months { print(JSONOutput.line(month)) }
            return
        }
        if !summary {
            let events = try opened.events(query)
            print("== Events of \(actor)\(other.map { " with \($0)" } ?? "") (\(events.count))")
            print(EventTable.render(events), terminator: "")
            print("")
        }
        print("== By month")
        var table = TextTable(columns: ["MONTH", "EVENTS", "AS SOURCE", "AS TARGET", "GOLDSTEIN", "V.COOP", "M.COOP", "V.CONF", "M.CONF", ""])
        for m in months {
            table.add([
                m.period, String(m.events), String(m.asSource), String(m.asTarget), String(format: "%+.2f", m.meanGoldstein),
                String(m.verbalCooperation), String(m.materialCooperation), String(m.verbalConflict), String(m.materialConflict),
                Self.bar(m.meanGoldstein),
            ])
        }
        print(table.render(widths: [9, 6, 9, 9, 9, 6, 6, 6, 6, 21]), terminator: "")
    }

    /// A bar from the middle: left for conflict, right for cooperation, one mark per unit.
    static func bar(_ goldstein: Double) -> String {
        let marks = min(10, Int((abs(goldstein)).rounded()))
        let left = goldstein < 0 ? String(repeating: " ", count: 10 - marks) + String(repeating: "◀", count: marks) : String(repeating: " ", count: 10)
        let right = goldstein > 0 ? String(repeating: "▶", count: marks) : ""
        return left + "|" + right
    }
}
