/// Which events `faultline events` and `faultline timeline` list.
///
/// ```swift
/// var query = EventQuery()
/// query.actor = ActorFilter(ids: ["country:blr"], codePrefixes: ["BLR"])
/// query.since = "2024-05"
/// let events = try store.events(query)
/// ```
public struct EventQuery: Sendable, Hashable {
    /// Matches the source or the target.
    public var actor: ActorFilter?
    public var source: ActorFilter?
    public var target: ActorFilter?
    /// With ``actor``: only events between it and this actor, in either direction.
    public var counterpart: ActorFilter?
    /// A CAMEO event code or its prefix (`19`, `190`, `1831`).
    public var code: String?
    /// A two-digit CAMEO root (`19`).
    public var root: String?
    public var status: String?
    /// The event's date covers this day or later (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    public var since: String?
    /// The event's date covers this day or earlier; a year or month covers all of it.
    public var until: String?
    /// A gazetteer id, place name or ISO country code.
    public var place: String?
    /// A document id or id prefix.
    public var document: String?
    public var limit: Int?

    public init() {}
}

/// An actor as a filter: knowledge-base ids, or CAMEO codes starting with a prefix; an event
/// side matches when either does.
///
/// ```swift
/// ActorFilter(ids: ["person:alexander-lukashenko"])
/// ActorFilter(codePrefixes: ["BLR"])  // BLR, BLRGOV, BLRMIL…
/// ```
public struct ActorFilter: Sendable, Hashable {
    public var ids: [String]
    public var codePrefixes: [String]

    public init(ids: [String] = [], codePrefixes: [String] = []) {
        self.ids = ids
        self.codePrefixes = codePrefixes
    }

    /// SQL matching the actor id column `<side>_actor` or the code column `<side>_code`.
    func sql(_ side: String) -> (String, [String]) {
        var parts: [String] = []
        var arguments: [String] = []
        if !ids.isEmpty {
            parts.append("\(side)_actor IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))")
            arguments += ids
        }
        for prefix in codePrefixes {
            // A range rather than LIKE: it uses the index and does not fold case.
            parts.append("(\(side)_code >= ? AND \(side)_code < ?)")
            arguments += [prefix, prefix + "\u{FFFF}"]
        }
        return parts.isEmpty ? ("0", []) : ("(" + parts.joined(separator: " OR ") + ")", arguments)
    }
}

/// Which claims `faultline claims` lists.
public struct ClaimQuery: Sendable, Hashable {
    /// The speaker: knowledge-base ids or code prefixes, or words of the name as the text
    /// gives it (``speakerText``); with both, either matches.
    public var speaker: ActorFilter?
    public var speakerText: String?
    /// A document id or id prefix.
    public var document: String?
    /// Only direct quotes (true) or only reported speech (false).
    public var direct: Bool?
    public var limit: Int?

    public init() {}
}
