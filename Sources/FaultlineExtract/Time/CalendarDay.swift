import FaultlineKnowledge

/// The knowledge base's day (`FaultlineKnowledge.CalendarDay`), with the arithmetic time
/// expressions need: shifting by days and months, weekdays, ISO weeks, quarters.
///
/// Pure integer arithmetic (days since 1970-01-01 by Howard Hinnant's civil-calendar
/// formulas), so normalising never touches Foundation's calendars, time zones or locale.
extension CalendarDay {
    init(serial: Int) {
        let z = serial + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Days since 1970-01-01.
    var serial: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    var weekday: Int {
        let w = (serial + 3) % 7  // 1970-01-01 was a Thursday (3 with Monday = 0)
        return (w < 0 ? w + 7 : w) + 1
    }

    func adding(days: Int) -> CalendarDay { CalendarDay(serial: serial + days) }

    /// Shifts by whole months, clamping the day to the target month's length.
    func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        return CalendarDay(year: y, month: m, day: min(day, Self.daysIn(month: m, year: y)))
    }

    var quarter: Int { (month - 1) / 3 + 1 }

    /// The ISO 8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let first = CalendarDay(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.serial - first.serial) / 7 + 1)
    }

    /// `YYYY-MM-DD`.
    var iso: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }
    /// `YYYY-MM`.
    var isoMonth: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))" }
    /// `YYYY-Www`.
    var isoWeekValue: String {
        let w = isoWeek
        return "\(Self.pad(w.year, 4))-W\(Self.pad(w.week, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        if value < 0 { return "-" + pad(-value, width) }
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
