/// A calendar date with an optional time of day and UTC offset, as sources give them.
///
/// Sources are uneven: "September 05, 2019" has no time, "Mon, 07/01/2024 – 02:00" no zone,
/// an Atom feed a full RFC 3339 stamp. The value keeps exactly what was given, so nothing is
/// invented; ``isoDate`` is what filters and exports compare.
///
/// ```swift
/// let d = PublicationDate(year: 2019, month: 9, day: 5)
/// d.isoDate  // "2019-09-05"
/// ```
public struct PublicationDate: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Time of day, when the source gives one.
    public var time: TimeOfDay?
    /// Offset from UTC in minutes, when the source gives one.
    public var utcOffsetMinutes: Int?

    public struct TimeOfDay: Sendable, Codable, Hashable {
        public var hour: Int
        public var minute: Int
        public var second: Int
        public init(hour: Int, minute: Int, second: Int = 0) {
            self.hour = hour
            self.minute = minute
            self.second = second
        }
    }

    public init(
        year: Int, month: Int, day: Int, time: TimeOfDay? = nil, utcOffsetMinutes: Int? = nil
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.time = time
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// `YYYY-MM-DD`.
    public var isoDate: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// ISO 8601 with as much precision as the source gave: `2024-07-01`,
    /// `2024-07-01T02:00:00` or `2024-07-01T02:00:00+02:00`.
    public var isoString: String {
        guard let time else { return isoDate }
        var s = "\(isoDate)T\(Self.pad(time.hour, 2)):\(Self.pad(time.minute, 2)):\(Self.pad(time.second, 2))"
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                s += "Z"
            } else {
                let sign = offset < 0 ? "-" : "+"
                s += "\(sign)\(Self.pad(abs(offset) / 60, 2)):\(Self.pad(abs(offset) % 60, 2))"
            }
        }
        return s
    }

    public var description: String { isoString }

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        lhs.isoString < rhs.isoString
    }

    /// Whether the fields name a real day of the Gregorian calendar.
    public var isValid: Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return false }
        if let time {
            guard (0...23).contains(time.hour), (0...59).contains(time.minute),
                (0...60).contains(time.second)
            else { return false }
        }
        return true
    }

    /// Parses the forms ``isoString`` writes back into a value.
    public init?(isoString: String) {
        let scalars = Array(isoString.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[from..<(from + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard scalars.count >= 10, let y = number(0, 4), let m = number(5, 2), let d = number(8, 2)
        else { return nil }
        var date = PublicationDate(year: y, month: m, day: d)
        if scalars.count >= 19, let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2) {
            date.time = TimeOfDay(hour: h, minute: mi, second: s)
            if scalars.count > 19 {
                if scalars[19] == UInt8(ascii: "Z") {
                    date.utcOffsetMinutes = 0
                } else if scalars.count >= 25, let oh = number(20, 2), let om = number(23, 2) {
                    date.utcOffsetMinutes = (scalars[19] == UInt8(ascii: "-") ? -1 : 1) * (oh * 60 + om)
                }
            }
        }
        guard date.isValid else { return nil }
        self = date
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
