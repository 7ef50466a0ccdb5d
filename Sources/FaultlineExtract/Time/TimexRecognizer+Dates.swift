import FaultlineKnowledge
import FaultlineText

/// Calendar dates, clock times and days of the grammar: `25 May 2023`, `Nov. 25`, `9-11 July`,
/// `2024-07-01`, `the 1990s`, `10:35 a.m.`, `Friday morning`.
extension TimexRecognizer {
    func candidate(_ first: Int, _ end: Int, _ meaning: TimexMeaning, mod: String? = nil) -> TimexCandidate {
        TimexCandidate(first: first, end: end, meaning: meaning, mod: mod)
    }

    // MARK: - Dates written out

    func explicitDate(_ i: Int) -> TimexCandidate? {
        guard i >= 0, i < w.count else { return nil }
        let s = w[i].lower
        if w[i].kind == .number, let literal = numericDate(s) { return candidate(i, i + 1, literal) }
        // Monday, Oct. 16 (, 1989): the date says which Monday.
        if let wd = TimexLexicon.weekdays[s] {
            let j = word(i + 1) == "," ? i + 2 : i + 1
            if month(j) != nil, let date = explicitDate(j), case .calendar(let y, let m?, let d?) = date.meaning {
                return candidate(i, date.end, y == nil ? .datedWeekday(month: m, day: d, weekday: wd) : date.meaning)
            }
            return nil
        }
        if let m = month(i) {
            let j = i + 1
            if let d = dayOfMonth(j) {
                // July 9-11
                if isWord(j + 1, ["-", "\u{2013}", "to", "through"]), let d2 = dayOfMonth(j + 2), d2 > d {
                    let (y, end) = trailingYear(j + 3)
                    return candidate(i, end, .dayRange(year: y, month: m, first: d, last: d2))
                }
                let (y, end) = trailingYear(j + 1)
                guard CalendarDay.isValid(year: y ?? 2000, month: m, day: d) else { return nil }
                return candidate(i, end, .calendar(year: y, month: m, day: d))
            }
            if let y = year(j) { return candidate(i, j + 1, .calendar(year: y, month: m, day: nil)) }
            if let y = spelledYear(j) { return candidate(i, y.end, .calendar(year: y.year, month: m, day: nil)) }
            if isWord(j, [",", "of"]), let y = year(j + 1) { return candidate(i, j + 2, .calendar(year: y, month: m, day: nil)) }
            // June last year, January this year
            if isWord(j, ["last", "this", "next"]), word(j + 1) == "year" {
                let offset = word(j) == "last" ? -1 : word(j) == "next" ? 1 : 0
                return candidate(i, j + 2, .monthInYear(m, yearOffset: offset))
            }
            return candidate(i, j, .calendar(year: nil, month: m, day: nil))
        }
        if let d = dayOfMonth(i) {
            if let m = month(i + 1) {
                let (y, end) = trailingYear(i + 2)
                guard CalendarDay.isValid(year: y ?? 2000, month: m, day: d) else { return nil }
                return candidate(i, end, .calendar(year: y, month: m, day: d))
            }
            if word(i + 1) == "of", let m = month(i + 2), !w[i].lower.allSatisfy(\.isNumber) {
                let (y, end) = trailingYear(i + 3)
                return candidate(i, end, .calendar(year: y, month: m, day: d))
            }
            // 9-11 July
            if isWord(i + 1, ["-", "\u{2013}", "to"]), let d2 = dayOfMonth(i + 2), d2 > d, let m = month(i + 3) {
                let (y, end) = trailingYear(i + 4)
                return candidate(i, end, .dayRange(year: y, month: m, first: d, last: d2))
            }
        }
        if let y = year(i), yearStandsAlone(i) {
            // 1994 or later
            if word(i + 1) == "or", isWord(i + 2, ["later", "earlier", "before", "after"]) {
                return candidate(i, i + 3, .calendar(year: y, month: nil, day: nil))
            }
            return candidate(i, i + 1, .calendar(year: y, month: nil, day: nil))
        }
        if let decade = decadeToken(s) { return candidate(i, i + 1, .decade(decade)) }
        if let y = spelledYear(i) { return candidate(i, y.end, .calendar(year: y.year, month: nil, day: nil)) }
        return nil
    }

    /// `, 2023` or ` 2023` after a date.
    func trailingYear(_ j: Int) -> (Int?, Int) {
        if let y = year(j) { return (y, j + 1) }
        if word(j) == ",", let y = year(j + 1) { return (y, j + 2) }
        if let y = spelledYear(j) { return (y.year, y.end) }
        return (nil, j)
    }

    /// Whether a four-digit number reads as a year here, not as a count (`1,500 troops` has a
    /// comma; `2000 people` is followed by a plural noun; `$2000` follows a currency sign).
    func yearStandsAlone(_ i: Int) -> Bool {
        let before = word(i - 1)
        if ["$", "€", "£", "#", "no.", "number", "about", "some", "nearly", "over", "than", "exactly"].contains(before) { return false }
        if i + 1 < w.count {
            let next = w[i + 1]
            if next.lower == "%" || next.lower == "percent" || next.lower == "per" { return false }
            if !w[i].spaceAfter, next.lower == "-" || next.lower == "/" { return false }
            if next.kind == .word, !next.capitalized, next.lower.hasSuffix("s"), !["was", "is", "has", "as", "its", "this", "was", "us", "his", "whereas", "thus", "plus", "yes", "less", "unless", "across", "always"].contains(next.lower),
                TimexLexicon.units[next.lower] == nil
            {
                return false
            }
        }
        return true
    }

    /// `2024-07-01`, `07/01/2024`, `11/28/2000` (month first, as US news writes).
    func numericDate(_ s: String) -> TimexMeaning? {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count >= 8, scalars.count <= 10 else { return nil }
        var parts: [Int] = []
        var separators: [Unicode.Scalar] = []
        var current = 0
        var length = 0
        var lengths: [Int] = []
        for c in scalars {
            if c.value >= 48 && c.value <= 57 {
                current = current * 10 + Int(c.value - 48)
                length += 1
            } else if c == "-" || c == "/" || c == "." {
                parts.append(current)
                lengths.append(length)
                separators.append(c)
                current = 0
                length = 0
            } else {
                return nil
            }
        }
        parts.append(current)
        lengths.append(length)
        guard parts.count == 3, separators[0] == separators[1] else { return nil }
        let (y, m, d): (Int, Int, Int)
        if lengths[0] == 4 {
            (y, m, d) = (parts[0], parts[1], parts[2])
        } else if lengths[2] == 4 {
            // 07/01/2024 is US month/day; 25/12/2024 can only be day/month.
            (y, m, d) = parts[0] > 12 ? (parts[2], parts[1], parts[0]) : (parts[2], parts[0], parts[1])
        } else {
            return nil
        }
        guard (1000...2099).contains(y), CalendarDay.isValid(year: y, month: m, day: d) else { return nil }
        return .literal(CalendarDay(year: y, month: m, day: d).iso)
    }

    /// `1990s`, `'90s`, `1990's`.
    func decadeToken(_ s: String) -> Int? {
        guard s.utf8.last == UInt8(ascii: "s") else { return nil }
        var body = Substring(s)
        if body.hasPrefix("mid-") { return nil }
        if body.hasSuffix("'s") { body = body.dropLast(2) } else if body.hasSuffix("s") { body = body.dropLast() } else { return nil }
        if body.hasPrefix("'") {
            guard body.count == 3, let n = Int(body.dropFirst()), n % 10 == 0 else { return nil }
            return 190 + n / 10
        }
        guard body.count == 4, let n = Int(body), n % 10 == 0, (1000...2090).contains(n) else { return nil }
        return n / 10
    }

    /// `nineteen ninety-six`, `nineteen seventy-nine`, `two thousand`.
    func spelledYear(_ i: Int) -> (year: Int, end: Int)? {
        let s = word(i)
        if s == "two", word(i + 1) == "thousand" {
            var end = i + 2
            var year = 2000
            if word(end) == "and", let n = TimexLexicon.numberWords[word(end + 1)], n < 20 {
                year += n
                end += 2
            } else if let n = TimexLexicon.numberWords[word(end)], n < 20, n > 0 {
                year += n
                end += 1
            }
            return (year, end)
        }
        guard let century = Self.centuryWords[s] else { return nil }
        guard let tens = TimexLexicon.numberWords[word(i + 1)], tens >= 20, tens % 10 == 0, tens < 100 else { return nil }
        var year = century * 100 + tens
        var end = i + 2
        if word(end) == "-", let unit = TimexLexicon.numberWords[word(end + 1)], unit < 10 {
            year += unit
            end += 2
        } else if let unit = TimexLexicon.numberWords[word(end)], unit < 10, unit > 0 {
            year += unit
            end += 1
        }
        return (year, end)
    }

    // MARK: - Days and times of day

    /// A day named on its own: a weekday (with `last`/`next`/`this`), `today`, `yesterday`,
    /// `tomorrow`, or a written date.
    func day(_ i: Int) -> (meaning: TimexMeaning, end: Int)? {
        guard i >= 0, i < w.count else { return nil }
        let s = word(i)
        if let wd = TimexLexicon.weekdays[s] {
            if let date = explicitDate(i) { return (date.meaning, date.end) }
            return (.weekday(wd, offset: nil), i + 1)
        }
        switch s {
        case "today": return (.dayOffset(0), i + 1)
        case "yesterday": return (.dayOffset(-1), i + 1)
        case "tomorrow": return (.dayOffset(1), i + 1)
        case "last", "next", "this":
            if let wd = TimexLexicon.weekdays[word(i + 1)] {
                return (.weekday(wd, offset: s == "last" ? -1 : s == "next" ? 1 : 0), i + 2)
            }
            return nil
        default: break
        }
        if let date = explicitDate(i), case .calendar(_, let m, let d) = date.meaning, m != nil, d != nil {
            return (date.meaning, date.end)
        }
        return nil
    }

    /// `Friday morning`, `this morning`, `last night`, `tonight`, `yesterday`, `Monday`.
    func dayWithPart(_ i: Int) -> TimexCandidate? {
        guard i >= 0, i < w.count else { return nil }
        let s = word(i)
        if s == "tonight" { return candidate(i, i + 1, .partOfDay("NI", day: .dayOffset(0))) }
        if s == "overnight" { return nil }
        if isWord(i, ["this", "that"]), let part = TimexLexicon.partsOfDay[word(i + 1)] {
            return candidate(i, i + 2, .partOfDay(part, day: s == "this" ? .dayOffset(0) : nil))
        }
        if s == "last", word(i + 1) == "night" { return candidate(i, i + 2, .partOfDay("NI", day: .dayOffset(-1))) }
        guard let (day, end) = day(i) else { return nil }
        if let part = TimexLexicon.partsOfDay[word(end)] { return candidate(i, end + 1, .partOfDay(part, day: day)) }
        return candidate(i, end, day)
    }

    /// `10:35 a.m.`, `9 a.m. EDT Thursday`, `noon Saturday`, `5 p.m. EST, Nov. 6`.
    func clockTime(_ i: Int) -> TimexCandidate? {
        guard i >= 0, i < w.count else { return nil }
        var hour: Int
        var minute = 0
        var end: Int
        let s = word(i)
        if s == "noon" || s == "midday" {
            (hour, end) = (12, i + 1)
        } else if s == "midnight" {
            (hour, end) = (24, i + 1)
        } else if w[i].kind == .number {
            let parts = s.split(separator: ":")
            if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, (0...24).contains(h), (0...59).contains(m) {
                (hour, minute, end) = (h, m, i + 1)
            } else if let h = digits(i), (1...12).contains(h), s.count <= 2 {
                (hour, end) = (h, i + 1)
            } else {
                return nil
            }
            let meridiem = word(end)
            if ["a.m.", "a.m", "am"].contains(meridiem) {
                if hour == 12 { hour = 0 }
                end += 1
            } else if ["p.m.", "p.m", "pm"].contains(meridiem) {
                if hour < 12 { hour += 12 }
                end += 1
            } else if word(end) == "o'clock" {
                end += 1
            } else if parts.count != 2 {
                return nil
            }
        } else {
            return nil
        }
        if Self.zones.contains(word(end)) { end += 1 }
        var dayMeaning: TimexMeaning?
        let dayStart = word(end) == "," ? end + 1 : end
        if let (d, dayEnd) = day(dayStart) {
            dayMeaning = d
            end = dayEnd
        }
        return candidate(i, end, .clock(hour: hour, minute: minute, day: dayMeaning))
    }

    static let centuryWords: [String: Int] = ["eighteen": 18, "nineteen": 19, "twenty": 20]

    static let zones: Set<String> = [
        "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "msk", "eet", "eest",
    ]
}
