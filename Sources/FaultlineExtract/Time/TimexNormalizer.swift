import FaultlineKnowledge

/// Turns what an expression means into a TIMEX3 type and value, given the anchor, the tense
/// around the expression and the period the text last spoke of.
///
/// One normaliser reads one document in order: ``note(_:value:)`` records each resolved value
/// so that `a year earlier` after `the third quarter` is the third quarter of the year before
/// (as financial reporting means it), and `the next day` follows the last day named.
struct TimexNormalizer: Sendable {
    /// The anchor day (the document creation time), when known.
    var anchor: CalendarDay?

    /// The last concrete period the text named, at its own granularity.
    private(set) var reference: Period?
    /// The last quarter the text named: financial reporting compares against it
    /// (`a year earlier`, `the 1988 period`) even after naming the day the quarter ended.
    private(set) var quarterReference: (year: Int, quarter: Int)?
    /// The word where it was named.
    private(set) var referenceWord = Int.min / 2
    /// The word of the expression being resolved.
    var currentWord = 0

    init(anchor: CalendarDay?) { self.anchor = anchor }

    /// Days a past-tense date may lie after the anchor, and a future one before it, and still
    /// be in the anchor's year; how much farther a later date counts without a tense.
    static let pastTolerance = 14
    static let futureTolerance = 7
    static let futureWeight = 2.0

    /// A period at the granularity a value names.
    enum Period: Hashable, Sendable {
        case day(CalendarDay)
        case month(year: Int, month: Int)
        case quarter(year: Int, quarter: Int)
        case year(Int)
    }

    // MARK: - Resolving

    func resolve(_ meaning: TimexMeaning, tense: SentenceTense) -> (Timex.Kind, String) {
        switch meaning {
        case .literal(let value): return (.date, value)
        case .calendar(let year, let month, let day): return (.date, calendar(year, month, day, tense: tense))
        case .dayRange(let year, let month, let first, let last):
            let y = year ?? chooseYear(month: month, day: first, tense: tense)
            guard let y else { return (.date, "XXXX-\(pad2(month))-\(pad2(first))/XXXX-\(pad2(month))-\(pad2(last))") }
            let a = CalendarDay(year: y, month: month, day: first)
            let b = CalendarDay(year: y, month: month, day: min(last, CalendarDay.daysIn(month: month, year: y)))
            return (.date, "\(a.iso)/\(b.iso)")
        case .monthRelative(let m, let direction):
            guard let anchor else { return (.date, "XXXX-\(pad2(m))") }
            var y = anchor.year
            if direction < 0 && m >= anchor.month { y -= 1 }
            if direction > 0 && m <= anchor.month { y += 1 }
            return (.date, "\(pad4(y))-\(pad2(m))")
        case .monthInYear(let m, let offset):
            guard let anchor else { return (.date, "XXXX-\(pad2(m))") }
            return (.date, "\(pad4(anchor.year + offset))-\(pad2(m))")
        case .weekday(let wd, let offset): return (.date, weekday(wd, offset: offset, tense: tense)?.iso ?? "XXXX-WXX-\(wd)")
        case .dayOffset(let n): return (.date, anchor?.adding(days: n).iso ?? "XXXX-XX-XX")
        case .unitOffset(let unit, let n): return (.date, unitOffset(unit, n))
        case .quarter(let q, let year, let offset): return (.date, quarterValue(q, year: year, offset: offset, tense: tense, unit: "Q"))
        case .half(let h, let year, let offset): return (.date, quarterValue(h, year: year, offset: offset, tense: tense, unit: "H"))
        case .referenceQuarter(let offset):
            // The quarter last named, when it is a recent one; else the last full quarter.
            if let (y, q) = quarterReference, let anchor, anchor.year - y <= 1 { return (.date, "\(pad4(y + offset))-Q\(q)") }
            guard let anchor else { return (.date, "XXXX-QX") }
            // The last full quarter before the anchor: what results published now report.
            let index = anchor.year * 4 + anchor.quarter - 2
            return (.date, "\(pad4(index / 4 + offset))-Q\(index % 4 + 1)")
        case .referenceQuarterIn(let year):
            if let (_, q) = quarterReference { return (.date, "\(pad4(year))-Q\(q)") }
            return (.date, pad4(year))
        case .datedWeekday(let month, let day, let wd):
            // "Monday, Oct. 26": the year in which that date is that weekday, nearest the anchor.
            guard let anchor else { return (.date, "XXXX-\(pad2(month))-\(pad2(day))") }
            var best: CalendarDay?
            for y in [anchor.year, anchor.year - 1, anchor.year + 1] where CalendarDay.isValid(year: y, month: month, day: day) {
                let d = CalendarDay(year: y, month: month, day: day)
                if d.weekday == wd, best == nil || abs(d.serial - anchor.serial) < abs(best!.serial - anchor.serial) { best = d }
            }
            return (.date, (best ?? CalendarDay(year: chooseYear(month: month, day: day, tense: tense) ?? anchor.year, month: month, day: day)).iso)
        case .currentQuarter:
            guard let anchor else { return (.date, "XXXX-QX") }
            return (.date, "\(pad4(anchor.year))-Q\(anchor.quarter)")
        case .season(let s, let year, let offset): return (.date, season(s, year: year, offset: offset, tense: tense))
        case .shift(let unit, let amount, let sign, let fromReference):
            return (.date, shift(unit, amount: amount, sign: sign, fromReference: fromReference))
        case .reference(let r): return (.date, r)
        case .decade(let d): return (.date, String(d))
        case .century(let c): return (.date, pad2(c))
        case .duration(let v): return (.duration, v)
        case .set(let v): return (.set, v)
        case .clock(let hour, let minute, let day):
            var date = day.map { resolve($0, tense: tense).1 } ?? anchor?.iso ?? "XXXX-XX-XX"
            // "Friday … at 10:35 a.m.": a clock time without a day is on the day just named.
            if day == nil, case .day(let d)? = reference, currentWord - referenceWord <= 20 { date = d.iso }
            let time = hour == 24 ? "T24:00" : "T\(pad2(hour)):\(pad2(minute))"
            return (.time, dayPart(of: date) + time)
        case .partOfDay(let part, let day):
            let date: String
            if let day { date = resolve(day, tense: tense).1 } else if case .day(let d)? = reference { date = d.iso } else { date = anchor?.iso ?? "XXXX-XX-XX" }
            return (.time, dayPart(of: date) + "T" + part)
        case .weekend(let n): return (.date, weekend(n, tense: tense))
        case .anaphoric(let unit, let offset): return (.date, anaphoric(unit, offset: offset))
        case .nthWeekday(let month, let wd, let n):
            guard let y = chooseYear(month: month, day: 15, tense: tense) else { return (.date, "XXXX-\(pad2(month))-XX") }
            let first = CalendarDay(year: y, month: month, day: 1)
            let offset = (wd - first.weekday + 7) % 7 + (n - 1) * 7
            return (.date, first.adding(days: offset).iso)
        }
    }

    /// Remembers a resolved value as the period the text now speaks of.
    mutating func note(_ meaning: TimexMeaning, value: String) {
        switch meaning {
        case .shift, .reference, .duration, .set, .decade, .century: return
        case .referenceQuarter(let offset) where offset != 0: return
        case .quarter(_, nil, let offset) where offset != 0: return
        default: break
        }
        if let period = Self.period(of: value) {
            reference = period
            if case .quarter(let y, let q) = period { quarterReference = (y, q) }
            referenceWord = currentWord
        }
    }

    static func period(of value: String) -> Period? {
        let v = Array(value.utf8.prefix(10))
        func num(_ a: Int, _ n: Int) -> Int? {
            guard a + n <= v.count else { return nil }
            var x = 0
            for b in v[a..<(a + n)] {
                guard b >= 48 && b <= 57 else { return nil }
                x = x * 10 + Int(b - 48)
            }
            return x
        }
        guard let y = num(0, 4) else { return nil }
        if v.count == 4 { return .year(y) }
        guard v.count >= 7, v[4] == UInt8(ascii: "-") else { return nil }
        if v[5] == UInt8(ascii: "Q"), let q = num(6, 1) { return .quarter(year: y, quarter: q) }
        guard let m = num(5, 2), (1...12).contains(m) else { return nil }
        if v.count >= 10, v[7] == UInt8(ascii: "-"), let d = num(8, 2), CalendarDay.isValid(year: y, month: m, day: d) {
            return .day(CalendarDay(year: y, month: m, day: d))
        }
        return v.count == 7 ? .month(year: y, month: m) : nil
    }

    // MARK: - Pieces

    private func calendar(_ year: Int?, _ month: Int?, _ day: Int?, tense: SentenceTense) -> String {
        guard let month else { return year.map(pad4) ?? "XXXX" }
        let y = year ?? chooseYear(month: month, day: day, tense: tense)
        let ys = y.map(pad4) ?? "XXXX"
        guard let day else { return "\(ys)-\(pad2(month))" }
        return "\(ys)-\(pad2(month))-\(pad2(day))"
    }

    /// The year of a month (and day) given without one: the last such date before the anchor
    /// in a past-tense sentence, the next one after it in a future one, else the nearest.
    func chooseYear(month: Int, day: Int?, tense: SentenceTense) -> Int? {
        guard let anchor else { return nil }
        let y = anchor.year
        let d = min(day ?? 15, CalendarDay.daysIn(month: month, year: y))
        let here = CalendarDay(year: y, month: month, day: d)
        switch tense {
        case .past:
            if day == nil { return month > anchor.month ? y - 1 : y }
            return here.serial > anchor.serial + Self.pastTolerance ? y - 1 : y
        case .future:
            if day == nil { return month < anchor.month ? y + 1 : y }
            // A deadline that passed days ago is still this year's ("by Jan. 14" on Jan. 15).
            return here.serial < anchor.serial - Self.futureTolerance ? y + 1 : y
        case .present, .unknown:
            // Reporting speaks of the past more than of the future: a later date counts as
            // farther away than it is.
            func distance(_ day: CalendarDay) -> Double {
                let d = Double(day.serial - anchor.serial)
                return d > 0 ? d * Self.futureWeight : -d
            }
            var best = y
            var bestDistance = distance(here)
            for candidate in [y - 1, y + 1] {
                let other = CalendarDay(year: candidate, month: month, day: min(d, CalendarDay.daysIn(month: month, year: candidate)))
                let distance = distance(other)
                if distance < bestDistance {
                    best = candidate
                    bestDistance = distance
                }
            }
            return best
        }
    }

    private func weekday(_ wd: Int, offset: Int?, tense: SentenceTense) -> CalendarDay? {
        guard let anchor else { return nil }
        let delta = wd - anchor.weekday
        switch offset {
        case .some(let o) where o < 0: return anchor.adding(days: delta < 0 ? delta : delta - 7)
        case .some(let o) where o > 0: return anchor.adding(days: delta > 0 ? delta : delta + 7)
        case .some: return anchor.adding(days: delta)
        case nil:
            if tense == .future { return anchor.adding(days: delta >= 0 ? delta : delta + 7) }
            return anchor.adding(days: delta <= 0 ? delta : delta - 7)
        }
    }

    private func unitOffset(_ unit: TimexLexicon.Unit, _ n: Int) -> String {
        guard let anchor else {
            switch unit {
            case .year: return "XXXX"
            case .month: return "XXXX-XX"
            case .week: return "XXXX-WXX"
            default: return "XXXX-XX-XX"
            }
        }
        switch unit {
        case .second, .minute, .hour, .day: return anchor.adding(days: unit == .day ? n : 0).iso
        case .week: return anchor.adding(days: 7 * n).isoWeekValue
        case .weekend: return weekend(n, tense: .unknown)
        case .month, .season: return anchor.adding(months: n).isoMonth
        case .quarter:
            let index = anchor.year * 4 + anchor.quarter - 1 + n
            return "\(pad4(index / 4))-Q\(index % 4 + 1)"
        case .half:
            let index = anchor.year * 2 + (anchor.month - 1) / 6 + n
            return "\(pad4(index / 2))-H\(index % 2 + 1)"
        case .year: return pad4(anchor.year + n)
        case .decade: return String(anchor.year / 10 + n)
        case .century: return pad2(anchor.year / 100 + n)
        case .millennium: return String(anchor.year / 1000 + n)
        }
    }

    private func quarterValue(_ q: Int, year: Int?, offset: Int, tense: SentenceTense, unit: String) -> String {
        if let year { return "\(pad4(year))-\(unit)\(q)" }
        guard let anchor else { return "XXXX-\(unit)\(q)" }
        var y = anchor.year + offset
        let current = unit == "Q" ? anchor.quarter : (anchor.month - 1) / 6 + 1
        if offset == 0, tense == .past, q > current, y == anchor.year { y -= 1 }
        return "\(pad4(y))-\(unit)\(q)"
    }

    private func season(_ s: String, year: Int?, offset: Int?, tense: SentenceTense) -> String {
        if let year { return "\(pad4(year))-\(s)" }
        guard let anchor else { return "XXXX-\(s)" }
        let start = ["SP": 3, "SU": 6, "FA": 9, "WI": 12][s] ?? 1
        var y = anchor.year
        let direction = offset ?? (tense == .past ? -2 : tense == .future ? 2 : 0)
        switch direction {
        case -1: y -= 1  // "last spring" is the previous year's, as TimeML annotators read it
        case -2: if start > anchor.month { y -= 1 }  // the last one that has begun
        case 1, 2: if start <= anchor.month { y += 1 }
        default: break
        }
        return "\(pad4(y))-\(s)"
    }

    private func shift(_ unit: TimexLexicon.Unit, amount: Int?, sign: Int, fromReference: Bool) -> String {
        guard let amount else { return sign < 0 ? "PAST_REF" : "FUTURE_REF" }
        let n = amount * sign
        // Financial reporting: "a year earlier/ago" after a quarter is that quarter a year before.
        if unit == .year, let (y, q) = quarterReference { return "\(pad4(y + n))-Q\(q)" }
        // Otherwise a year before or after is a year, counted from the anchor: a year named
        // earlier in reporting is as often the comparison itself as the period spoken of.
        if fromReference, unit != .year, let reference {
            switch (reference, unit) {
            case (.day(let d), .day): return d.adding(days: n).iso
            case (.day(let d), .week): return d.adding(days: 7 * n).iso
            case (.day(let d), .month): return d.adding(months: n).iso
            case (.day(let d), .year): return d.adding(months: 12 * n).iso
            case (.month(let y, let m), .month), (.month(let y, let m), .year):
                let months = unit == .year ? 12 * n : n
                return CalendarDay(year: y, month: m, day: 1).adding(months: months).isoMonth
            case (.year(let y), .year): return pad4(y + n)
            default: break
            }
        }
        guard let anchor else { return sign < 0 ? "PAST_REF" : "FUTURE_REF" }
        switch unit {
        case .second, .minute, .hour: return anchor.iso
        case .day: return anchor.adding(days: n).iso
        case .week, .weekend: return anchor.adding(days: 7 * n).isoWeekValue
        case .month, .season: return anchor.adding(months: n).isoMonth
        case .quarter:
            let index = anchor.year * 4 + anchor.quarter - 1 + n
            return "\(pad4(index / 4))-Q\(index % 4 + 1)"
        case .half: return anchor.adding(months: 6 * n).isoMonth
        case .year: return pad4(anchor.year + n)
        case .decade: return pad4(anchor.year + 10 * n)
        case .century: return pad4(anchor.year + 100 * n)
        case .millennium: return pad4(anchor.year + 1000 * n)
        }
    }

    private func weekend(_ n: Int, tense: SentenceTense) -> String {
        guard let anchor else { return "XXXX-WXX-WE" }
        // The Saturday of the last weekend that has begun by the anchor day.
        let back = (anchor.weekday + 1) % 7  // Saturday 0, Sunday 1, Monday 2 …
        let last = anchor.adding(days: -back)
        let inWeekend = anchor.weekday >= 6
        let saturday: CalendarDay
        switch n {
        case 0: saturday = tense == .future && !inWeekend ? last.adding(days: 7) : last
        case ..<0: saturday = inWeekend ? last.adding(days: -7) : last
        default: saturday = last.adding(days: 7 * n)
        }
        return saturday.isoWeekValue + "-WE"
    }

    private func anaphoric(_ unit: TimexLexicon.Unit, offset: Int) -> String {
        let base: CalendarDay?
        switch reference {
        case .day(let d)?: base = d
        case .month(let y, let m)?: base = CalendarDay(year: y, month: m, day: 1)
        case .year(let y)?: base = CalendarDay(year: y, month: 1, day: 1)
        case .quarter(let y, let q)?: base = CalendarDay(year: y, month: q * 3 - 2, day: 1)
        case nil: base = anchor
        }
        guard let base else { return "XXXX-XX-XX" }
        switch unit {
        case .year, .decade, .century, .millennium: return pad4(base.year + offset)
        case .month, .season, .quarter, .half: return base.adding(months: offset).isoMonth
        case .week, .weekend: return base.adding(days: 7 * offset).isoWeekValue
        default: return base.adding(days: offset).iso
        }
    }

    private func dayPart(of value: String) -> String {
        value.count >= 10 ? String(value.prefix(10)) : value
    }

    private func pad2(_ n: Int) -> String { CalendarDay.pad(n, 2) }
    private func pad4(_ n: Int) -> String { CalendarDay.pad(n, 4) }
}
