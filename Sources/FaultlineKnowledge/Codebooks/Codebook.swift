import Foundation

/// What the codes mean: CAMEO event codes with names, Goldstein values and quad classes, and
/// their PLOVER event type, mode and context.
///
/// **Quad classes.** ``CameoEvent/quadClass`` is the four-class scheme of GDELT's CAMEO lookup,
/// by root code: 1 verbal cooperation (01–05), 2 material cooperation (06–09), 3 verbal conflict
/// (10–14), 4 material conflict (15–20) — the one event-data users meet in GDELT exports.
/// Phoenix's post-processor differs for 86 codes (01 and 02 are 0, "neutral"; 09 is verbal
/// conflict; 14 protest is material conflict; 16 reduce relations is verbal conflict); its value
/// is kept in ``CameoEvent/phoenixQuadClass``.
///
/// ```swift
/// let codebook = try Codebook.load()
/// codebook.cameo("190")?.name        // "Use conventional military force, not specified below"
/// codebook.cameo("190")?.goldstein   // -10.0
/// codebook.cameo("190")?.plover?.event  // "ASSAULT"
/// ```
public struct Codebook: Sendable {
    public let events: [CameoEvent]
    private let byCode: [String: Int]

    /// The shipped codebook (`Resources/codebooks/cameo.tsv`).
    public static func load() throws -> Codebook {
        try Codebook(table: TabularFile(url: shippedFile("cameo.tsv")))
    }

    /// A file of the shipped `codebooks` folder (the CAMEO table, the event and agent lexicons).
    static func shippedFile(_ name: String) throws -> URL {
        guard let folder = Bundle.module.url(forResource: "codebooks", withExtension: nil) else {
            throw KnowledgeFileError(file: "codebooks", line: 0, message: "the shipped codebooks are missing from the bundle")
        }
        return folder.appendingPathComponent(name)
    }

    public init(events: [CameoEvent]) {
        self.events = events
        byCode = Dictionary(events.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    init(table: TabularFile) throws {
        let c = try ["code", "name", "goldstein", "quad", "quad_phoenix", "plover_event", "plover_mode", "plover_context"].map(table.column)
        var events: [CameoEvent] = []
        for row in table.rows {
            guard let goldstein = Double(row[c[2]]), let quad = Int(row[c[3]]), let phoenix = Int(row[c[4]]) else {
                throw KnowledgeFileError(file: table.name, line: row.line, message: "bad Goldstein value or quad class")
            }
            let event = String(row[c[5]])
            events.append(
                CameoEvent(
                    code: String(row[c[0]]), name: String(row[c[1]]), goldstein: goldstein, quadClass: quad, phoenixQuadClass: phoenix,
                    plover: event.isEmpty ? nil : PloverType(event: event, mode: String(row[c[6]]), context: String(row[c[7]]))))
        }
        self.init(events: events)
    }

    /// The entry for a CAMEO code ("0874", "19"), or nil for an unknown code.
    public func cameo(_ code: String) -> CameoEvent? { byCode[code].map { events[$0] } }
}

/// One CAMEO event code.
public struct CameoEvent: Sendable, Hashable, Codable {
    /// Two to four digits: "19", "190", "1951".
    public var code: String
    public var name: String
    /// Goldstein's conflict–cooperation value, -10…10 (a code without its own takes its parent's).
    public var goldstein: Double
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict (by root, as GDELT).
    public var quadClass: Int
    /// Phoenix's quad class, 0 (neutral) to 4.
    public var phoenixQuadClass: Int
    /// The PLOVER type, nil where PLOVER drops the code (statements, appeals…).
    public var plover: PloverType?

    /// The two-digit root code.
    public var root: String { String(code.prefix(2)) }
}

/// A PLOVER event type with its mode and context ("ASSAULT", "heavy-weapons", "military").
public struct PloverType: Sendable, Hashable, Codable {
    public var event: String
    public var mode: String
    public var context: String
}
