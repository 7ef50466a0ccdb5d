import ArgumentParser
import FaultlineKnowledge
import FaultlineStore
import Foundation

/// `faultline events`: the stored events, filtered, as a table or an export.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List stored events: who did what to whom, when, where, how sure, and the sentence that says so.",
        discussion: """
            Actors are given as a knowledge-base id (country:blr), a CAMEO code or prefix (BLR, BLRMIL), or a
            name the knowledge base knows (Belarus, Lukashenko); a country's name also matches every code under
            it. Dates match when the days an event's date covers overlap the range. Rows come in event-date
            order, undated last. --format jsonl and csv carry the document id, sentence index and spans
            (Unicode scalar offsets into the document text); gdelt prints GDELT 2.0 event rows.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: EventFilterOptions

    @Option(help: "Only documents with this id or id prefix.")
    var document: String?

    @Option(help: "At most this many rows.")
    var limit: Int?

    @Option(help: "table, csv, jsonl or gdelt.")
    var format: ExportFormat = .table

    func validate() throws { try filters.validate() }

    func run() throws {
        let opened = try store.open()
        let knowledge = LazyKnowledge()
        var query = try filters.query(knowledge: knowledge)
        query.document = document
        query.limit = limit
        let events = try opened.events(query)
        switch format {
        case .jsonl:
            for e in events { print(EventExport.record(e).jsonLine) }
        case .csv:
            print(CSV.line(EventExport.header), terminator: CSV.lineBreak)
            for e in events { print(EventExport.record(e).csvLine, terminator: CSV.lineBreak) }
        case .gdelt:
            let gdelt = try GDELTPlaces.exporter(for: events, knowledge: knowledge.get())
            for e in events { print(gdelt.line(e)) }
        case .table:
            print(EventTable.render(events), terminator: "")
            print("\(events.count) event\(events.count == 1 ? "" : "s")")
            let outdated = try opened.outdatedExtractionCount()
            if outdated > 0 {
                FileHandle.standardError.write(
                    Data("faultline: \(outdated) documents were not extracted by this version; run `faultline reextract --outdated`\n".utf8))
            }
        }
    }
}

/// The filters `events` and `timeline` share.
struct EventFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Events with this actor as source or target (id, CAMEO code prefix or name).", valueName: "actor"))
    var actor: String?

    @Option(help: ArgumentHelp("Events with this source.", valueName: "actor"))
    var source: String?

    @Option(help: ArgumentHelp("Events with this target.", valueName: "actor"))
    var target: String?

    @Option(help: "A CAMEO event code or its prefix (19, 190, 1831).")
    var code: String?

    @Option(help: "A two-digit CAMEO root (19 is fight).")
    var root: String?

    @Option(help: "asserted, reported, alleged, unconfirmed, denied, hypothetical or negated.")
    var status: String?

    @Option(help: ArgumentHelp("Events dated on or after this day (2024, 2024-06 or 2024-06-30).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Events dated on or before this day (a year or month covers all of it).", valueName: "date"))
    var until: String?

    @Option(help: "A gazetteer id, a place name or an ISO country code (BY).")
    var place: String?

    static let statuses = ["asserted", "reported", "alleged", "unconfirmed", "denied", "hypothetical", "negated"]

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !DateFilter.isValid(value) {
                throw ValidationError("\(name) takes YYYY, YYYY-MM or YYYY-MM-DD, not \"\(value)\"")
            }
        }
        if let status, !Self.statuses.contains(status.lowercased()) {
            throw ValidationError("--status is one of \(Self.statuses.joined(separator: ", ")), not \"\(status)\"")
        }
        if let root, root.count != 2 || !root.allSatisfy(\.isNumber) {
            throw ValidationError("--root is a two-digit CAMEO root such as 19, not \"\(root)\"")
        }
    }

    func query(knowledge: LazyKnowledge) throws -> EventQuery {
        var query = EventQuery()
        query.actor = try actor.map { try ActorArgument.filter($0, knowledge: knowledge.get) }
        query.source = try source.map { try ActorArgument.filter($0, knowledge: knowledge.get) }
        query.target = try target.map { try ActorArgument.filter($0, knowledge: knowledge.get) }
        query.code = code
        query.root = root
        query.status = status
        query.since = since
        query.until = until
        query.place = place
        return query
    }
}

/// The terminal table of events.
enum EventTable {
    static func render(_ events: [StoredEvent]) -> String {
        var table = TextTable(columns: ["DATE", "CODE", "SOURCE → TARGET", "TRIGGER", "STATUS", "BY", "PLACE", "DOC:S"])
        for e in events {
            let who = "\(e.source?.code ?? "-") → \(e.target?.code ?? "-")"
            let status = e.status + (e.cue.map { " (\($0))" } ?? "")
            table.add([
                e.date ?? "—", e.code, who, e.trigger, status, e.attributedTo?.text ?? "", e.place?.name ?? "",
                "\(e.document.prefix(8)):\(e.sentence)",
            ])
        }
        return table.render(widths: [21, 5, 24, 18, 26, 22, 14, 12])
    }
}

/// What the GDELT export needs from the knowledge base and gazetteer.
enum GDELTPlaces {
    static func exporter(for events: [StoredEvent], knowledge: KnowledgeBase) throws -> GDELTExport {
        let countries = Set(knowledge.actors.filter { $0.kind == .country }.compactMap(\.cameo))
        let wanted = Set(events.compactMap { $0.place?.id })
        var places: [String: GDELTExport.Place] = [:]
        if !wanted.isEmpty {
            let gazetteer = try Gazetteer.load()
            for p in gazetteer.places where wanted.contains(p.id) {
                let us = p.country == "US"
                let type: Int? =
                    switch p.kind {
                    case .country: 1
                    case .admin1: us ? 2 : 5
                    case .city: us ? 3 : 4
                    case .region: 5
                    default: nil
                    }
                var names = [p.name]
                if p.kind == .city, !p.admin1.isEmpty, let region = gazetteer.admin1(p.admin1) { names.append(region.name) }
                if p.kind != .country, let country = gazetteer.country(p.country) { names.append(country.name) }
                places[p.id] = GDELTExport.Place(type: type, fullName: names.joined(separator: ", "))
            }
        }
        return GDELTExport(countryCodes: countries, places: places)
    }
}
