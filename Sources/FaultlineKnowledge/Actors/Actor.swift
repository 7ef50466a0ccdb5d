/// The stable id of an actor: a lowercase slug with a type prefix (`country:blr`, `org:nato`,
/// `person:alexander-lukashenko`, `equip:t-72`). Ids never change once published.
public struct ActorID: Sendable, Hashable, Comparable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (a: ActorID, b: ActorID) -> Bool { a.rawValue < b.rawValue }
}

/// What kind of thing an actor is. Equipment is listed so extraction can tell a weapon from an
/// actor: it is matched in text but never the source or target of an event.
public enum ActorKind: String, Sendable, Codable, CaseIterable {
    case country
    case person
    case organisation
    case armedGroup = "armed_group"
    case media
    case thinkTank = "think_tank"
    case equipment
}

/// How a name refers to its actor, which matters when coding: "Belarusian" (an adjective) is the
/// country in "Belarusian army", "Minsk" (a capital) is its government as a metonym.
public enum NameForm: String, Sendable, Codable, CaseIterable {
    case name, alias, adjective, demonym, capital, formerName = "former_name"
}

/// One name or spelling of an actor.
public struct ActorName: Sendable, Hashable, Codable {
    public var text: String
    public var form: NameForm

    public init(_ text: String, form: NameForm) {
        self.text = text
        self.form = form
    }
}

/// A country, organisation, person or piece of equipment in the knowledge base.
///
/// ```swift
/// let kb = try KnowledgeBase.load()
/// kb.actor("country:blr")?.name  // "Belarus"
/// ```
public struct Actor: Sendable, Hashable, Codable, Identifiable {
    public var id: ActorID
    public var kind: ActorKind
    /// The finer type from the data file: an organisation's `type` (`igo`, `border`, `media`…),
    /// an equipment `kind` (`tank`, `missile`…); "country" or "person" otherwise.
    public var category: String
    /// The canonical name.
    public var name: String
    /// The CAMEO code of a country or organisation; nil for people (their code comes from the
    /// role held on a date) and for equipment (never an actor in an event).
    public var cameo: String?
    /// The country an organisation belongs to, or an equipment's (first) designer country.
    public var country: ActorID?
    public var wikidata: String?
    /// Every name the actor is matched by, the canonical name first.
    public var names: [ActorName]
    public var note: String

    public init(
        id: ActorID, kind: ActorKind, category: String, name: String, cameo: String?, country: ActorID?,
        wikidata: String?, names: [ActorName], note: String
    ) {
        self.id = id
        self.kind = kind
        self.category = category
        self.name = name
        self.cameo = cameo
        self.country = country
        self.wikidata = wikidata
        self.names = names
        self.note = note
    }

    /// True for things that can act in an event (everything but equipment).
    public var isAgent: Bool { kind != .equipment }
}

/// A continuous tenure of an office: the half-open interval [start, end).
///
/// A handover day belongs to the incoming holder: Trump's first term ends 2021-01-20, the day
/// Biden's begins.
public struct Role: Sendable, Hashable, Codable {
    public var person: ActorID
    public var cameo: String
    public var title: String
    /// The country or organisation the office belongs to.
    public var holder: ActorID
    /// nil when unknown (treated as "since always").
    public var start: CalendarDay?
    /// nil while in office.
    public var end: CalendarDay?
    /// True when the data marks a date of the row as uncertain (`?` in its note).
    public var uncertain: Bool
    public var note: String

    public init(
        person: ActorID, cameo: String, title: String, holder: ActorID, start: CalendarDay?, end: CalendarDay?,
        uncertain: Bool = false, note: String = ""
    ) {
        self.person = person
        self.cameo = cameo
        self.title = title
        self.holder = holder
        self.start = start
        self.end = end
        self.uncertain = uncertain
        self.note = note
    }

    /// Whether the role was held on `day`: start ≤ day < end.
    public func isHeld(on day: CalendarDay) -> Bool {
        if let start, day < start { return false }
        if let end, day >= end { return false }
        return true
    }
}
