import FaultlineKnowledge
import FaultlineModel

/// Infers a document's creation time from its text when it has no publication date.
///
/// Reporting dates itself by what it says has already happened: the latest full date it
/// gives (`14 December 2023`) is on or before the day it was written. Without full dates, the
/// year is the latest one it names — one later when a sentence sets that year against `this
/// year` (`more than at the beginning of this year or in 2023`) — and the day is the latest
/// month and day it places in the past (`since November 1`, `on October 11, … said`).
/// Every inferred anchor says so, with the words it came from.
struct TimeAnchorInference {
    let words: [TimexWord]
    let candidates: [TimexCandidate]
    let text: String

    func infer() -> TimeAnchor? {
        var latestFull: (CalendarDay, TimexCandidate)?
        var latestYear: (Int, TimexCandidate)?
        for c in candidates {
            switch c.meaning {
            case .calendar(let y?, let m?, let d?):
                let day = CalendarDay(year: y, month: m, day: d)
                if latestFull == nil || day > latestFull!.0 { latestFull = (day, c) }
            case .literal(let value):
                if case .day(let day)? = TimexNormalizer.period(of: value), latestFull == nil || day > latestFull!.0 {
                    latestFull = (day, c)
                }
            case .calendar(let y?, _, _), .dayRange(let y?, _, _, _), .quarter(_, let y?, _), .season(_, let y?, _):
                if latestYear == nil || y > latestYear!.0 { latestYear = (y, c) }
            default: break
            }
        }
        var reader = SpanReader(text: text)
        if let (day, c) = latestFull {
            return TimeAnchor(
                date: PublicationDate(year: day.year, month: day.month, day: day.day), precision: .day, inferred: true,
                evidence: reader.text(words[c.first].start, words[c.end - 1].end))
        }
        guard let (named, yearCandidate) = latestYear else { return nil }
        var year = named
        let yearWords = reader.text(words[yearCandidate.first].start, words[yearCandidate.end - 1].end)
        var evidence = "\(yearWords) is the latest year named"
        if sentenceSaysThisYear(around: yearCandidate) {
            year += 1
            evidence = "\(yearWords), which the text sets against \"this year\", is the latest year named"
        }
        // The latest month and day the text puts in the past, in that year.
        var latest: (CalendarDay, TimexCandidate)?
        for c in candidates {
            guard case .calendar(nil, let m?, let d?) = c.meaning, CalendarDay.isValid(year: year, month: m, day: d) else { continue }
            let since = c.first > 0 && ["since", "from"].contains(words[c.first - 1].lower)
            guard since || SentenceTense.around(words, first: c.first, end: c.end) == .past else { continue }
            let day = CalendarDay(year: year, month: m, day: d)
            if latest == nil || day > latest!.0 { latest = (day, c) }
        }
        if let (day, c) = latest {
            var reader = SpanReader(text: text)
            let start = c.first > 0 && ["since", "from", "on"].contains(words[c.first - 1].lower) ? c.first - 1 : c.first
            evidence = "\"" + reader.text(words[start].start, words[c.end - 1].end) + "\" is the latest day the text puts in the past; " + evidence
            return TimeAnchor(date: PublicationDate(year: day.year, month: day.month, day: day.day), precision: .day, inferred: true, evidence: evidence)
        }
        return TimeAnchor(date: PublicationDate(year: year, month: 7, day: 1), precision: .year, inferred: true, evidence: evidence)
    }

    /// Whether the sentence naming a year also speaks of `this year` as another one.
    private func sentenceSaysThisYear(around c: TimexCandidate) -> Bool {
        for other in candidates where other.first != c.first {
            guard case .unitOffset(.year, 0) = other.meaning else { continue }
            let (a, b) = (min(c.first, other.first), max(c.first, other.first))
            if b - a > 30 { continue }
            if !words[a..<b].contains(where: { SentenceTense.isBoundary($0) }) { return true }
        }
        return false
    }
}
