/// What a recognised time expression means, before it is resolved against the anchor.
///
/// The recogniser reads the words; ``TimexNormalizer`` turns a meaning into a TIMEX3 type and
/// value once it knows the anchor, the tense around the expression and the period the text
/// last spoke of.
indirect enum TimexMeaning: Hashable, Sendable {
    /// A calendar date as far as the text gives it (`1998`, `July 1997`, `Nov. 25`); a missing
    /// year is chosen by tense from the anchor.
    case calendar(year: Int?, month: Int?, day: Int?)
    /// Days of one month (`9-11 July`, `July 9-11`).
    case dayRange(year: Int?, month: Int, first: Int, last: Int)
    /// A named month relative to the anchor's: -1 the last one before it (`last November`),
    /// +1 the next after it, 0 the one of this year.
    case monthRelative(Int, direction: Int)
    /// A month of the anchor's year moved by `yearOffset` (`June last year`).
    case monthInYear(Int, yearOffset: Int)
    /// The day, month or year the text last spoke of, moved by `offset` units (`the next day`,
    /// `that year`, `the following month`).
    case anaphoric(TimexLexicon.Unit, offset: Int)
    /// A weekday; `offset` -1 `last Monday`, +1 `next Monday`, 0 `this Monday`, nil by tense.
    case weekday(Int, offset: Int?)
    /// `today` (0), `yesterday` (-1), `tomorrow` (+1).
    case dayOffset(Int)
    /// `this week` (0), `last month` (-1), `next year` (+1), for calendar units.
    case unitOffset(TimexLexicon.Unit, Int)
    /// Quarter or half `number` of an explicit year, or of the year the text speaks of moved by `yearOffset`.
    case quarter(Int, year: Int?, yearOffset: Int)
    case half(Int, year: Int?, yearOffset: Int)
    /// `the quarter`, `the latest quarter`: the quarter the text last spoke of; `yearOffset` -1
    /// for `the year-earlier quarter`.
    case referenceQuarter(yearOffset: Int)
    /// `the 1988 period`: the quarter the text last spoke of, in `year` (the year when none).
    case referenceQuarterIn(year: Int)
    /// A date given with its weekday (`Monday, Oct. 26`): the weekday picks the year.
    case datedWeekday(month: Int, day: Int, weekday: Int)
    /// `the current quarter`: the anchor's.
    case currentQuarter
    /// A season of an explicit year, of a year moved from the anchor's, or (nil) by tense.
    case season(String, year: Int?, yearOffset: Int?)
    /// `two years ago` (from the anchor), `a year earlier` (from the period last spoken of).
    case shift(TimexLexicon.Unit, amount: Int?, sign: Int, fromReference: Bool)
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    case reference(String)
    /// `the 1990s` (199), `the sixties` (196, or nil century: `XX6`).
    case decade(Int)
    /// `the 20th century` (19).
    case century(Int)
    /// A fully written TIMEX3 duration value (`P2Y`, `PT5H`, `PXW`).
    case duration(String)
    /// A fully written TIMEX3 set value (`P1D`, `XXXX-WXX-1`).
    case set(String)
    /// A clock time on a day (nil: the anchor day).
    case clock(hour: Int, minute: Int, day: TimexMeaning?)
    /// A part of a day (`MO`, `AF`, `EV`, `NI`) on a day (nil: the anchor day).
    case partOfDay(String, day: TimexMeaning?)
    /// A weekend: of this week (0), the last (-1), the next (+1).
    case weekend(Int)
    /// The `n`th `weekday` (1 Monday … 7 Sunday) of a month, of a year chosen by tense
    /// (Thanksgiving: the fourth Thursday of November).
    case nthWeekday(month: Int, weekday: Int, n: Int)
    /// A fully written value that needs no anchor (`2024-07-01` in ISO form).
    case literal(String)
}
