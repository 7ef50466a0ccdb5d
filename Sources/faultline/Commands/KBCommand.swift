import ArgumentParser
import FaultlineKnowledge
import Foundation

/// `faultline kb …`: look into the knowledge base (actors, roles, gazetteer, codebooks) and
/// build its derived files.
struct KBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Look up actors, places and codes in the knowledge base; build the gazetteer.",
        subcommands: [Lookup.self, Match.self, Place.self, Stats.self, Dictionaries.self, BuildGazetteer.self])

    /// Folders of the user's own actor files, added to the shipped ones.
    struct ActorFolders: ParsableArguments {
        @Option(name: .customLong("actors"), help: ArgumentHelp("A folder of your own actor files (same format).", valueName: "dir"))
        var folders: [String] = []

        func load() throws -> KnowledgeBase {
            try KnowledgeBase.load(extraFolders: folders.map { URL(fileURLWithPath: $0) })
        }
    }

    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the actors a name refers to, their CAMEO code on a date, and their names.",
            discussion: "NAME is any name, spelling, adjective or capital (case and accents do not matter), or an id.")

        @Argument(help: "A name (\"Lukashenka\", \"Kiev\", \"Belarusian\") or an id (person:alexander-lukashenko).")
        var name: String

        @Option(help: ArgumentHelp("The day to code on (YYYY-MM-DD); today when left out.", valueName: "date"))
        var date: String?

        @OptionGroup var actors: ActorFolders

        func run() throws {
            let day = try KBCommand.day(date)
            let kb = try actors.load()
            let found = kb.actors(named: name)
            guard !found.isEmpty else { throw ValidationError("no actor is named \"\(name)\"") }
            for actor in found {
                let role = actor.kind == .person ? kb.role(of: actor.id, on: day) : nil
                let code = kb.code(for: actor.id, on: day) ?? "—"
                print("\(actor.name)  [\(actor.id)]  \(actor.kind.rawValue)\(actor.category != actor.kind.rawValue ? " (\(actor.category))" : "")")
                print("  code on \(day): \(code)\(role.map { " — \($0.title), \(kb.actor($0.holder)?.name ?? $0.holder.rawValue)" } ?? "")")
                if actor.kind == .person {
                    for role in kb.roles(of: actor.id) {
                        print("  \(role.cameo)  \(role.title)  \(role.start?.description ?? "?") – \(role.end?.description ?? "")")
                    }
                }
                if let wikidata = actor.wikidata { print("  wikidata: \(wikidata)") }
                print("  names: \(actor.names.map(\.text).joined(separator: " | "))")
            }
        }
    }

    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the actors named in a text and code them on a date.",
            discussion: "Prints one line per mention: scalar offsets, the text, the actor chosen, its code.")

        @Argument(help: "The text (a sentence or more).")
        var text: String

        @Option(help: ArgumentHelp("The day to code on (YYYY-MM-DD); today when left out.", valueName: "date"))
        var date: String?

        @OptionGroup var actors: ActorFolders

        func run() throws {
            let day = try KBCommand.day(date)
            let kb = try actors.load()
            for mention in kb.matcher.matches(in: text) {
                let resolved = kb.resolve(mention, on: day, in: text)
                let others = mention.candidates.count > 1 ? "  (of \(mention.candidates.count) candidates)" : ""
                print("\(mention.start)-\(mention.end)  \(mention.text)  →  \(resolved?.actor.id.rawValue ?? "?")  \(resolved?.code ?? "—")\(others)")
            }
        }
    }

    struct Place: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the places a name may refer to, most populous first.")

        @Argument(help: "A place name (\"Gomel\", \"Kharkov\", \"Donbas\").")
        var name: String

        @Option(help: "At most this many places.")
        var limit = 10

        func run() throws {
            let gazetteer = try Gazetteer.load()
            let found = gazetteer.candidates(for: name).sorted { $0.population > $1.population }
            guard !found.isEmpty else { throw ValidationError("no place is named \"\(name)\"") }
            for place in found.prefix(limit) {
                let region = gazetteer.admin1(place.admin1).map { ", \($0.name)" } ?? ""
                print(String(format: "%@  %@%@ %@  %.4f %.4f  population %d%@  [%@]", place.name, place.country, region,
                    place.kind.rawValue, place.latitude, place.longitude, place.population, place.isCapital ? ", capital" : "", place.id))
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count the actors, roles, names, places and codes, and time loading them.")

        @OptionGroup var actors: ActorFolders

        func run() throws {
            var started = Date()
            let kb = try actors.load()
            let kbSeconds = Date().timeIntervalSince(started)
            started = Date()
            let gazetteer = try Gazetteer.load()
            let gazetteerSeconds = Date().timeIntervalSince(started)
            let codebook = try Codebook.load()
            var kinds: [ActorKind: Int] = [:]
            for actor in kb.actors { kinds[actor.kind, default: 0] += 1 }
            print("actors: \(kb.actors.count) (" + ActorKind.allCases.map { "\($0.rawValue) \(kinds[$0] ?? 0)" }.joined(separator: ", ") + ")")
            print("roles: \(kb.roles.count), open-ended \(kb.roles.filter { $0.end == nil }.count)")
            print("names matched: \(kb.matcher.nameCount)")
            print("places: \(gazetteer.places.count) (" + gazetteer.countsByKind.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", ") + "), names \(gazetteer.nameCount)")
            print("CAMEO event codes: \(codebook.events.count), mapped to PLOVER \(codebook.events.filter { $0.plover != nil }.count)")
            print(String(format: "loaded knowledge base in %.3f s, gazetteer in %.3f s", kbSeconds, gazetteerSeconds))
        }
    }

    static func day(_ text: String?) throws -> CalendarDay {
        guard let text else {
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
            return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)
        }
        guard let day = CalendarDay(text) else { throw ValidationError("--date takes YYYY-MM-DD, not \"\(text)\"") }
        return day
    }
}
