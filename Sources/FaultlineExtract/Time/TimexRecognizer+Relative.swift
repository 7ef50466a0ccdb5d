import FaultlineKnowledge
import FaultlineText

/// Relative expressions, quarters, amounts of time and single words of the grammar:
/// `last week`, `the third quarter`, `two years ago`, `at least 72 hours`, `every week`, `recently`.
extension TimexRecognizer {
    /// `this`/`last`/`next` and their kin before a unit, weekday, month, season or amount.
    func relative(_ i: Int) -> TimexCandidate? {
        guard i >= 0, i < w.count else { return nil }
        let s = word(i)
        let direction: Int
        switch s {
        case _ where s == "that" || (s == "the" && word(i + 1) == "same"):
            let j = word(i + 1) == "same" ? i + 2 : i + 1
            if word(j) == "quarter" { return candidate(i, j + 1, .referenceQuarter(yearOffset: 0)) }
            if let unit = TimexLexicon.units[word(j)], !word(j).hasSuffix("s"), unit >= .day, unit != .weekend {
                return candidate(i, j + 1, .anaphoric(unit, offset: 0))
            }
            if let part = TimexLexicon.partsOfDay[word(j)] { return candidate(i, j + 1, .partOfDay(part, day: nil)) }
            return nil
        case "this", "current": direction = 0
        case "last", "past", "previous": direction = -1
        case "next", "coming", "following", "upcoming": direction = 1
        case "earlier", "later":
            // earlier this year, later this month: the period itself.
            // earlier in the year
            if word(i + 1) == "in", word(i + 2) == "the", let unit = TimexLexicon.units[word(i + 3)], !word(i + 3).hasSuffix("s") {
                return candidate(i, i + 4, .unitOffset(unit, 0))
            }
            guard isWord(i + 1, ["this", "that", "next", "last"]) else { return nil }
            if var inner = relative(i + 1) ?? dayWithPart(i + 1) {
                inner.first = i
                return inner
            }
            return nil
        case "recent":
            if let unit = TimexLexicon.units[word(i + 1)], word(i + 1).hasSuffix("s"), unit >= .day {
                // recent weeks and months
                if word(i + 2) == "and", let more = TimexLexicon.units[word(i + 3)], more >= .day { return candidate(i, i + 4, .reference("PAST_REF")) }
                // recent years: a vague span of them, as TimeML annotators mostly wrote it.
                return candidate(i, i + 2, .duration(durationValue(nil, unit)))
            }
            return nil
        default: return nil
        }
        if s == "this", isWord(i + 1, ["past", "coming"]), let inner = relative(i + 1) {
            let toward = word(i + 1) == "past" ? -2 : 2
            switch inner.meaning {
            case .season(let name, nil, _): return candidate(i, inner.end, .season(name, year: nil, yearOffset: toward))
            default: return candidate(i, inner.end, inner.meaning)
            }
        }
        let next = word(i + 1)
        if let unit = TimexLexicon.units[next] {
            let plural = next.hasSuffix("s") || next == "centuries"
            if plural {
                // the coming weeks, past years: vague.
                if s == "this" || s == "current" { return nil }
                if direction > 0 { return candidate(i, i + 2, .duration(durationValue(nil, unit))) }
                return candidate(i, i + 2, .reference("PAST_REF"))
            }
            if unit == .weekend { return candidate(i, i + 2, .weekend(direction)) }
            // last year's third quarter
            if unit == .year, word(i + 2) == "'s", let q = quarterOrHalf(i + 3) {
                if case .quarter(let n, nil, _) = q.meaning { return candidate(i, q.end, .quarter(n, year: nil, yearOffset: direction)) }
                if case .half(let n, nil, _) = q.meaning { return candidate(i, q.end, .half(n, year: nil, yearOffset: direction)) }
                if case .referenceQuarter = q.meaning { return candidate(i, q.end, .referenceQuarter(yearOffset: direction)) }
            }
            if s == "past" || s == "previous" || s == "following", unit == .year || unit == .decade || unit == .century {
                // the past year: DATE of the year before; past decade: the ten years up to now.
                if unit == .decade || unit == .century { return candidate(i, i + 2, .duration(unit == .decade ? "P10Y" : "P100Y")) }
            }
            if s == "following" || s == "previous" { return candidate(i, i + 2, .anaphoric(unit, offset: direction)) }
            return candidate(i, i + 2, .unitOffset(unit, direction))
        }
        if let wd = TimexLexicon.weekdays[next] {
            if s == "past" || s == "coming" || s == "following" || s == "current" { return nil }
            let meaning = TimexMeaning.weekday(wd, offset: direction)
            if let part = TimexLexicon.partsOfDay[word(i + 2)] { return candidate(i, i + 3, .partOfDay(part, day: meaning)) }
            return candidate(i, i + 2, meaning)
        }
        if let m = month(i + 1), s == "last" || s == "next" || s == "this" || s == "past" {
            return candidate(i, i + 2, .monthRelative(m, direction: direction))
        }
        if let season = TimexLexicon.seasons[next] {
            return candidate(i, i + 2, .season(season, year: nil, yearOffset: direction))
        }
        if direction != 0 || s == "last", let amount = amount(i + 1), let unit = TimexLexicon.units[word(amount.end)] {
            // the last two weeks, past 20 years, next few days, the next three quarters
            var end = amount.end + 1
            if word(end) == "or", word(end + 1) == "so" { end += 2 }
            return candidate(i, end, .duration(durationValue(amount.value, unit)))
        }
        return nil
    }

    /// `third-quarter`, `the fourth quarter of 1988`, `fiscal 1989`'s first half, `the 1989 second quarter`.
    func quarterOrHalf(_ i: Int) -> TimexCandidate? {
        guard i >= 0, i < w.count else { return nil }
        var j = i
        var year: Int?
        if word(j) == "fiscal" { j += 1 }
        if let y = self.year(j), TimexLexicon.ordinals[word(j + 1)] != nil {
            year = y
            j += 1
        }
        guard let n = TimexLexicon.ordinals[word(j)], n >= 1 || n == -1 else { return nil }
        var k = j + 1
        if isJoiningHyphen(k) { k += 1 }
        let unit = word(k)
        guard unit == "quarter" || unit == "half" else { return nil }
        guard unit == "quarter" ? (1...4).contains(n) || n == -1 : (1...2).contains(n) || n == -1 else { return nil }
        let number = n == -1 ? (unit == "quarter" ? 4 : 2) : n
        var end = k + 1
        if year == nil {
            if word(end) == "of" {
                if word(end + 1) == "fiscal", let y = self.year(end + 2) {
                    year = y
                    end += 3
                } else if let y = self.year(end + 1) {
                    year = y
                    end += 2
                } else if word(end + 1) == "the", let decade = decadeToken(word(end + 2)) {
                    return candidate(i, end + 3, .decade(decade))
                } else if let (offset, after) = yearRelative(end + 1) {
                    return candidate(i, after, unit == "quarter" ? .quarter(number, year: nil, yearOffset: offset) : .half(number, year: nil, yearOffset: offset))
                }
            } else if let y = self.year(end) {
                year = y
                end += 1
            }
        }
        return candidate(i, end, unit == "quarter" ? .quarter(number, year: year, yearOffset: 0) : .half(number, year: year, yearOffset: 0))
    }

    /// `this year`, `last year`, `next year`, `the year`: an offset from the year spoken of.
    func yearRelative(_ i: Int) -> (Int, Int)? {
        guard word(i + 1) == "year" else { return nil }
        switch word(i) {
        case "this", "the", "that": return (0, i + 2)
        case "last": return (-1, i + 2)
        case "next": return (1, i + 2)
        default: return nil
        }
    }

    /// Amounts of time: `two weeks`, `72 hours`, `a year earlier`, `two years ago`,
    /// `two-year`, `two years and nine months`, `years` after `for`.
    func amountExpression(_ i: Int) -> TimexCandidate? {
        guard i >= 0, i < w.count else { return nil }
        let s = word(i)
        // for years, within days: a vague amount.
        if let unit = TimexLexicon.units[s], s.hasSuffix("s") || s == "centuries" {
            if word(i + 1) == "ago" { return candidate(i, i + 2, .reference("PAST_REF")) }
            if isWord(i - 1, ["for", "within", "over", "in", "take", "took", "takes", "lasting", "lasted"]), unit >= .minute {
                return candidate(i, i + 1, .duration(durationValue(nil, unit)))
            }
            return nil
        }
        // year-earlier, year-ago: adjectives of a year before the period spoken of.
        if s == "year", isJoiningHyphen(i + 1), isWord(i + 2, ["earlier", "ago"]) {
            if isWord(i + 3, ["quarter", "period"]) { return candidate(i, i + 4, .referenceQuarter(yearOffset: -1)) }
            if let q = quarterOrHalf(i + 3), case .quarter(let n, nil, _) = q.meaning {
                return candidate(i, q.end, .quarter(n, year: nil, yearOffset: -1))
            }
            return candidate(i, i + 3, .shift(.year, amount: 1, sign: -1, fromReference: true))
        }
        if s == "year-end" || s == "yearend" || (s == "year" && isJoiningHyphen(i + 1) && word(i + 2) == "end") {
            return candidate(i, s == "year" ? i + 3 : i + 1, .unitOffset(.year, 0), mod: "END")
        }
        if s == "year", word(i + 1) == "end" || (word(i + 1) == "'s" && word(i + 2) == "end") {
            return candidate(i, word(i + 1) == "end" ? i + 2 : i + 3, .unitOffset(.year, 0), mod: "END")
        }
        guard let (value, afterAmount) = amount(i) else { return nil }
        var j = afterAmount
        // two-year, 99-day, 9-month-old
        if isJoiningHyphen(j), let unit = TimexLexicon.units[word(j + 1)], !word(j + 1).hasSuffix("s") || word(j + 1) == "years" {
            var end = j + 2
            // 6-year-old: an age, which TimeML annotators left out.
            if isJoiningHyphen(end), word(end + 1) == "old" { return nil }
            if isJoiningHyphen(end), word(end + 1) == "long" { end += 2 }
            if s == "a" || s == "an" { return nil }
            return candidate(i, end, .duration(durationValue(value, unit)))
        }
        // 2 1/2 years, five and a half hours
        var half = false
        if word(j) == "1/2" || (word(j) == "and" && word(j + 1) == "a" && word(j + 2) == "half") {
            half = true
            j += word(j) == "1/2" ? 1 : 3
        }
        // two more weeks, eight trading days
        if isWord(j, ["more", "additional", "further", "trading", "business", "working", "straight", "consecutive", "full"]), TimexLexicon.units[word(j + 1)] != nil { j += 1 }
        guard let unit = TimexLexicon.units[word(j)] else { return nil }
        let unitWord = word(j)
        let singular = !unitWord.hasSuffix("s") && unitWord != "centuries" && unitWord != "millennia"
        if half, let value { return candidate(i, j + 1, .duration(halfDurationValue(value, unit))) }
        // "a" takes a singular unit, "two" a plural one, but "a five year low" is a duration.
        if singular != (value == 1) && value != nil {
            guard singular, let next = w.indices.contains(j + 1) ? w[j + 1] : nil, next.kind == .word, TimexLexicon.units[next.lower] == nil,
                !["ago", "earlier", "later", "and", "or", "of", "before", "after"].contains(next.lower)
            else { return nil }
            return candidate(i, j + 1, .duration(durationValue(value, unit)))
        }
        if value == nil, singular { return nil }
        if s == "one", word(j + 1) == "of" { return nil }
        // "a second term" is an ordinal; "52 years old" an age.
        if unit == .second, value == 1, w.indices.contains(j + 1), w[j + 1].kind == .word, !isWord(j + 1, ["later", "ago", "earlier", "and", "or"]) { return nil }
        if word(j + 1) == "old" { return nil }
        // "a quarter of the cost", "a half of": fractions.
        if unit == .quarter || unit == .half, word(j + 1) == "of", value == 1 { return nil }
        // a year-earlier loss: "year-earlier" is the expression, not "a year".
        if isJoiningHyphen(j + 1) { return nil }
        j += 1
        // two years and nine months
        var parts: [(Int?, TimexLexicon.Unit)] = [(value, unit)]
        if word(j) == "and", let more = amount(j + 1), let unit2 = TimexLexicon.units[word(more.end)], unit2 < unit {
            parts.append((more.value, unit2))
            j = more.end + 1
        } else if word(j) == "and", word(j + 1) == "a", word(j + 2) == "half" {
            return candidate(i, j + 3, .duration(halfDurationValue(value ?? 1, unit)))
        }
        var direction = 0
        var fromReference = false
        var end = j
        if word(j) == "or", word(j + 1) == "so" { end += 2 }
        switch word(end) {
        case "ago": (direction, fromReference) = (-1, false)
        case "earlier": (direction, fromReference) = (-1, true)
        case "later", "after":
            // "three days later": TimeML marks the duration and leaves "later" out.
            if parts.count == 1 { return candidate(i, j, .duration(durationValue(value, unit))) }
        case "hence": (direction, fromReference) = (1, false)
        case "from" where word(end + 1) == "now": (direction, fromReference) = (1, false)
        default: break
        }
        if direction != 0, parts.count == 1 {
            let last = word(end) == "from" ? end + 2 : end + 1
            return candidate(i, last, .shift(unit, amount: value, sign: direction, fromReference: fromReference))
        }
        // "a year" after an amount of money or a count is a rate: `$1 billion a year`.
        if (s == "a" || s == "per"), parts.count == 1, i > 0, w[i - 1].kind == .number || isWord(i - 1, ["billion", "million", "times", "twice", "once", "percent", "%", "thousand"]) {
            return candidate(i, j, .set(durationValue(1, unit)))
        }
        if parts.count == 2 {
            return candidate(i, j, .duration(compoundDurationValue(parts)))
        }
        return candidate(i, end, .duration(durationValue(value, unit)))
    }

    /// Expressions that begin with `the`.
    func afterThe(_ i: Int) -> TimexCandidate? {
        guard i >= 0, i < w.count else { return nil }
        let a = word(i + 1)
        let b = word(i + 2)
        switch a {
        case "future": return candidate(i, i + 2, .reference("FUTURE_REF"))
        case "past" where TimexLexicon.units[b] == nil && amount(i + 2) == nil: return candidate(i, i + 2, .reference("PAST_REF"))
        case "present" where !["and", "of"].contains(b) || b == ".": return candidate(i, i + 2, .reference("PRESENT_REF"))
        case "near", "distant", "foreseeable", "immediate", "short", "long":
            if b == "future" || b == "term" { return candidate(i, i + 3, .reference("FUTURE_REF")) }
        case "end", "beginning", "start", "middle", "rest", "close":
            guard b == "of" else { return nil }
            let mod = ["end": "END", "close": "END", "beginning": "START", "start": "START", "middle": "MID", "rest": "END"][a]
            // the end of the year, the beginning of the month: the period we are in.
            if word(i + 3) == "the", let unit = TimexLexicon.units[word(i + 4)], !word(i + 4).hasSuffix("s"), unit >= .week {
                return candidate(i, i + 5, .unitOffset(unit, 0), mod: mod)
            }
            guard var inner = core(i + 3), isPoint(inner.meaning) else { return nil }
            inner.first = i
            inner.mod = mod
            return inner
        case "first", "second":
            // the first half of 1989; the first nine months
            if b == "half", word(i + 3) == "of", var inner = quarterOrHalf(i + 1) {
                inner.first = i
                return inner
            }
            if let amount = amount(i + 2), let unit = TimexLexicon.units[word(amount.end)], amount.value != 1 {
                return candidate(i, amount.end + 1, .duration(durationValue(amount.value, unit)))
            }
        case "latest", "current", "most", "same", "comparable", "corresponding", "year-ago", "year-earlier", "prior", "previous":
            var j = i + 2
            if a == "most", b == "recent" { j += 1 }
            if isWord(j, ["fiscal"]) { j += 1 }
            if isWord(j, ["quarter", "period"]) {
                if a == "previous" || a == "prior" { return nil }
                if let end = yearAgoTail(j + 1) { return candidate(i, end, .referenceQuarter(yearOffset: -1)) }
                if a == "current", word(j) == "quarter" { return candidate(i, j + 1, .currentQuarter) }
                let offset = a == "year-ago" || a == "year-earlier" ? -1 : 0
                if word(j) == "period" && offset == 0 && a != "latest" { return nil }
                return candidate(i, j + 1, .referenceQuarter(yearOffset: offset))
            }
            if a == "current" || a == "latest", isWord(j, ["year"]) { return candidate(i, j + 1, .unitOffset(.year, 0)) }
            if a == "same" || a == "previous" || a == "prior", let unit = TimexLexicon.units[word(j)], !word(j).hasSuffix("s") {
                return candidate(i, j + 1, .anaphoric(unit, offset: a == "same" ? 0 : -1))
            }
        case "quarter":
            if let end = yearAgoTail(i + 2) { return candidate(i, end, .referenceQuarter(yearOffset: -1)) }
            return candidate(i, i + 2, .referenceQuarter(yearOffset: 0))
        case "year":
            if let y = year(i + 2) { return candidate(i, i + 3, .calendar(year: y, month: nil, day: nil)) }
            if let y = spelledYear(i + 2) { return candidate(i, y.end, .calendar(year: y.year, month: nil, day: nil)) }
            if isJoiningHyphen(i + 2), isWord(i + 3, ["earlier", "ago"]) {
                if isWord(i + 4, ["quarter", "period"]) { return candidate(i, i + 5, .referenceQuarter(yearOffset: -1)) }
                if let q = quarterOrHalf(i + 4), case .quarter(let n, nil, _) = q.meaning {
                    return candidate(i, q.end, .quarter(n, year: nil, yearOffset: -1))
                }
                return nil  // the year-ago results: "year-ago" alone
            }
            if b == "before" || b == "after" { return candidate(i, i + 3, .anaphoric(.year, offset: b == "before" ? -1 : 1)) }
            // "the year ended Sept. 30" is a (fiscal) year's length; "for the year" is this one.
            if isWord(i + 2, ["ended", "ending", "to", "through"]) { return candidate(i, i + 2, .duration("P1Y")) }
            return candidate(i, i + 2, .unitOffset(.year, 0))
        case "fiscal", "full", "calendar":
            if b == "year", let y = year(i + 3) { return candidate(i, i + 4, .calendar(year: y, month: nil, day: nil)) }
            if b == "year" {
                if a == "full" || !isWord(i + 3, ["ended", "ending", "to", "through"]) { return candidate(i, i + 3, .unitOffset(.year, 0)) }
                return candidate(i, i + 3, .duration("P1Y"))
            }
        case "weekend":
            return candidate(i, i + 2, .weekend(0))
        case "day":
            if b == "before" || b == "after" {
                if word(i + 3) == "yesterday" { return candidate(i, i + 4, .dayOffset(-2)) }
                if word(i + 3) == "tomorrow" { return candidate(i, i + 4, .dayOffset(2)) }
                return candidate(i, i + 3, .anaphoric(.day, offset: b == "before" ? -1 : 1))
            }
        case "next", "following":
            if isWord(i + 2, ["day", "morning", "month", "week"]) {
                let unit: TimexLexicon.Unit = b == "month" ? .month : b == "week" ? .week : .day
                return candidate(i, i + 3, .anaphoric(unit, offset: 1))
            }
        default: break
        }
        if let d = decadeToken(a) { return candidate(i, i + 2, .decade(d)) }
        // the 1988 period, the 1989 quarter
        if let y = year(i + 1), isWord(i + 2, ["period", "quarter"]) { return candidate(i, i + 3, .referenceQuarterIn(year: y)) }
        if let d = TimexLexicon.decadeWords[a] { return candidate(i, i + 2, .decade(190 + d)) }
        if let n = TimexLexicon.ordinals[a] ?? ordinalNumber(a), n > 0, isWord(i + 2, ["century"]) {
            return candidate(i, i + 3, .century(n - 1))
        }
        if (a == "early" || a == "late" || a == "mid"), var inner = afterThe(i + 1) ?? core(i + 2) {
            inner.first = i
            inner.mod = TimexLexicon.pointModifiers[a]
            return inner
        }
        if var inner = quarterOrHalf(i + 1) ?? amountExpression(i + 1) ?? relative(i + 1) {
            if case .set = inner.meaning { return nil }
            if case .shift = inner.meaning { return nil }
            inner.first = i
            return inner
        }
        if let season = TimexLexicon.seasons[a] {
            if word(i + 2) == "of", let y = year(i + 3) ?? spelledYear(i + 3)?.year {
                return candidate(i, (spelledYear(i + 3)?.end ?? (i + 4)), .season(season, year: y, yearOffset: 0))
            }
            return candidate(i, i + 2, .season(season, year: nil, yearOffset: nil))
        }
        return nil
    }

    /// `last year`, `a year ago`, `a year earlier` after a period: where that tail ends.
    func yearAgoTail(_ j: Int) -> Int? {
        if word(j) == "last", word(j + 1) == "year" { return j + 2 }
        if word(j) == "a", word(j + 1) == "year", isWord(j + 2, ["ago", "earlier"]) { return j + 3 }
        return nil
    }

    /// `20th`, `21st` as numbers.
    func ordinalNumber(_ s: String) -> Int? {
        guard s.count >= 3 else { return nil }
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) {
            return Int(s.dropLast(2))
        }
        return nil
    }

    /// Words that are expressions on their own, and `every`/`each` sets.
    func singleWord(_ i: Int) -> TimexCandidate? {
        guard i >= 0, i < w.count else { return nil }
        let s = word(i)
        if let reference = TimexLexicon.references[s] {
            switch s {
            default: return candidate(i, i + 1, .reference(reference))
            }
        }
        if let value = TimexLexicon.setWords[s] { return candidate(i, i + 1, .set(value)) }
        if let wd = TimexLexicon.weekdayPlurals[s] { return candidate(i, i + 1, .set("XXXX-WXX-\(wd)")) }
        if s == "every" || s == "each" {
            var j = i + 1
            var count = 1
            if word(j) == "other" {
                count = 2
                j += 1
            } else if let a = amount(j), a.value != nil, a.value! > 1, TimexLexicon.units[word(a.end)] != nil {
                count = a.value!
                j = a.end
            }
            if let unit = TimexLexicon.units[word(j)] { return candidate(i, j + 1, .set(durationValue(count, unit))) }
            if let wd = TimexLexicon.weekdays[word(j)] {
                if let part = TimexLexicon.partsOfDay[word(j + 1)] { return candidate(i, j + 2, .set("XXXX-WXX-\(wd)T\(part)")) }
                return candidate(i, j + 1, .set("XXXX-WXX-\(wd)"))
            }
            if let m = month(j) { return candidate(i, j + 1, .set("XXXX-\(CalendarDay.pad(m, 2))")) }
            if let season = TimexLexicon.seasons[word(j)] { return candidate(i, j + 1, .set("XXXX-\(season)")) }
            if let part = TimexLexicon.partsOfDay[word(j)] { return candidate(i, j + 1, .set("T\(part)")) }
            return nil
        }
        if s.hasPrefix("mid-") {
            let rest = String(s.dropFirst(4))
            if let m = TimexLexicon.months[rest] { return candidate(i, i + 1, .calendar(year: nil, month: m, day: nil), mod: "MID") }
            if let d = decadeToken(rest) { return candidate(i, i + 1, .decade(d), mod: "MID") }
            if rest.count == 4, let y = Int(rest), (1000...2099).contains(y) { return candidate(i, i + 1, .calendar(year: y, month: nil, day: nil), mod: "MID") }
            if let part = TimexLexicon.partsOfDay[rest] ?? TimexLexicon.partsOfDay[s] { return candidate(i, i + 1, .partOfDay(part, day: nil), mod: "MID") }
            return nil
        }
        if let n = TimexLexicon.ordinals[s] ?? ordinalNumber(s), n > 0, word(i + 1) == "century" {
            return candidate(i, i + 2, .century(n - 1))
        }
        if s == "these", word(i + 1) == "days" { return candidate(i, i + 2, .reference("PRESENT_REF")) }
        if s == "fiscal", let y = year(i + 1) { return candidate(i, i + 2, .calendar(year: y, month: nil, day: nil)) }
        if let season = TimexLexicon.seasons[s], isWord(i - 1, ["in", "this", "last", "next", "during", "since", "until", "by", "early", "late"]) {
            if let y = year(i + 1) { return candidate(i, i + 2, .season(season, year: y, yearOffset: 0)) }
            if s == "fall", !isWord(i - 1, ["in", "during", "since", "until", "by", "early", "late"]) { return nil }
            return candidate(i, i + 1, .season(season, year: nil, yearOffset: nil))
        }
        if let d = holiday(i) { return d }
        return nil
    }

    /// Holidays with a fixed date, and Thanksgiving.
    func holiday(_ i: Int) -> TimexCandidate? {
        guard i >= 0, i < w.count else { return nil }
        let s = word(i)
        switch s {
        case "christmas":
            if word(i + 1) == "eve" { return candidate(i, i + 2, .calendar(year: year(i + 2), month: 12, day: 24)) }
            if word(i + 1) == "day" { return candidate(i, i + 2, .calendar(year: year(i + 2), month: 12, day: 25)) }
            return w[i].capitalized ? candidate(i, i + 1, .calendar(year: year(i + 1), month: 12, day: 25)) : nil
        case "new":
            if word(i + 1) == "year", word(i + 2) == "'s", isWord(i + 3, ["day", "eve"]) {
                return candidate(i, i + 4, .calendar(year: nil, month: word(i + 3) == "day" ? 1 : 12, day: word(i + 3) == "day" ? 1 : 31))
            }
        case "independence":
            if word(i + 1) == "day", w[i].capitalized { return candidate(i, i + 2, .calendar(year: nil, month: 7, day: 4)) }
        case "halloween":
            return candidate(i, i + 1, .calendar(year: nil, month: 10, day: 31))
        case "thanksgiving":
            let end = word(i + 1) == "day" ? i + 2 : i + 1
            return candidate(i, end, .nthWeekday(month: 11, weekday: 4, n: 4))
        default: break
        }
        return nil
    }

    // MARK: - Duration values

    func durationValue(_ amount: Int?, _ unit: TimexLexicon.Unit) -> String {
        let n = amount.map(String.init) ?? "X"
        switch unit {
        case .decade: return amount.map { "P\($0 * 10)Y" } ?? "PXDE"
        case .century: return amount.map { "P\($0 * 100)Y" } ?? "PXCE"
        case .millennium: return amount.map { "P\($0 * 1000)Y" } ?? "PXML"
        case .weekend: return amount.map { "P\($0 * 2)D" } ?? "PXWE"
        case .quarter: return amount.map { "P\($0)Q" } ?? "PXQ"
        default:
            let (designator, isTime) = unit.designator
            return isTime ? "PT\(n)\(designator)" : "P\(n)\(designator)"
        }
    }

    /// `P2Y6M` for two and a half years, `PT1M30S` for a minute and a half.
    func halfDurationValue(_ amount: Int, _ unit: TimexLexicon.Unit) -> String {
        switch unit {
        case .year: return "P\(amount)Y6M"
        case .month: return "P\(amount)M15D"
        case .day: return "P\(amount)DT12H"
        case .hour: return "PT\(amount)H30M"
        case .minute: return "PT\(amount)M30S"
        case .decade: return "P\(amount * 10 + 5)Y"
        default:
            let (designator, isTime) = unit.designator
            return isTime ? "PT\(amount).5\(designator)" : "P\(amount).5\(designator)"
        }
    }

    /// `P2Y9M`, `PT1H30M`.
    func compoundDurationValue(_ parts: [(Int?, TimexLexicon.Unit)]) -> String {
        var date = ""
        var time = ""
        for (amount, unit) in parts {
            let n = amount.map(String.init) ?? "X"
            let (designator, isTime) = unit.designator
            if isTime { time += "\(n)\(designator)" } else { date += "\(n)\(designator)" }
        }
        return "P" + date + (time.isEmpty ? "" : "T" + time)
    }
}
