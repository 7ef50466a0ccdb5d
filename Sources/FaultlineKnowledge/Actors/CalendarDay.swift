import FaultlineModel

/// A day on the proleptic Gregorian calendar, the unit in which roles begin and end.
///
/// Stored as the integer `YYYYMMDD`, so comparing two days is comparing two integers: role
/// lookups run on every mention and must not touch `Calendar`.
///
/// ```swift
/// let day = CalendarDay("2019-05-05")!
/// day < CalendarDay(year: 2021, month: 1, day: 20)  // true
/// ```
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// `YYYYMMDD`, e.g. 20190505.
    public let ordinal: Int32

    public init(year: Int, month: Int, day: Int) {
        ordinal = Int32(year * 10_000 + month * 100 + day)
    }

    /// Parses `YYYY-MM-DD` (or `YYYYMMDD`); nil for anything else or an impossible month or day.
    public init?(_ text: some StringProtocol) {
        let digits = text.utf8.filter { $0 != UInt8(ascii: "-") }
        guard digits.count == 8, text.utf8.count == 8 || text.utf8.count == 10,
            digits.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return nil }
        var value = 0
        for d in digits { value = value * 10 + Int(d - 48) }
        let month = value / 100 % 100
        let day = value % 100
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        if text.utf8.count == 10 {
            let bytes = Array(text.utf8)
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        }
        ordinal = Int32(value)
    }

    /// The day of a publication date (its time and offset are dropped).
    public init(_ date: PublicationDate) {
        self.init(year: date.year, month: date.month, day: date.day)
    }

    public var year: Int { Int(ordinal) / 10_000 }
    public var month: Int { Int(ordinal) / 100 % 100 }
    public var day: Int { Int(ordinal) % 100 }

    /// `YYYY-MM-DD`.
    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count < 2 ? "0" : "") + m + "-"
            + (d.count < 2 ? "0" : "") + d
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD day: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
