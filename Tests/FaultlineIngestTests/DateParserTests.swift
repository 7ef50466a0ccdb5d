import FaultlineIngest
import FaultlineModel
import Testing

@Suite("Publication dates")
struct DateParserTests {
    @Test(
        "the forms articles, pages and feeds use are read",
        arguments: [
            ("2024-07-01", "2024-07-01"),
            ("2024-07-01T02:00:00Z", "2024-07-01T02:00:00Z"),
            ("2025-02-10T12:00:00+02:00", "2025-02-10T12:00:00+02:00"),
            ("2025-04-02T08:15:00.000Z", "2025-04-02T08:15:00Z"),
            ("Mon, 01 Jul 2024 02:00:00 +0000", "2024-07-01T02:00:00Z"),
            ("Wed, 04 Dec 2024 17:05:00 GMT", "2024-12-04T17:05:00Z"),
            ("September 05, 2019", "2019-09-05"),
            ("Sept. 5, 2019", "2019-09-05"),
            ("5 September 2019", "2019-09-05"),
            ("25 May 2023", "2023-05-25"),
            ("Thursday, September 5, 2019 at 10:30 pm", "2019-09-05T22:30:00"),
            ("Mon, 07/01/2024 – 02:00", "2024-07-01T02:00:00"),
            ("Tue, 11/19/2024 – 09:30", "2024-11-19T09:30:00"),
            ("19/11/2024", "2024-11-19"),
            ("01.07.2024", "2024-07-01"),
            ("Published: March 14, 2025", "2025-03-14"),
            ("May 5th, 2019", "2019-05-05"),
        ])
    func reads(_ input: String, _ expected: String) {
        #expect(DateParser.parse(input)?.isoString == expected)
    }

    @Test(
        "text that is not only a date is not a date",
        arguments: ["Global Research, September 05, 2019", "Region: Europe", "13 trains", "February 30, 2024", "", "2024"])
    func rejects(_ input: String) {
        #expect(DateParser.parse(input) == nil)
    }

    @Test("a date in a URL path is found")
    func urlDates() {
        #expect(DateParser.fromURLPath("https://meridianwire.example/2025/04/02/sanctions-brief")?.isoDate == "2025-04-02")
        #expect(DateParser.fromURLPath("https://example.org/news/2024-06-30-border-talks")?.isoDate == "2024-06-30")
        #expect(DateParser.fromURLPath("https://example.org/about") == nil)
    }
}
