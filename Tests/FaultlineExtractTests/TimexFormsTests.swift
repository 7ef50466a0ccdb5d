import FaultlineExtract
import FaultlineModel
import Testing

/// One sentence, the expression expected in it, and its TIMEX3 type and value.
struct TimexCase: CustomTestStringConvertible, Sendable {
    var sentence: String
    var expression: String
    var type: Timex.Kind
    var value: String
    var mod: String? = nil
    var testDescription: String { "\(expression) → \(value)" }
}

/// Extracts with an anchor and returns the timex whose text is `expression`.
func timex(_ sentence: String, _ expression: String, anchor: PublicationDate) -> Timex? {
    TimexExtractor().extract(text: sentence, anchor: TimeAnchor(date: anchor)).first { $0.text == expression }
}

@Suite("Time expressions, anchored on a creation time of Monday 2024-07-01")
struct TimexFormsTests {
    static let anchor = PublicationDate(year: 2024, month: 7, day: 1)

    static let dates: [TimexCase] = [
        .init(sentence: "Talks were held on 24 May.", expression: "24 May", type: .date, value: "2024-05-24"),
        .init(sentence: "He wrote it on 25 May 2023.", expression: "25 May 2023", type: .date, value: "2023-05-25"),
        .init(sentence: "The vote was on Nov. 25, 1999.", expression: "Nov. 25, 1999", type: .date, value: "1999-11-25"),
        .init(sentence: "It was signed in July 1997.", expression: "July 1997", type: .date, value: "1997-07"),
        .init(sentence: "Troops arrived in 1994.", expression: "1994", type: .date, value: "1994"),
        .init(sentence: "The feed was stamped 2024-06-30.", expression: "2024-06-30", type: .date, value: "2024-06-30"),
        .init(sentence: "Posted 07/01/2024 at noon.", expression: "07/01/2024", type: .date, value: "2024-07-01"),
        .init(sentence: "The summit runs from 9-11 July.", expression: "9-11 July", type: .date, value: "2024-07-09/2024-07-11"),
        .init(sentence: "The summit runs July 9-11.", expression: "July 9-11", type: .date, value: "2024-07-09/2024-07-11"),
        .init(sentence: "The editorial of Monday, Oct. 26, 1998 said so.", expression: "Monday, Oct. 26, 1998", type: .date, value: "1998-10-26"),
    ]

    static let relative: [TimexCase] = [
        .init(sentence: "The drone fell today.", expression: "today", type: .date, value: "2024-07-01"),
        .init(sentence: "The drone fell yesterday.", expression: "yesterday", type: .date, value: "2024-06-30"),
        .init(sentence: "They will meet tomorrow.", expression: "tomorrow", type: .date, value: "2024-07-02"),
        .init(sentence: "Shelling resumed last week.", expression: "last week", type: .date, value: "2024-W26"),
        .init(sentence: "Talks resume next week.", expression: "next week", type: .date, value: "2024-W28"),
        .init(sentence: "Exports fell last month.", expression: "last month", type: .date, value: "2024-06"),
        .init(sentence: "Output rose last year.", expression: "last year", type: .date, value: "2023"),
        .init(sentence: "It happened two years ago.", expression: "two years ago", type: .date, value: "2022"),
        .init(sentence: "Drills are planned later this year.", expression: "later this year", type: .date, value: "2024"),
        .init(sentence: "The offensive began early next year.", expression: "early next year", type: .date, value: "2025", mod: "START"),
        .init(sentence: "Reports came in mid-November.", expression: "mid-November", type: .date, value: "2023-11", mod: "MID"),
    ]

    static let periods: [TimexCase] = [
        .init(sentence: "Profit rose in the third quarter.", expression: "the third quarter", type: .date, value: "2024-Q3"),
        .init(sentence: "Third-quarter profit rose.", expression: "Third-quarter", type: .date, value: "2024-Q3"),
        .init(sentence: "Sales fell in the fourth quarter of 1988.", expression: "the fourth quarter of 1988", type: .date, value: "1988-Q4"),
        .init(sentence: "Fighting slowed last winter.", expression: "last winter", type: .date, value: "2023-WI"),
        .init(sentence: "The talks broke down this summer.", expression: "this summer", type: .date, value: "2024-SU"),
        .init(sentence: "The last dictatorship of Europe in the 2000s.", expression: "the 2000s", type: .date, value: "200"),
        .init(sentence: "It was built in the 1990s.", expression: "the 1990s", type: .date, value: "199"),
        .init(sentence: "A relic of the 20th century.", expression: "the 20th century", type: .date, value: "19"),
        .init(sentence: "Convoys moved this week.", expression: "this week", type: .date, value: "2024-W27"),
        .init(sentence: "It was sold over the weekend.", expression: "the weekend", type: .date, value: "2024-W26-WE"),
    ]

    static let durationsAndSets: [TimexCase] = [
        .init(sentence: "The war has lasted two years and nine months.", expression: "two years and nine months", type: .duration, value: "P2Y9M"),
        .init(sentence: "There are seven weeks left.", expression: "seven weeks", type: .duration, value: "P7W"),
        .init(sentence: "It held for at least 72 hours.", expression: "at least 72 hours", type: .duration, value: "PT72H", mod: "EQUAL_OR_MORE"),
        .init(sentence: "A two-year plan.", expression: "two-year", type: .duration, value: "P2Y"),
        .init(sentence: "Profit in the first nine months rose.", expression: "the first nine months", type: .duration, value: "P9M"),
        .init(sentence: "They lived in camps for 2 1/2 years.", expression: "2 1/2 years", type: .duration, value: "P2Y6M"),
        .init(sentence: "Patrols go out every week.", expression: "every week", type: .set, value: "P1W"),
        .init(sentence: "The ministry reports daily.", expression: "daily", type: .set, value: "P1D"),
        .init(sentence: "Markets close early on Fridays.", expression: "Fridays", type: .set, value: "XXXX-WXX-5"),
        .init(sentence: "They meet each Thursday.", expression: "each Thursday", type: .set, value: "XXXX-WXX-4"),
    ]

    static let fuzzyAndTimes: [TimexCase] = [
        .init(sentence: "Tensions have risen recently.", expression: "recently", type: .date, value: "PAST_REF"),
        .init(sentence: "Reinforcements arrive in the coming weeks.", expression: "the coming weeks", type: .duration, value: "PXW"),
        .init(sentence: "The border is closed now.", expression: "now", type: .date, value: "PRESENT_REF"),
        .init(sentence: "A deal may come in the near future.", expression: "the near future", type: .date, value: "FUTURE_REF"),
        .init(sentence: "The blast came at 10:35 a.m. on the day.", expression: "10:35 a.m.", type: .time, value: "2024-07-01T10:35"),
        .init(sentence: "The deadline will expire at 9 a.m. EST Tuesday.", expression: "9 a.m. EST Tuesday", type: .time, value: "2024-07-02T09:00"),
        .init(sentence: "The strike came Friday morning.", expression: "Friday morning", type: .time, value: "2024-06-28TMO"),
        .init(sentence: "Sirens sounded tonight.", expression: "tonight", type: .time, value: "2024-07-01TNI"),
    ]

    @Test("calendar dates and ranges", arguments: dates)
    func calendarDates(_ c: TimexCase) throws { try check(c) }

    @Test("relative dates against the anchor", arguments: relative)
    func relativeDates(_ c: TimexCase) throws { try check(c) }

    @Test("weeks, quarters, seasons, decades, centuries", arguments: periods)
    func periodsOfTime(_ c: TimexCase) throws { try check(c) }

    @Test("durations and sets", arguments: durationsAndSets)
    func durationsSets(_ c: TimexCase) throws { try check(c) }

    @Test("fuzzy references and clock times", arguments: fuzzyAndTimes)
    func fuzzyTimes(_ c: TimexCase) throws { try check(c) }

    func check(_ c: TimexCase) throws {
        let found = try #require(timex(c.sentence, c.expression, anchor: Self.anchor), "no \"\(c.expression)\" in \"\(c.sentence)\"")
        #expect(found.type == c.type)
        #expect(found.value == c.value)
        if let mod = c.mod { #expect(found.mod == mod) }
    }

    @Test("Monday follows the tense of its sentence: past in a past sentence, ahead in a future one")
    func mondayFollowsTense() throws {
        // 2024-07-03 is a Wednesday.
        let wednesday = PublicationDate(year: 2024, month: 7, day: 3)
        #expect(timex("The minister said on Monday that drones were shot down.", "Monday", anchor: wednesday)?.value == "2024-07-01")
        #expect(timex("The minister will visit Gomel on Monday.", "Monday", anchor: wednesday)?.value == "2024-07-08")
        #expect(timex("Talks collapsed last Monday.", "last Monday", anchor: wednesday)?.value == "2024-07-01")
        #expect(timex("Talks resume next Monday.", "next Monday", anchor: wednesday)?.value == "2024-07-08")
    }

    @Test("January 20 in an article of late November 2024 that looks ahead is 2025-01-20")
    func januaryLooksAhead() {
        let november = PublicationDate(year: 2024, month: 11, day: 28)
        #expect(timex("The president returns to the White House on January 20.", "January 20", anchor: november)?.value == "2025-01-20")
        #expect(timex("He will be sworn in on January 20.", "January 20", anchor: november)?.value == "2025-01-20")
        #expect(timex("The blockade began on January 20.", "January 20", anchor: november)?.value == "2024-01-20")
    }

    @Test("without an anchor, relative values keep their unknown parts")
    func withoutAnchor() {
        let found = TimexExtractor().extract(text: "Drones crossed on 24 May and again yesterday.", anchor: nil)
        #expect(found.map(\.value) == ["XXXX-05-24", "XXXX-XX-XX"])
    }

    @Test("spans are Unicode scalar offsets into the text")
    func spansAreScalarOffsets() throws {
        let text = "Kiev’s “offensive” 🚀 began on 24 May."
        let found = try #require(TimexExtractor().extract(text: text, anchor: TimeAnchor(date: Self.anchor)).first)
        let scalars = Array(text.unicodeScalars)
        var slice = ""
        slice.unicodeScalars.append(contentsOf: scalars[found.start..<found.end])
        #expect(slice == "24 May")
        #expect(found.text == "24 May")
    }

    @Test("a financial report's 'a year earlier' is the quarter it compares")
    func yearEarlierQuarter() {
        let anchor = TimeAnchor(date: PublicationDate(year: 1989, month: 10, day: 26))
        let found = TimexExtractor().extract(
            text: "Net income rose in the third quarter to $5 million from $3 million a year earlier.", anchor: anchor)
        #expect(found.map(\.value) == ["1989-Q3", "1988-Q3"])
    }
}
