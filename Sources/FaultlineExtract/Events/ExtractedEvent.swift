import FaultlineKnowledge

/// How the text stands behind an event: in the author's own voice, on someone's word, hedged,
/// unconfirmed, denied, conditional or negated.
public enum EventStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The author's own voice, unhedged.
    case asserted
    /// Attributed to someone: "according to ISW", "Ukraine claimed", "media reports".
    case reported
    /// Hedged as an allegation or likelihood: "alleged", "reportedly", "likely", "appears to".
    case alleged
    /// Explicitly not confirmed, or asked as a question ("information is not confirmed").
    case unconfirmed
    /// Denied by someone ("Moscow denied sending troops").
    case denied
    /// Possible, conditional or future-possible: "might", "could", "if", "would".
    case hypothetical
    /// Said not to have happened: "did not attack", "refrained from announcing".
    case negated
}

/// An actor taking part in an event or speaking a claim, as the text names it.
public struct EventActor: Sendable, Hashable, Codable {
    /// The CAMEO actor code on the event's day ("BLRMIL", "USAGOV", "IGOEUREEC").
    public var code: String?
    /// The knowledge-base id, when the actor is one we know.
    public var actor: ActorID?
    /// The canonical name (the knowledge base's, else the text's).
    public var name: String
    /// The words in the text that name it, with their scalar span in the document.
    public var text: String
    public var start: Int
    public var end: Int
    /// True when the code was not written in the phrase but inferred (a bare "border service"
    /// in a document about Belarus).
    public var inferred: Bool

    public init(code: String?, actor: ActorID?, name: String, text: String, start: Int, end: Int, inferred: Bool = false) {
        self.code = code
        self.actor = actor
        self.name = name
        self.text = text
        self.start = start
        self.end = end
        self.inferred = inferred
    }
}

/// Where an event happened, from the gazetteer.
public struct EventPlace: Sendable, Hashable, Codable {
    /// The gazetteer's id (a GeoNames id for cities, `country:XX`/`admin1:XX.YY` otherwise).
    public var id: String
    public var name: String
    /// ISO 3166-1 alpha-2 country code.
    public var country: String
    public var latitude: Double
    public var longitude: Double
    /// The place name in the text.
    public var text: String
    public var start: Int
    public var end: Int
}

/// When an event happened, as precisely as the text says.
public struct EventDate: Sendable, Hashable, Codable {
    /// Where the date came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// A time expression in the event's sentence.
        case sentence
        /// The sentence that introduces the list the event's line belongs to.
        case context
        /// The document's date (publication or inferred anchor).
        case document
    }

    /// A TIMEX3-style value: a day (`2024-05-24`), month, year, or an interval of two days
    /// (`2024-06-24/2024-06-30`).
    public var value: String
    /// The first and last day the value covers (`YYYY-MM-DD`).
    public var first: String
    public var last: String
    public var source: Source
    /// The time expression's text, when there is one.
    public var text: String?
}

/// Who an event or claim is attributed to, and the words that say so.
public struct Attribution: Sendable, Hashable, Codable {
    /// The attributing source as named ("the Institute for the Study of War", "Ukraine").
    public var text: String
    public var start: Int
    public var end: Int
    /// The source resolved to an actor, where the text names one we know.
    public var actor: EventActor?
}

/// One coded event: who did what to whom, where and when, how sure the text is, and exactly
/// which words say so.
public struct ExtractedEvent: Sendable, Hashable, Codable {
    /// The sentence's index in the document (the language layer's sentences).
    public var sentence: Int
    /// The trigger's scalar span in the document text, and its words.
    public var start: Int
    public var end: Int
    public var trigger: String
    /// CAMEO event code, its two-digit root, PLOVER type, Goldstein value and quad class.
    public var code: String
    public var root: String
    public var plover: String?
    public var goldstein: Double
    public var quad: Int
    public var source: EventActor?
    public var target: EventActor?
    public var date: EventDate?
    public var place: EventPlace?
    public var status: EventStatus
    /// The words that set the status ("according to", "might", "not confirmed").
    public var cue: String?
    public var attributedTo: Attribution?
}

/// A direct quote or reported speech: who said it, the verb or phrase that says so, and what.
public struct ExtractedClaim: Sendable, Hashable, Codable {
    public var sentence: Int
    /// The content's scalar span (inside the quotation marks for a direct quote).
    public var start: Int
    public var end: Int
    public var content: String
    public var speaker: EventActor?
    /// What the text adds about the speaker ("head of the Russia—Eurasia program at … Chatham
    /// House"), and the organisation resolved from it.
    public var affiliation: String?
    public var affiliationActor: ActorID?
    /// The cue ("said", "warned", "according to") and its span.
    public var cue: String
    public var cueStart: Int
    public var cueEnd: Int
    /// A direct quote (in quotation marks) or reported speech.
    public var direct: Bool
    /// A quote that goes on from an earlier sentence's quote, with the same speaker.
    public var continuation: Bool
}

/// An actor named in the text: where, and who it is on the document's day.
public struct ExtractedMention: Sendable, Hashable, Codable {
    public var sentence: Int
    public var start: Int
    public var end: Int
    public var text: String
    public var actor: ActorID
    public var kind: ActorKind
    public var code: String?
}

/// A sentence's span in the document.
public struct SentenceSpan: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// Everything extraction finds in one document.
public struct DocumentExtraction: Sendable, Hashable, Codable {
    public var sentences: [SentenceSpan]
    public var mentions: [ExtractedMention]
    public var events: [ExtractedEvent]
    public var claims: [ExtractedClaim]
    public var timeAndQuantities: TimeAndQuantities
}
