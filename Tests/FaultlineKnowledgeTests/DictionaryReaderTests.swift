import FaultlineKnowledge
import FaultlineTestSupport
import Foundation
import Testing

@Suite("PETRARCH and TABARI dictionaries: the real files, and broken ones")
struct DictionaryReaderTests {
    static let petrarch = "data/petrarch2/petrarch2/data/dictionaries/"

    @Test("the Phoenix country actors: 18,390 primary phrases, 7,527 synonyms; the typos are reported by line")
    func phoenixCountries() throws {
        let reading = try ActorDictionaryReader.read(TestPaths.shared(Self.petrarch + "Phoenix.Countries.actors.txt"))
        #expect(reading.entries.actors.count == 18_390)
        #expect(reading.entries.synonymCount == 7_527)
        // Seven date restrictions are malformed upstream (e.g. "9008223"); each is named, the rest kept.
        #expect(reading.issues.count == 7)
        #expect(reading.issues.allSatisfy { $0.file == "Phoenix.Countries.actors.txt" && $0.line > 0 })
        let lukashenka = try #require(reading.entries.actors.first { $0.phrase.text == "ALYAKSANDR_LUKASHENKA_" })
        #expect(lukashenka.code(on: CalendarDay("2019-05-05")!) == "BLRGOV")
        #expect(lukashenka.code(on: CalendarDay("1990-01-01")!) == "BLRELI")
    }

    @Test("the CAMEO 2.0 verb dictionary: 4,668 patterns, 397 blocks, 40 synsets, 8 transformations")
    func cameoVerbs() throws {
        let reading = try VerbDictionaryReader.read(TestPaths.shared(Self.petrarch + "CAMEO.2.0.txt"))
        let verbs = reading.entries
        #expect(reading.issues.isEmpty)
        #expect(verbs.patterns.count == 4_668)
        #expect(verbs.blockCount == 397)
        #expect(verbs.synsets.count == 40)
        #expect(verbs.transformations.count == 8)
        // The 687 "+" lines are synonym-set members and multi-word verbs together.
        #expect(verbs.synsets.reduce(0) { $0 + $1.members.count } + verbs.verbs.filter { $0.phrase.words.count > 1 }.count == 687)
        let pattern = try #require(verbs.patterns.first { $0.pattern == "* PEACE" && $0.verb == "MAKE" })
        #expect(pattern.code == "050")
    }

    @Test("agents, discards and the other Phoenix actor files read whole")
    func otherPhoenixFiles() throws {
        let agents = try AgentDictionaryReader.read(TestPaths.shared(Self.petrarch + "Phoenix.agents.txt"))
        #expect(Set(agents.entries.map(\.line)).count == 2_243)
        #expect(agents.entries.contains { $0.phrase.text == "CATTLEMAN" && $0.code == "AGR" })  // !PERSON! expanded
        #expect(agents.issues.count == 2)  // "[~ENV}" and a phrase with no code
        let discards = try DiscardListReader.read(TestPaths.shared(Self.petrarch + "Phoenix.discards.txt"))
        #expect(discards.entries.count == 506)
        #expect(discards.entries.filter(\.wholeStory).count == 64)
        let international = try ActorDictionaryReader.read(TestPaths.shared(Self.petrarch + "Phoenix.International.actors.txt"))
        #expect(international.entries.actors.count == 7_841)  // 7,840 unindented + JOHN_MCCLOY_ indented by a tab
        let nonState = try ActorDictionaryReader.read(TestPaths.shared(Self.petrarch + "Phoenix.MilNonState.actors.txt"))
        #expect(nonState.entries.actors.count == 1_021)
        #expect(nonState.issues.isEmpty)
    }

    @Test("the TABARI validation dictionaries, CRLF line ends included")
    func tabari() throws {
        let actors = try ActorDictionaryReader.read(TestPaths.shared("data/tabari-validation/TABARI.Demo.actors"))
        #expect(actors.issues.isEmpty)
        #expect(actors.entries.actors.contains { $0.phrase.text == "ARNOR" && $0.code(on: CalendarDay("1995-01-01")!) == "ARN" })
        #expect(actors.entries.wordClassEntries == 13)
        let verbs = try VerbDictionaryReader.read(TestPaths.shared("data/tabari-validation/TABARI.Demo.verbs"))
        #expect(verbs.issues.isEmpty)
        #expect(verbs.entries.patterns.count == 407)  // the file's 409 "-" lines less the two in <TIME>
        let master = try VerbDictionaryReader.read(TestPaths.shared("data/tabari-validation/CAMEO.091003.master.verbs"))
        #expect(master.entries.patterns.count == 15_582)
        let agents = try AgentDictionaryReader.read(TestPaths.shared("data/tabari-validation/Validate.agents"))
        #expect(agents.entries.count == 86)
    }

    @Test("a data table named like a discard list is refused line by line, not crashed on")
    func tabariDiscardsIsNotADiscardList() throws {
        let reading = try DiscardListReader.read(TestPaths.shared("data/tabari-validation/discards.txt"))
        #expect(reading.issues.count > 100)
        #expect(reading.issues[0].file == "discards.txt")
    }

    @Test("a broken line is named by file and line; the rest is kept")
    func brokenLines() throws {
        let text = """
            # a comment
            RUSSIA_ [RUS]
            +RUSSIAN_FEDERATION_
            \t[RUSGOV 9912-0805]
            BROKEN [RUS
            \t[SUNGOV <911225]
            +
            [NOPHRASE]
            UKRAINE [UKR] ; trailing comment
            """
        let reading = try ActorDictionaryReader.read(name: "mine.actors", text: text)
        #expect(reading.entries.actors.map(\.phrase.text) == ["RUSSIA_", "UKRAINE"])
        #expect(reading.entries.actors[0].codes.map(\.code) == ["RUS", "SUNGOV"])
        #expect(reading.issues.map(\.line) == [4, 5, 7, 8])
        #expect(reading.issues.allSatisfy { $0.file == "mine.actors" })
    }

    @Test("a truncated verb file keeps what came before the cut")
    func truncated() throws {
        let text = "---  BLAME   [112]  ---\nBLAME\n- * (OF TORTURE)  [1122]  # BLAME\n- * (OF"
        let reading = try VerbDictionaryReader.read(name: "cut.verbs", text: text)
        #expect(reading.entries.patterns.count == 1)
        #expect(reading.issues.map(\.line) == [4])
    }

    @Test("binary input is refused with the file named")
    func binary() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("image.actors")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]).write(to: url)
        #expect(throws: KnowledgeFileError.self) { try ActorDictionaryReader.read(url) }
        #expect(throws: KnowledgeFileError.self) { try ActorDictionaryReader.read(folder.appendingPathComponent("missing.actors")) }
    }

    @Test("a huge dictionary of hostile lines is read without a crash")
    func huge() throws {
        var text = ""
        for index in 0..<15_000 {
            text += index % 3 == 0 ? "ACTOR_\(index) [ABC]\n" : (index % 3 == 1 ? "\t[[[[]]]]\u{202E}\n" : String(repeating: "[", count: 200) + "\n")
        }
        let reading = try ActorDictionaryReader.read(name: "hostile.actors", text: text)
        #expect(reading.entries.actors.count == 5_000)
        #expect(reading.issues.count == 10_000)
    }
}
