import Foundation
import ArgumentParser
import FaultlineModel
import FaultlineStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one document: its metadata and text.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The document id, or a prefix of it that names one document.")
    var id: String

    @Flag(help: "Print the document as JSON.")
    var json = false

    func run() throws {
        guard let document = try store.open().document(idOrPrefix: id) else {
            throw ValidationError("no document with id \"\(id)\" (or the prefix names more than one)")
        }
        if json {
            print(JSONOutput.line(document, pretty: true))
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
    }
}
