import ArgumentParser
import FaultlineStore

/// `faultline claims`: what the stored articles say people said.
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List stored claims: who said what, quoted or paraphrased, and where the text says so.",
        discussion: """
            --speaker takes a knowledge-base id (person:alexander-lukashenko), a CAMEO code prefix, a known name,
            or any words of the speaker's name as the text gives it. --format jsonl and csv carry the document id,
            sentence index and spans (Unicode scalar offsets into the document text).
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Claims by this speaker.", valueName: "actor"))
    var speaker: String?

    @Option(help: "Only documents with this id or id prefix.")
    var document: String?

    @Flag(help: "Only direct quotes.")
    var direct = false

    @Flag(help: "Only reported speech.")
    var indirect = false

    @Option(help: "At most this many rows.")
    var limit: Int?

    @Option(help: "table, csv or jsonl.")
    var format: ExportFormat = .table

    func validate() throws {
        if direct && indirect { throw ValidationError("--direct and --indirect exclude each other") }
        if format == .gdelt { throw ValidationError("claims have no GDELT form: use table, csv or jsonl") }
    }

    func run() throws {
        let opened = try store.open()
        var query = ClaimQuery()
        query.document = document
        query.limit = limit
        query.direct = direct ? true : indirect ? false : nil
        if let speaker {
            // A name the knowledge base does not know may still be how the text names someone.
            query.speaker = try? ActorArgument.filter(speaker, knowledge: LazyKnowledge().get)
            query.speakerText = speaker
        }
        let claims = try opened.claims(query)
        switch format {
        case .jsonl, .gdelt:
            for c in claims { print(ClaimExport.record(c).jsonLine) }
        case .csv:
            print(CSV.line(ClaimExport.header), terminator: CSV.lineBreak)
            for c in claims { print(ClaimExport.record(c).csvLine, terminator: CSV.lineBreak) }
        case .table:
            print(ClaimTable.render(claims), terminator: "")
            print("\(claims.count) claim\(claims.count == 1 ? "" : "s")")
        }
    }
}

/// The terminal table of claims.
enum ClaimTable {
    static func render(_ claims: [StoredClaim]) -> String {
        var table = TextTable(columns: ["SPEAKER", "CODE", "CUE", "KIND", "CONTENT", "DOC:S"])
        for c in claims {
            let speaker = c.speaker.map { $0.name ?? $0.text ?? "?" } ?? "?"
            let kind = (c.direct ? "direct" : "indirect") + (c.continuation ? "+" : "")
            table.add([speaker, c.speaker?.code ?? "", c.cue, kind, c.content, "\(c.document.prefix(8)):\(c.sentence)"])
        }
        return table.render(widths: [24, 8, 14, 9, 70, 12])
    }
}
