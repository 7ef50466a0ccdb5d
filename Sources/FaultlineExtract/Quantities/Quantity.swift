/// A number in a text with its unit and the thing it counts or measures.
///
/// ```swift
/// let q = QuantityExtractor().extract(text: "a train containing 492 tons of ammunition")[0]
/// q.value   // 492
/// q.unit    // "t"
/// q.object  // "ammunition"
/// ```
///
/// Values are normalised: scale words multiply (`$2.7 billion` is 2.7e9 `USD`), units have
/// one name each (`t`, `kg`, `km`, `km²`, `mi`, `mi²`, `ha`, `m`, `%`, `USD`, `EUR`, `GBP`,
/// `RUB`, `UAH`, `bbl`), and vague amounts give their floor (`thousands of` is at least 1,000,
/// with ``mod`` `VAGUE`). A count has no unit (`13 trains`).
public struct Quantity: Sendable, Hashable, Codable {
    /// First scalar of the amount (with its modifier: `at least 492 tons`).
    public var start: Int
    /// One past the last scalar of the amount and unit (the counted noun has its own span).
    public var end: Int
    /// The text of `start..<end`.
    public var text: String
    /// The amount in ``unit``; the lower end of a range.
    public var value: Double
    /// The upper end of a range (`10-15 drones`), when one is given.
    public var upper: Double?
    /// The normalised unit; nil for a count.
    public var unit: String?
    /// How the amount is bounded or hedged: `APPROX`, `AT_LEAST`, `MORE_THAN`, `LESS_THAN`,
    /// `AT_MOST`, `VAGUE` (`thousands of`).
    public var mod: String?
    /// The noun the number counts or measures (`trains`, `ammunition`, `oil`), when it has one.
    public var object: String?
    /// The span of ``object``.
    public var objectStart: Int?
    public var objectEnd: Int?
    /// The index of the sentence holding the quantity, as for ``Timex/sentence``.
    public var sentence: Int?

    public init(
        start: Int, end: Int, text: String, value: Double, upper: Double? = nil, unit: String? = nil,
        mod: String? = nil, object: String? = nil, objectStart: Int? = nil, objectEnd: Int? = nil,
        sentence: Int? = nil
    ) {
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.upper = upper
        self.unit = unit
        self.mod = mod
        self.object = object
        self.objectStart = objectStart
        self.objectEnd = objectEnd
        self.sentence = sentence
    }
}
