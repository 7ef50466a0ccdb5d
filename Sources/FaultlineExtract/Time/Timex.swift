import FaultlineModel

/// A time expression found in a text, normalised the TIMEX3 way (TimeML 1.2.1).
///
/// ```swift
/// let anchor = TimeAnchor(date: PublicationDate(year: 2024, month: 7, day: 1))
/// let found = TimexExtractor().extract(text: "talks on 24 May", anchor: anchor)
/// found[0].value  // "2024-05-24"
/// ```
///
/// `value` is a TIMEX3 value: `2024-05-24`, `2024-W27`, `2024-Q3`, `2024-SU`, `199X`, `PT5H`,
/// `P2Y9M`, `PAST_REF`, `XXXX-XX-XX`; a range (`9-11 July`) is an ISO 8601 interval of two
/// values, `2024-07-09/2024-07-11`, which ``range`` splits.
public struct Timex: Sendable, Hashable, Codable {
    /// The TIMEX3 types.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
    }

    /// First scalar of the expression in the text.
    public var start: Int
    /// One past its last scalar.
    public var end: Int
    /// The text of `start..<end`.
    public var text: String
    public var type: Kind
    public var value: String
    /// TIMEX3 `mod`: `EARLY`, `MID`, `LATE`, `START`, `END`, `APPROX`, `LESS_THAN`, `MORE_THAN`,
    /// `EQUAL_OR_MORE`, `EQUAL_OR_LESS`.
    public var mod: String?
    /// Whether the value was computed from the anchor (a relative or underspecified expression)
    /// rather than read whole from the text (`25 May 2023`, `PT5H`).
    public var anchored: Bool
    /// The index of the sentence holding the expression, when sentences were given.
    public var sentence: Int?

    public init(
        start: Int, end: Int, text: String, type: Kind, value: String, mod: String? = nil, anchored: Bool = false,
        sentence: Int? = nil
    ) {
        self.start = start
        self.end = end
        self.text = text
        self.type = type
        self.value = value
        self.mod = mod
        self.anchored = anchored
        self.sentence = sentence
    }

    /// The first and last value of a range (`2024-07-09/2024-07-11`), or nil for a single value.
    public var range: (first: String, last: String)? {
        guard let slash = value.firstIndex(of: "/") else { return nil }
        return (String(value[..<slash]), String(value[value.index(after: slash)...]))
    }
}

/// The date relative expressions are resolved against: the document creation time.
///
/// It is the publication date when the document has one; otherwise the extractor infers one
/// from the text (``TimeAnchorInference``) and says so with ``inferred`` and ``evidence``.
public struct TimeAnchor: Sendable, Hashable, Codable {
    /// The anchor day. When only a month is known the day is 1 and ``precision`` is `.month`.
    public var date: PublicationDate
    public var precision: Precision
    /// True when the text, not the document's metadata, gave the anchor.
    public var inferred: Bool
    /// The words the anchor was inferred from (`since November 1`), when inferred.
    public var evidence: String?

    public enum Precision: String, Sendable, Hashable, Codable {
        case day, month, year
    }

    public init(date: PublicationDate, precision: Precision = .day, inferred: Bool = false, evidence: String? = nil) {
        self.date = date
        self.precision = precision
        self.inferred = inferred
        self.evidence = evidence
    }

    /// `2024-07-01`, or `2024-11` / `2024` when only that much is known.
    public var value: String {
        switch precision {
        case .day: return date.isoDate
        case .month: return String(date.isoDate.prefix(7))
        case .year: return String(date.isoDate.prefix(4))
        }
    }
}
