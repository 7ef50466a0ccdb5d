import FaultlineExtract
import FaultlineKnowledge
import FaultlineText
import Testing

/// Small hand-written dictionaries in PETRARCH's formats, and the coder over our own parse.
enum DictionaryFixture {
    static let verbs = """
        &TIETYPES
        +MILITARY
        +ECONOMIC
        --- RESTORE [064] ---
        RESTORE
        - * &TIETYPES TIES [902]
        - NOT * [112]
        --- MEET [031:032] ---
        MEET {MET}
        --- CRITICIZE [121] ---
        CRITICIZE
        CONDEMN [122]
        - HEAVILY * [123]
        --- AGREE [081] ---
        AGREE
        - % * [030:030]
        --- EXCLUDE [1721] ---
        EXCLUDE
        +CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF}
        --- SHOT [223] ---
        SHOT
        - + WAS * DEAD IN $ [224]
        """
    static let actors = """
        ARNOR [ARN]
        GONDOR [GON]
        +MINAS_TIRITH
        OSGILIATH [OSG]
        MORDOR [MOR]
        THE_SHIRE [FRO/SAM]
        SAM_GAMGEE [HOB]
        \t[HOBCIV <20080120]
        \t[HOBMIL 20080120-20121109]
        """
    static let agents = """
        GOVERNMENT [~GOV]
        SOLDIER [~MIL]
        MINISTER [~GOV]
        MSF {} [NGO~]
        """
    static let discards = """
        BASEBALL
        """

    static let coder: DictionaryEventCoder = {
        DictionaryEventCoder(
            verbs: try! VerbDictionaryReader.read(name: "test.verbs", text: verbs).entries,
            actors: try! ActorDictionaryReader.read(name: "test.actors", text: actors).entries.actors,
            agents: try! AgentDictionaryReader.read(name: "test.agents", text: agents).entries,
            discards: try! DiscardListReader.read(name: "test.discards", text: discards).entries)
    }()

    /// Loaded once: the shipped models take a moment to read.
    static let pipeline = try! LanguagePipeline.shipped()

    static let day = CalendarDay(year: 1995, month: 1, day: 1)

    /// The sentence's events as sorted `SOURCE TARGET CODE` strings.
    static func code(_ sentence: String, on day: CalendarDay = day, requireDyad: Bool = true) -> [String] {
        let text = pipeline.annotate(sentence)
        return text.sentences.indices.flatMap {
            coder.code(text, sentence: $0, on: day, options: .init(requireDyad: requireDyad))
        }.map { "\($0.source) \($0.target) \($0.code)" }.sorted()
    }
}

@Suite("Dictionary event coder")
struct DictionaryEventCoderTests {
    @Test("a verb with no matching pattern codes with its block's code")
    func verbCode() {
        #expect(DictionaryFixture.code("Arnor restored diplomatic ties with Gondor.") == ["ARN GON 064"])
    }

    @Test("a pattern with a synonym set beats the verb's own code")
    func synsetPattern() {
        #expect(DictionaryFixture.code("Arnor restored economic ties with Gondor.") == ["ARN GON 902"])
        #expect(DictionaryFixture.code("Arnor restored military ties with Gondor.") == ["ARN GON 902"])
    }

    @Test("words before the verb in a pattern: negation and adverbs")
    func preVerbPattern() {
        #expect(DictionaryFixture.code("Arnor will not restore ties with Gondor.") == ["ARN GON 112"])
        #expect(DictionaryFixture.code("Osgiliath heavily condemned Mordor.") == ["OSG MOR 123"])
    }

    @Test("a verb line's own code overrides its block's")
    func ownVerbCode() {
        #expect(DictionaryFixture.code("Osgiliath condemned Mordor.") == ["OSG MOR 122"])
    }

    @Test("agents add their code after the actor's, prefix agents before it")
    func agents() {
        #expect(DictionaryFixture.code("The Gondor government criticized Arnor.") == ["GONGOV ARN 121"])
        #expect(DictionaryFixture.code("Soldiers from Gondor criticized Arnor.") == ["GONMIL ARN 121"])
        #expect(DictionaryFixture.code("MSF Arnor criticized Gondor.") == ["NGOARN GON 121"])
    }

    @Test("a compound actor gives one event per actor")
    func compounds() {
        #expect(DictionaryFixture.code("Arnor and Osgiliath criticized Gondor.") == ["ARN GON 121", "OSG GON 121"])
        #expect(DictionaryFixture.code("Mordor criticized Arnor and Osgiliath.") == ["MOR ARN 121", "MOR OSG 121"])
        #expect(DictionaryFixture.code("The Shire criticized Mordor.") == ["FRO MOR 121", "SAM MOR 121"])
    }

    @Test("% before the verb makes the members of a compound source act on each other")
    func compoundPattern() {
        #expect(DictionaryFixture.code("Arnor and Gondor agree that the dispute should end.") == ["ARN GON 030", "GON ARN 030"])
    }

    @Test("a paired code gives the target's event back")
    func pairedCode() {
        #expect(DictionaryFixture.code("Arnor met Gondor on Monday.") == ["ARN GON 031", "GON ARN 032"])
    }

    @Test("the passive's by-phrase is the source")
    func passive() {
        #expect(DictionaryFixture.code("Arnor was criticized by Gondor.") == ["GON ARN 121"])
    }

    @Test("$ and + in a pattern pick the source and target")
    func markers() {
        #expect(DictionaryFixture.code("A Gondor soldier was shot dead in Mordor.") == ["MOR GONMIL 224"])
    }

    @Test("multi-word verbs match with their other words")
    func multiWordVerb() {
        #expect(DictionaryFixture.code("Soldiers from Gondor have cordoned off the roads into Mordor.") == ["GONMIL MOR 1721"])
    }

    @Test("dated actor codes follow the day", arguments: [
        (CalendarDay(year: 2005, month: 1, day: 1), "HOBCIV"),
        (CalendarDay(year: 2010, month: 1, day: 1), "HOBMIL"),
        (CalendarDay(year: 2015, month: 1, day: 1), "HOB"),
    ])
    func datedCodes(day: CalendarDay, code: String) {
        #expect(DictionaryFixture.code("Sam Gamgee criticized Gondor.", on: day) == ["\(code) GON 121"])
    }

    @Test("a discard phrase drops the sentence")
    func discards() {
        #expect(DictionaryFixture.code("Arnor criticized Gondor over baseball.").isEmpty)
    }

    @Test("require_dyad drops one-sided events; without it the missing side is ---")
    func requireDyad() {
        #expect(DictionaryFixture.code("Arnor criticized the plan.").isEmpty)
        #expect(DictionaryFixture.code("Arnor criticized the plan.", requireDyad: false) == ["ARN --- 121"])
    }
}
