import Foundation
import FaultlineModel

/// Reads publication dates in the forms articles, pages and feeds write them.
///
/// ISO 8601 and RFC 3339 (`2024-07-01`, `2024-07-01T02:00:00+02:00`), RFC 822 as feeds use
/// it (`Mon, 01 Jul 2024 02:00:00 +0000`), written dates (`September 05, 2019`, `5 Sept. 2019`,
/// `Thursday, September 5, 2019 at 10:30 am`) and numeric ones (`07/01/2024 – 02:00`, US
/// month first unless the first number is over 12; `01.07.2024`, day first).
///
/// ```swift
/// DateParser.parse("Global Research, September 05, 2019")  // nil: the whole string must be a date
/// DateParser.parse("September 05, 2019")?.isoDate          // "2019-09-05"
/// ```
public enum DateParser {
    /// Parses a string that is a date and nothing else (labels like `Published:` allowed).
    public static func parse(_ input: some StringProtocol) -> PublicationDate? {
        // The longest date form ("Wednesday, September 25, 2019 at 10:30 a.m. EDT") is far
        // shorter; body lines end here without being tokenised.
        guard input.utf8.count <= 80 else { return nil }
        var tokens = tokenize(input)
        guard !tokens.isEmpty, tokens.count <= 24 else { return nil }
        // Leading labels and weekday names carry no date.
        while let first = tokens.first, case .word(let w) = first,
            leadingNoise.contains(w) || weekdays[w] != nil
        {
            tokens.removeFirst()
            while let next = tokens.first, case .punct(let p) = next, p == "," || p == ":" {
                tokens.removeFirst()
            }
        }
        var cursor = 0
        guard var date = parseDate(tokens, &cursor) else { return nil }
        if cursor < tokens.count {
            guard let (time, offset) = parseTime(tokens, &cursor) else { return nil }
            date.time = time
            date.utcOffsetMinutes = offset
        }
        guard cursor == tokens.count, date.isValid, (1900...2100).contains(date.year) else { return nil }
        return date
    }

    /// Finds a date at the start of a URL path segment run, as in `/2025/04/02/slug`.
    public static func fromURLPath(_ url: String) -> PublicationDate? {
        let parts = url.split(separator: "/").map(String.init)
        for i in parts.indices where parts[i].count == 4 {
            guard let year = Int(parts[i]), (1990...2100).contains(year), i + 1 < parts.count,
                let month = Int(parts[i + 1]), (1...12).contains(month)
            else { continue }
            var day = 1
            var exact = false
            if i + 2 < parts.count, parts[i + 2].count <= 2, let d = Int(parts[i + 2]) {
                day = d
                exact = true
            }
            let date = PublicationDate(year: year, month: month, day: day)
            if exact && date.isValid { return date }
        }
        // 2025-04-02 inside a slug.
        if let range = url.range(of: #"(19|20)\d\d-\d\d-\d\d"#, options: .regularExpression) {
            return parse(url[range])
        }
        return nil
    }

    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case punct(Character)
    }

    static func tokenize(_ input: some StringProtocol) -> [Token] {
        var tokens: [Token] = []
        var number = 0
        var digits = 0
        var word = ""
        func flush() {
            if digits > 0 {
                tokens.append(.number(number, digits: digits))
                number = 0
                digits = 0
            }
            if !word.isEmpty {
                tokens.append(.word(word.lowercased()))
                word = ""
            }
        }
        for ch in input {
            if let d = ch.wholeNumberValue, ch.isASCII {
                if !word.isEmpty { flush() }
                if digits < 9 { number = number * 10 + d }
                digits += 1
            } else if ch.isLetter {
                if digits > 0 { flush() }
                word.append(ch)
            } else {
                flush()
                if ch.isWhitespace { continue }
                switch ch {
                case "–", "—", "‐", "-": tokens.append(.punct("-"))
                default: tokens.append(.punct(ch))
                }
            }
        }
        flush()
        return tokens
    }

    private static let leadingNoise: Set<String> = [
        "published", "posted", "updated", "date", "dated", "on", "last", "modified", "first", "pubdate",
    ]

    static let weekdays: [String: Int] = [
        "mon": 1, "monday": 1, "tue": 2, "tues": 2, "tuesday": 2, "wed": 3, "wednesday": 3,
        "thu": 4, "thur": 4, "thurs": 4, "thursday": 4, "fri": 5, "friday": 5, "sat": 6,
        "saturday": 6, "sun": 7, "sunday": 7,
    ]

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
        "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
        "december": 12,
    ]

    private static func parseDate(_ t: [Token], _ i: inout Int) -> PublicationDate? {
        func number(_ at: Int) -> (Int, Int)? {
            guard at < t.count, case .number(let n, let d) = t[at] else { return nil }
            return (n, d)
        }
        func month(_ at: Int) -> Int? {
            guard at < t.count, case .word(let w) = t[at] else { return nil }
            return months[w]
        }
        func skip(_ set: Set<Character>) {
            while i < t.count, case .punct(let p) = t[i], set.contains(p) { i += 1 }
        }
        // Numeric: Y-M-D, M/D/Y, D.M.Y
        if let (a, ad) = number(i), i + 4 < t.count, case .punct(let s1) = t[i + 1],
            let (b, _) = number(i + 2), case .punct(let s2) = t[i + 3], s1 == s2, "-/.".contains(s1),
            let (c, cd) = number(i + 4)
        {
            i += 5
            if ad == 4 { return PublicationDate(year: a, month: b, day: c) }
            guard cd == 4 else { return nil }
            if s1 == "." || a > 12 { return PublicationDate(year: c, month: b, day: a) }
            return PublicationDate(year: c, month: a, day: b)
        }
        // Month D, Y  /  Month D Y
        if let m = month(i) {
            i += 1
            skip(["."])
            guard let (d, dd) = number(i), dd <= 2 else { return nil }
            i += 1
            if i < t.count, case .word(let w) = t[i], ["st", "nd", "rd", "th"].contains(w) { i += 1 }
            skip([","])
            guard let (y, yd) = number(i), yd == 4 else { return nil }
            i += 1
            return PublicationDate(year: y, month: m, day: d)
        }
        // D Month Y
        if let (d, dd) = number(i), dd <= 2 {
            var j = i + 1
            if j < t.count, case .word(let w) = t[j], ["st", "nd", "rd", "th"].contains(w) { j += 1 }
            if j < t.count, case .word(let w) = t[j], w == "of" { j += 1 }
            guard let m = month(j) else { return nil }
            i = j + 1
            skip([".", ","])
            guard let (y, yd) = number(i), yd == 4 else { return nil }
            i += 1
            return PublicationDate(year: y, month: m, day: d)
        }
        return nil
    }

    private static let zones: [String: Int] = [
        "z": 0, "gmt": 0, "ut": 0, "utc": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "eet": 120,
        "eest": 180, "bst": 60, "msk": 180,
    ]

    /// `T02:00:00Z`, `02:00`, `at 10:30 am EST`, `– 02:00`, `02:00:00 +0000`, `.123` fractions.
    private static func parseTime(_ t: [Token], _ i: inout Int)
        -> (PublicationDate.TimeOfDay, Int?)?
    {
        while i < t.count {
            if case .punct(let p) = t[i], ",-|@".contains(p) {
                i += 1
            } else if case .word(let w) = t[i], w == "at" || w == "t" {
                i += 1
            } else {
                break
            }
        }
        guard i < t.count, case .number(var hour, let hd) = t[i], hd <= 2 else { return nil }
        i += 1
        var minute = 0
        var second = 0
        if i + 1 < t.count, case .punct(":") = t[i], case .number(let m, _) = t[i + 1] {
            minute = m
            i += 2
            if i + 1 < t.count, case .punct(":") = t[i], case .number(let s, _) = t[i + 1] {
                second = s
                i += 2
                if i + 1 < t.count, case .punct(".") = t[i], case .number = t[i + 1] { i += 2 }
            }
        } else if i < t.count, case .word(let w) = t[i], w == "am" || w == "pm" {
            // "10 am"
        } else {
            return nil
        }
        if i < t.count, case .word(let w) = t[i], w == "am" || w == "pm" || w == "a" || w == "p" {
            if w.hasPrefix("p") && hour < 12 { hour += 12 }
            if w.hasPrefix("a") && hour == 12 { hour = 0 }
            i += 1
            if i < t.count, case .punct(".") = t[i] { i += 1 }
            if i < t.count, case .word("m") = t[i] { i += 1 }
            if i < t.count, case .punct(".") = t[i] { i += 1 }
        }
        var offset: Int?
        if i < t.count, case .word(let w) = t[i], let z = zones[w] {
            offset = z
            i += 1
        }
        if i + 1 < t.count, case .punct(let sign) = t[i], sign == "+" || sign == "-",
            case .number(let n, let nd) = t[i + 1]
        {
            var minutes: Int
            i += 2
            if nd == 4 {
                minutes = (n / 100) * 60 + n % 100
            } else if i + 1 < t.count, case .punct(":") = t[i], case .number(let m, _) = t[i + 1] {
                minutes = n * 60 + m
                i += 2
            } else {
                minutes = n * 60
            }
            offset = sign == "-" ? -minutes : minutes
        }
        return (PublicationDate.TimeOfDay(hour: hour, minute: minute, second: second), offset)
    }
}
