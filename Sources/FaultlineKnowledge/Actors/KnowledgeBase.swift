import Foundation

/// Who is who: every actor Faultline knows, the roles people held over time, and the matcher
/// that finds their names in text. Loaded once, immutable, shared across threads.
///
/// ```swift
/// let kb = try KnowledgeBase.load()
/// kb.code(for: "person:donald-trump", on: CalendarDay("2019-05-05")!)  // "USAGOV"
/// kb.code(for: "person:donald-trump", on: CalendarDay("2022-06-01")!)  // "USAELI" (no office)
/// for mention in kb.matcher.matches(in: sentence) {
///     let resolved = kb.resolve(mention, on: day, in: sentence)
/// }
/// ```
public struct KnowledgeBase: Sendable {
    /// Every actor, in file order (countries, organisations, people, equipment).
    public let actors: [Actor]
    /// Every tenure, in file order.
    public let roles: [Role]
    /// The matcher over all names of all actors.
    public let matcher: ActorMatcher

    private let indexByID: [ActorID: Int]
    private let rolesByPerson: [ActorID: [Int]]
    private let periods: [ActorID: (start: CalendarDay?, end: CalendarDay?)]
    private let countriesByISO2: [String: ActorID]
    /// Seceded states → the state their territory belonged to before they began.
    private let predecessors: [ActorID: ActorID]

    /// The shipped actor files, plus the files in `extraFolders` (same format, any subset of the
    /// five files). An entry in an extra folder with a shipped id replaces the shipped entry; its
    /// roles are added.
    public static func load(extraFolders: [URL] = []) throws -> KnowledgeBase {
        guard let shipped = Bundle.module.url(forResource: "actors", withExtension: nil) else {
            throw KnowledgeFileError(file: "actors", line: 0, message: "the shipped actor files are missing from the bundle")
        }
        var files = try ActorFiles.read(folder: shipped, requireAll: true)
        for folder in extraFolders {
            let extra = try ActorFiles.read(folder: folder, requireAll: false)
            let replaced = Set(extra.actors.map(\.id))
            files.actors = files.actors.filter { !replaced.contains($0.id) } + extra.actors
            files.roles += extra.roles
            files.periods.merge(extra.periods) { _, new in new }
            files.countriesByISO2.merge(extra.countriesByISO2) { _, new in new }
            files.predecessors.merge(extra.predecessors) { _, new in new }
        }
        return try KnowledgeBase(
            actors: files.actors, roles: files.roles, periods: files.periods, countriesByISO2: files.countriesByISO2, predecessors: files.predecessors)
    }

    /// A knowledge base of the given entries (tests and importers build small ones).
    public init(actors: [Actor], roles: [Role] = []) throws {
        try self.init(actors: actors, roles: roles, periods: [:], countriesByISO2: [:], predecessors: [:])
    }

    init(
        actors: [Actor], roles: [Role], periods: [ActorID: (start: CalendarDay?, end: CalendarDay?)], countriesByISO2: [String: ActorID],
        predecessors: [ActorID: ActorID]
    ) throws {
        var index: [ActorID: Int] = [:]
        for (position, actor) in actors.enumerated() {
            guard index.updateValue(position, forKey: actor.id) == nil else {
                throw KnowledgeFileError(file: "actors", line: 0, message: "the id \(actor.id) is used twice")
            }
        }
        var byPerson: [ActorID: [Int]] = [:]
        for (position, role) in roles.enumerated() {
            guard index[role.person] != nil else {
                throw KnowledgeFileError(file: "roles.tsv", line: 0, message: "role of unknown person \(role.person)")
            }
            byPerson[role.person, default: []].append(position)
        }
        self.actors = actors
        self.roles = roles
        self.indexByID = index
        self.rolesByPerson = byPerson
        self.periods = periods
        self.countriesByISO2 = countriesByISO2
        self.predecessors = predecessors
        self.matcher = ActorMatcher(actors: actors)
    }

    // MARK: - Lookup

    public func actor(_ id: ActorID) -> Actor? { indexByID[id].map { actors[$0] } }

    /// The actors a name may refer to (exactly this name, case and diacritics ignored), or, when
    /// no name matches, the actor with this id.
    public func actors(named name: String) -> [Actor] {
        let found = matcher.candidates(forName: name).compactMap { actor($0.actor) }
        if !found.isEmpty { return found }
        return actor(ActorID(name)).map { [$0] } ?? []
    }

    /// Every role of a person, in file order.
    /// The country with this ISO 3166-1 alpha-2 code ("UA"), as the gazetteer names countries.
    public func country(iso2 code: String) -> Actor? { countriesByISO2[code.uppercased()].flatMap { actor($0) } }

    public func roles(of person: ActorID) -> [Role] { (rolesByPerson[person] ?? []).map { roles[$0] } }

    /// The roles a person held on `day`.
    public func roles(of person: ActorID, on day: CalendarDay) -> [Role] {
        (rolesByPerson[person] ?? []).lazy.map { roles[$0] }.filter { $0.isHeld(on: day) }
    }

    /// The state whose territory a seceded state's was on `day`, when `day` is before the
    /// seceded state began and the data names one (South Sudan in 2000: Sudan).
    public func predecessor(of id: ActorID, on day: CalendarDay) -> Actor? {
        guard let before = predecessors[id], let start = periods[id]?.start, day < start else { return nil }
        return actor(before)
    }

    /// Whether a country existed on `day` (nil when the data gives it no period).
    public func exists(_ id: ActorID, on day: CalendarDay) -> Bool? {
        guard let period = periods[id] else { return nil }
        if let start = period.start, day < start { return false }
        if let end = period.end, day >= end { return false }
        return true
    }

    // MARK: - Codes

    /// The CAMEO code of an actor on `day`.
    ///
    /// Countries and organisations have one code. A person is coded by the role held that day;
    /// with several, the one whose title best matches `title` (e.g. the words before the name),
    /// else the first listed. A person out of office is coded as a former official of the
    /// country of the last role left, `<country>ELI`, as Phoenix does (Trump in 2022 is `USAELI`);
    /// before a first national office, by that office's bare country code (Obama in 2000 is
    /// `USA`); nil when the offices were international. Equipment has no code.
    public func code(for id: ActorID, on day: CalendarDay, title: String? = nil) -> String? {
        guard let actor = actor(id) else { return nil }
        if actor.kind != .person { return actor.cameo }
        if let role = role(of: id, on: day, title: title) ?? namedRole(of: id, title: title) { return role.cameo }
        return formerOfficialCode(id, on: day)
    }

    /// The office the words right before a name call the person by, whenever it was held:
    /// "Japanese Prime Minister Ryutaro Hashimoto" names his premiership even in a text dated
    /// after it (or dated wrongly). Only when the word next to the name is a word of the office,
    /// and not when the words say it is past ("former", "ex-").
    public func namedRole(of person: ActorID, title: String?) -> Role? {
        guard let title else { return nil }
        let words = title.lowercased().split(whereSeparator: { !$0.isLetter }).suffix(4).map(String.init)
        guard let last = words.last, !words.contains(where: TitleWords.past.contains) else { return nil }
        let near = TitleWords(words.joined(separator: " "))
        var best: (role: Role, score: Int)? = nil
        for role in roles(of: person) where TitleWords(last).overlap(with: role.title) > 0 {
            let score = near.overlap(with: role.title)
            if score > (best?.score ?? 0) { best = (role, score) }
        }
        return best?.role
    }

    /// The role that codes a person on `day` (see ``code(for:on:title:)``), or nil.
    public func role(of person: ActorID, on day: CalendarDay, title: String? = nil) -> Role? {
        let held = roles(of: person, on: day)
        guard held.count > 1, let title else { return held.first }
        let words = TitleWords(title)
        var best = held[0]
        var bestScore = words.overlap(with: best.title)
        for role in held.dropFirst() {
            let score = words.overlap(with: role.title)
            if score > bestScore {
                best = role
                bestScore = score
            }
        }
        return best
    }

    private func formerOfficialCode(_ person: ActorID, on day: CalendarDay) -> String? {
        let left = roles(of: person).compactMap { role in role.end.map { (role, $0) } }.filter { $0.1 <= day }
        if let nearest = left.max(by: { $0.1 < $1.1 })?.0 {
            let country = String(nearest.cameo.prefix(3))
            return Self.international.contains(country) ? nil : country + "ELI"
        }
        // Before the first office, a person is still a national of the country served later:
        // its bare code, without a sector.
        let first = roles(of: person).filter { $0.start.map { $0 > day } ?? false }.min { $0.start! < $1.start! }
        guard let country = first.map({ String($0.cameo.prefix(3)) }), !Self.international.contains(country) else { return nil }
        return country
    }

    /// Offices that make no national of anyone.
    private static let international: Set<String> = ["IGO", "NGO", "IMG"]
}

/// The words of an office's title, spelled one way, for telling "Defence Minister Khrenin"
/// from the same man's other office.
struct TitleWords {
    private static let ignored: Set<String> = ["of", "the", "and", "for", "to", "in", "a", "an"]
    private static let synonyms = ["defense": "defence", "head": "chief", "premier": "prime", "secretary-general": "secretary"]
    /// Words that put an office in the past.
    static let past: Set<String> = ["former", "ex", "late", "ousted", "deposed", "exiled", "retired", "onetime", "erstwhile", "candidate"]
    let words: Set<String>

    init(_ text: String) {
        words = Set(
            text.lowercased().split(whereSeparator: { !$0.isLetter }).map { Self.synonyms[String($0)] ?? String($0) }
                .filter { !Self.ignored.contains($0) })
    }

    func overlap(with title: String) -> Int { words.intersection(TitleWords(title).words).count }
}
