/// An event as stored: its extraction, with the document it came from and the sentence that
/// says it. Every span is in Unicode scalars into the document text (`text[start:end]`).
public struct StoredEvent: Sendable, Hashable {
    public var id: Int64
    public var document: String
    public var sentence: Int
    public var start: Int
    public var end: Int
    public var trigger: String
    public var code: String
    public var root: String
    public var plover: String?
    public var goldstein: Double
    public var quad: Int
    public var source: StoredActor?
    public var target: StoredActor?
    /// A TIMEX3 value, and the first and last day it covers.
    public var date: String?
    public var dateFirst: String?
    public var dateLast: String?
    /// sentence, context or document.
    public var dateSource: String?
    public var dateText: String?
    public var place: StoredPlace?
    public var status: String
    public var cue: String?
    public var attributedTo: StoredAttribution?
    public var sentenceSpan: StoredSpan
    /// The sentence's text, sliced from the document with ``sentenceSpan``.
    public var text: String
    public var origin: DocumentOrigin
}

/// A claim as stored, with its document and sentence.
public struct StoredClaim: Sendable, Hashable {
    public var id: Int64
    public var document: String
    public var sentence: Int
    /// The content's span.
    public var start: Int
    public var end: Int
    public var content: String
    public var speaker: StoredActor?
    public var affiliation: String?
    public var affiliationActor: String?
    public var cue: String
    public var cueStart: Int
    public var cueEnd: Int
    public var direct: Bool
    public var continuation: Bool
    public var sentenceSpan: StoredSpan
    public var text: String
    public var origin: DocumentOrigin
}

/// An event's source or target, or a claim's speaker.
public struct StoredActor: Sendable, Hashable {
    /// CAMEO actor code on the event's day.
    public var code: String?
    /// Knowledge-base id.
    public var actor: String?
    public var name: String?
    public var text: String?
    public var start: Int?
    public var end: Int?
    public var inferred: Bool?
}

public struct StoredPlace: Sendable, Hashable {
    public var id: String
    public var name: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?
    public var text: String?
    public var start: Int?
    public var end: Int?
}

public struct StoredAttribution: Sendable, Hashable {
    public var text: String
    public var actor: String?
    public var code: String?
    public var start: Int?
    public var end: Int?
}

public struct StoredSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
}

/// Where an event or claim's document came from, for exports that name it (GDELT's SOURCEURL).
public struct DocumentOrigin: Sendable, Hashable {
    public var url: String?
    public var origin: String
    /// `YYYY-MM-DD`.
    public var published: String?
    /// When it was stored, ISO 8601.
    public var ingestedAt: String
}

/// One month of an actor's events (``SQLiteStore/monthlyTrend(_:)``).
public struct MonthTrend: Sendable, Hashable, Codable {
    /// `YYYY-MM`; `YYYY` for events dated only to a year, "undated" for the rest.
    public var period: String
    public var events: Int
    /// How many had the queried actor as source and as target.
    public var asSource: Int
    public var asTarget: Int
    public var meanGoldstein: Double
    /// By quad class: verbal and material cooperation, verbal and material conflict.
    public var verbalCooperation: Int
    public var materialCooperation: Int
    public var verbalConflict: Int
    public var materialConflict: Int

    enum CodingKeys: String, CodingKey {
        case period, events, asSource = "as_source", asTarget = "as_target", meanGoldstein = "mean_goldstein"
        case verbalCooperation = "verbal_cooperation", materialCooperation = "material_cooperation"
        case verbalConflict = "verbal_conflict", materialConflict = "material_conflict"
    }
}
