import Foundation

/// Reads the actor files (`countries.tsv`, `organisations.tsv`, `people.tsv`, `roles.tsv`,
/// `equipment.tsv`; formats in `Resources/actors/README.md`) from a folder.
///
/// A user's own folder in the same format is read the same way and added to the shipped one;
/// a file missing from a user's folder is simply absent.
struct ActorFiles {
    var actors: [Actor] = []
    var roles: [Role] = []
    /// Countries' periods of existence, for capitals shared across a handover (Moscow: SUN, then RUS).
    var periods: [ActorID: (start: CalendarDay?, end: CalendarDay?)] = [:]
    /// Countries by ISO 3166-1 alpha-2 code, to turn a gazetteer place into its country.
    var countriesByISO2: [String: ActorID] = [:]
    /// For a state that seceded (`part_of`), the state its territory belonged to before its
    /// `start`: Juba in 2000 is Sudan's, Pristina in 1998 Serbia's.
    var predecessors: [ActorID: ActorID] = [:]

    static let fileNames = ["countries.tsv", "organisations.tsv", "people.tsv", "roles.tsv", "equipment.tsv"]

    /// Reads every known file present in `folder`; `requireAll` makes a missing one an error.
    static func read(folder: URL, requireAll: Bool) throws -> ActorFiles {
        var files = ActorFiles()
        for name in fileNames {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                if requireAll { throw KnowledgeFileError(file: name, line: 0, message: "missing from \(folder.lastPathComponent)/") }
                continue
            }
            let table = try TabularFile(url: url)
            switch name {
            case "countries.tsv": try files.readCountries(table)
            case "organisations.tsv": try files.readOrganisations(table)
            case "people.tsv": try files.readPeople(table)
            case "roles.tsv": try files.readRoles(table)
            default: try files.readEquipment(table)
            }
        }
        return files
    }

    mutating func readCountries(_ table: TabularFile) throws {
        let c = try Columns(table, ["id", "name", "cameo", "wikidata", "aliases", "adjectives", "demonyms", "capitals", "former_names"])
        let start = table.header.firstIndex(of: "start"), end = table.header.firstIndex(of: "end")
        let note = table.header.firstIndex(of: "note"), iso = table.header.firstIndex(of: "iso2")
        let partOf = table.header.firstIndex(of: "part_of")
        for row in table.rows {
            let id = try Self.id(row, c["id"], prefix: "country:", file: table.name)
            let name = String(row[c["name"]])
            var names = [ActorName(name, form: .name)]
            names += row.list(c["aliases"]).map { ActorName($0, form: .alias) }
            names += row.list(c["adjectives"]).map { ActorName($0, form: .adjective) }
            names += row.list(c["demonyms"]).map { ActorName($0, form: .demonym) }
            names += row.list(c["capitals"]).map { ActorName($0, form: .capital) }
            names += row.list(c["former_names"]).map { ActorName($0, form: .formerName) }
            actors.append(
                Actor(
                    id: id, kind: .country, category: "country", name: name, cameo: try Self.code(row, c["cameo"], file: table.name),
                    country: id, wikidata: Self.optional(row[c["wikidata"]]), names: Self.unique(names),
                    note: note.map { String(row[$0]) } ?? ""))
            let from = try start.flatMap { try Self.day(row, $0, file: table.name) }
            let until = try end.flatMap { try Self.day(row, $0, file: table.name) }
            if from != nil || until != nil { periods[id] = (from, until) }
            if let iso, !row[iso].isEmpty { countriesByISO2[String(row[iso])] = id }
            if let partOf, !row[partOf].isEmpty {
                predecessors[id] = try Self.id(row, partOf, prefix: "country:", file: table.name)
            }
        }
    }

    mutating func readOrganisations(_ table: TabularFile) throws {
        let c = try Columns(table, ["id", "type", "name", "cameo", "country", "wikidata", "aliases", "note"])
        for row in table.rows {
            let id = try Self.id(row, c["id"], prefix: "org:", file: table.name)
            let type = String(row[c["type"]])
            let kind: ActorKind =
                switch type {
                case "armed_group": .armedGroup
                case "media": .media
                case "think_tank": .thinkTank
                default: .organisation
                }
            let name = String(row[c["name"]])
            let names = [ActorName(name, form: .name)] + row.list(c["aliases"]).map { ActorName($0, form: .alias) }
            actors.append(
                Actor(
                    id: id, kind: kind, category: type, name: name, cameo: try Self.code(row, c["cameo"], file: table.name),
                    country: Self.optional(row[c["country"]]).map { ActorID($0) }, wikidata: Self.optional(row[c["wikidata"]]),
                    names: Self.unique(names), note: String(row[c["note"]])))
        }
    }

    mutating func readPeople(_ table: TabularFile) throws {
        let c = try Columns(table, ["id", "name", "wikidata", "aliases", "note"])
        for row in table.rows {
            let id = try Self.id(row, c["id"], prefix: "person:", file: table.name)
            let name = String(row[c["name"]])
            let names = [ActorName(name, form: .name)] + row.list(c["aliases"]).map { ActorName($0, form: .alias) }
            actors.append(
                Actor(
                    id: id, kind: .person, category: "person", name: name, cameo: nil, country: nil,
                    wikidata: Self.optional(row[c["wikidata"]]), names: Self.unique(names), note: String(row[c["note"]])))
        }
    }

    mutating func readRoles(_ table: TabularFile) throws {
        let c = try Columns(table, ["person", "cameo", "title", "organisation_or_country", "start", "end", "note"])
        for row in table.rows {
            let note = String(row[c["note"]])
            guard let code = try Self.code(row, c["cameo"], file: table.name) else {
                throw KnowledgeFileError(file: table.name, line: row.line, message: "a role needs a CAMEO code")
            }
            let start = try Self.day(row, c["start"], file: table.name)
            let end = try Self.day(row, c["end"], file: table.name)
            if let start, let end, !(start < end) {
                throw KnowledgeFileError(file: table.name, line: row.line, message: "start \(start) is not before end \(end)")
            }
            roles.append(
                Role(
                    person: try Self.id(row, c["person"], prefix: "person:", file: table.name), cameo: code,
                    title: String(row[c["title"]]), holder: ActorID(String(row[c["organisation_or_country"]])),
                    start: start, end: end, uncertain: note.contains("?"), note: note))
        }
    }

    mutating func readEquipment(_ table: TabularFile) throws {
        let c = try Columns(table, ["id", "name", "kind", "origin", "aliases", "note"])
        for row in table.rows {
            let id = try Self.id(row, c["id"], prefix: "equip:", file: table.name)
            let name = String(row[c["name"]])
            let names = [ActorName(name, form: .name)] + row.list(c["aliases"]).map { ActorName($0, form: .alias) }
            actors.append(
                Actor(
                    id: id, kind: .equipment, category: String(row[c["kind"]]), name: name, cameo: nil,
                    country: row.list(c["origin"]).first.map { ActorID($0) }, wikidata: nil, names: Self.unique(names),
                    note: String(row[c["note"]])))
        }
    }

    // MARK: - Fields

    /// Column indexes by header name, looked up once per file.
    struct Columns {
        private var indexes: [String: Int] = [:]
        init(_ table: TabularFile, _ names: [String]) throws {
            for name in names { indexes[name] = try table.column(name) }
        }
        subscript(_ name: String) -> Int { indexes[name]! }
    }

    static func optional(_ field: Substring) -> String? {
        let trimmed = field.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func id(_ row: TabularFile.Row, _ column: Int, prefix: String, file: String) throws -> ActorID {
        let text = row[column]
        guard text.hasPrefix(prefix), text.count > prefix.count, !text.contains(" ") else {
            throw KnowledgeFileError(file: file, line: row.line, message: "'\(text)' is not an id of the form \(prefix)slug")
        }
        return ActorID(String(text))
    }

    /// A CAMEO code: blocks of three capital letters (or digits, as in `IGOG7`-style codes), or nil when empty.
    static func code(_ row: TabularFile.Row, _ column: Int, file: String) throws -> String? {
        guard let text = optional(row[column]) else { return nil }
        guard text.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }), text.utf8.count % 3 == 0 else {
            throw KnowledgeFileError(file: file, line: row.line, message: "'\(text)' is not a CAMEO code")
        }
        return text
    }

    static func day(_ row: TabularFile.Row, _ column: Int, file: String) throws -> CalendarDay? {
        guard let text = optional(row[column]) else { return nil }
        guard let day = CalendarDay(text) else {
            throw KnowledgeFileError(file: file, line: row.line, message: "'\(text)' is not a YYYY-MM-DD date")
        }
        return day
    }

    /// Names without repeats (the same spelling listed as alias and demonym keeps its first form).
    static func unique(_ names: [ActorName]) -> [ActorName] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.text).inserted }
    }
}
