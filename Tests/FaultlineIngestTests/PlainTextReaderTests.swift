import FaultlineIngest
import FaultlineModel
import Testing

@Suite("Plain-text articles")
struct PlainTextReaderTests {
    func read(_ text: String) -> Article { PlainTextReader.read(text, origin: "test.txt") }

    @Test("a title line, a By line and an outlet-and-date line become metadata")
    func headerLines() {
        let article = read(
            """
            Minsk Sends Engineers to the Border

            By [Ivan Petrov](#)

            Eastern Desk, September 05, 2019

            Region: [Europe](#), [Russia and FSU](#)

            Belarus has sent engineering units to its southern border, the ministry said.

            The units will build fortifications.
            """)
        #expect(article.metadata.title == "Minsk Sends Engineers to the Border")
        #expect(article.metadata.authors == ["Ivan Petrov"])
        #expect(article.metadata.outlet == "Eastern Desk")
        #expect(article.metadata.published?.isoDate == "2019-09-05")
        #expect(article.metadata.extra["region"] == "Europe, Russia and FSU")
        #expect(article.text == "Minsk Sends Engineers to the Border\nBelarus has sent engineering units to its southern border, the ministry said.\nThe units will build fortifications.")
    }

    @Test("'Authored by X via Y' gives the author and the platform, and a footer date the publication date")
    func authoredVia() {
        let article = read(
            """
            Authored by Anna Berg via Substack,
            Reports of drones over the border multiplied this week.
            * “Drone shot down near Mozyr”
            * “Border service reinforces patrols”
            Officials in Minsk blamed Kyiv.
            Tyler Durden
            Mon, 07/01/2024 – 02:00
            """)
        #expect(article.metadata.title == nil)
        #expect(article.metadata.authors == ["Anna Berg"])
        #expect(article.metadata.extra["via"] == "Substack")
        #expect(article.metadata.extra["posted_by"] == "Tyler Durden")
        #expect(article.metadata.published?.isoString == "2024-07-01T02:00:00")
        #expect(!article.text.contains("Tyler Durden"))
        #expect(article.text.hasPrefix("Reports of drones"))
        #expect(article.text.contains("* “Drone shot down near Mozyr”\n* “Border service reinforces patrols”"))
    }

    @Test("an 'Authors:' footer lists the authors; contributors are kept apart and a bare byline gives way")
    func authorsFooter() {
        let article = read(
            """
            Moscow and Kyiv race for leverage before talks
            Both sides want an advantage, the author believes.
            Lena Vasco
            London. The war may have weeks of heavy fighting left.
            “Nobody wants to negotiate from weakness,” said one official.
            Authors: Lena Vasko, Tomas Reid, Ana Mirescu. The article was written with the participation of Ivo Brandt.
            """)
        #expect(article.metadata.authors == ["Lena Vasko", "Tomas Reid", "Ana Mirescu"])
        #expect(article.metadata.extra["contributors"] == "Ivo Brandt")
        #expect(!article.text.contains("Lena Vasco"))
        #expect(!article.text.contains("Authors:"))
        #expect(article.text.hasSuffix("said one official."))
    }

    @Test("a question headline joined to the lede by a dash is the title, and an author bio gives the author")
    func dashTitleAndBio() {
        let article = read(
            """
            Is Minsk Emptying Its Arsenals? – According to a think tank, trains have left Belarusian depots for Russia.
            The report says 20 trains left in October.
            What It Means
            The transfers suggest Minsk will not join the war.
            Peter Hale is a British journalist and author based in Warsaw. He writes on security.
            """)
        #expect(article.metadata.title == "Is Minsk Emptying Its Arsenals?")
        #expect(article.metadata.authors == ["Peter Hale"])
        #expect(article.text.hasPrefix("Is Minsk Emptying Its Arsenals? – According to"))
        #expect(article.text.contains("What It Means"))
        #expect(!article.text.contains("British journalist"))
    }

    @Test("reposting footers leave the text: notes, links, copyright, disclaimers, 'Articles by'")
    func footers() {
        let article = read(
            """
            A Headline Without a Period

            By Ivan Petrov

            First paragraph of the body.

            Second paragraph of the body.

            *

            Note to readers: please click the share buttons above.

            This article was originally published on [OneWorld](#).

            Featured image is from [example.org](#)

            The original source of this article is Eastern Desk

            Copyright © [Ivan Petrov](#), Eastern Desk, 2019

            [Become a Member of Eastern Desk](#)

            Articles by: **Ivan Petrov**

            Disclaimer: The contents of this article are of sole responsibility of the author(s).

            For media inquiries: desk@example.org
            """)
        #expect(article.text == "A Headline Without a Period\nFirst paragraph of the body.\nSecond paragraph of the body.")
        #expect(article.metadata.outlet == "Eastern Desk")
        #expect(article.metadata.extra["originally_published_on"] == "OneWorld")
        #expect(article.metadata.authors == ["Ivan Petrov"])
    }

    @Test("hard-wrapped paragraphs are joined into one line each")
    func hardWrapped() {
        let line = "The border service said it had detected a drone crossing from the south at night"
        let text = "Title Of The Piece\n\n" + [line, line, line].joined(separator: "\n") + "\n\n" + [line, line, line].joined(separator: "\n")
        let article = read(text)
        #expect(article.text.split(separator: "\n").count == 3)
    }

    @Test("a one-line text has no title and keeps its line")
    func oneLine() {
        let article = read("Belarus closed two checkpoints on the Polish border on Tuesday.")
        #expect(article.metadata.title == nil)
        #expect(article.text == "Belarus closed two checkpoints on the Polish border on Tuesday.")
    }
}
