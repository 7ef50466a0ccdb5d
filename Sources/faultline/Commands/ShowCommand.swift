import Foundation
import ArgumentParser
import FaultlineExtract
import FaultlineModel
import FaultlineStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one document: its metadata, text, time expressions, quantities, events and claims.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The document id, or a prefix of it that names one document.")
    var id: String

    @Flag(help: "Print the document as JSON.")
    var json = false

    func run() throws {
        let opened = try store.open()
        guard let document = try opened.document(idOrPrefix: id) else {
            throw ValidationError("no document with id \"\(id)\" (or the prefix names more than one)")
        }
        let found = try opened.timeAndQuantities(documentID: document.id)
        if json {
            print(JSONOutput.line(ShowOutput(document: document, found: found), pretty: true))
            return
        }
        let m = document.metadata
        var lines: [(String, String?)] = [
            ("id", document.id), ("origin", document.origin), ("format", document.format.rawValue),
            ("title", m.title), ("authors", m.authors.isEmpty ? nil : m.authors.joined(separator: "; ")),
            ("outlet", m.outlet), ("published", m.published?.isoString), ("modified", m.modified?.isoString),
            ("url", m.url), ("language", m.language), ("near-duplicate of", document.duplicateOf),
        ]
        for (key, value) in m.extra.sorted(by: { $0.key < $1.key }) { lines.append((key.replacingOccurrences(of: "_", with: " "), value)) }
        for (key, value) in lines { if let value { print("\(key):".padding(toLength: 26, withPad: " ", startingAt: 0) + value) } }
        print("")
        print(document.text)
        print("")
        print(Self.describe(found))
        // What was extracted from it, as `events --document` and `claims --document` list it.
        var eventQuery = EventQuery()
        eventQuery.document = document.id
        let events = try opened.events(eventQuery)
        var claimQuery = ClaimQuery()
        claimQuery.document = document.id
        let claims = try opened.claims(claimQuery)
        print("")
        print("events (\(events.count)):")
        if !events.isEmpty { print(EventTable.render(events)) }
        print("")
        print("claims (\(claims.count)):")
        if !claims.isEmpty { print(ClaimTable.render(claims)) }
    }

    /// The anchor, time expressions and quantities as aligned lines under the text.
    static func describe(_ found: TimeAndQuantities) -> String {
        var out: [String] = []
        if let anchor = found.anchor {
            let source = anchor.inferred ? "inferred from the text: \(anchor.evidence ?? "")" : "the publication date"
            out.append("time anchor: \(anchor.value) (\(source))")
        } else {
            out.append("time anchor: none (no publication date, and the text names no year)")
        }
        out.append("")
        out.append("time expressions (\(found.timexes.count)):")
        for t in found.timexes {
            let mod = t.mod.map { " \($0)" } ?? ""
            out.append("  \(t.start)-\(t.end)".padding(toLength: 14, withPad: " ", startingAt: 0) + t.type.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + (t.value + mod).padding(toLength: 26, withPad: " ", startingAt: 0) + t.text)
        }
        out.append("")
        out.append("quantities (\(found.quantities.count)):")
        for q in found.quantities {
            var amount = Self.number(q.value)
            if let upper = q.upper { amount += "–" + Self.number(upper) }
            if let unit = q.unit { amount += " " + unit }
            if let mod = q.mod { amount += " " + mod }
            let object = q.object.map { " (\($0))" } ?? ""
            out.append("  \(q.start)-\(q.end)".padding(toLength: 14, withPad: " ", startingAt: 0) + amount.padding(toLength: 30, withPad: " ", startingAt: 0) + q.text + object)
        }
        return out.joined(separator: "\n")
    }

    /// 492, 2.7 billion, 0.5: whole numbers without a decimal point, large ones with their scale.
    static func number(_ value: Double) -> String {
        for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] where abs(value) >= scale {
            return String(format: "%g", value / scale) + " " + name
        }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }
}

/// `show --json`: the document's fields, with `time_anchor`, `timexes` and `quantities` beside them.
struct ShowOutput: Encodable {
    var document: Document
    var found: TimeAndQuantities

    enum Keys: String, CodingKey { case timeAnchor = "time_anchor", timexes, quantities }

    func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(found.anchor, forKey: .timeAnchor)
        try container.encode(found.timexes, forKey: .timexes)
        try container.encode(found.quantities, forKey: .quantities)
    }
}
