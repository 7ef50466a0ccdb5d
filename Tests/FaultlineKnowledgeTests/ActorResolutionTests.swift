import FaultlineKnowledge
import Testing

/// Loaded once for the suite: loading is what the 0.5 s budget is about, not each test.
let sharedKnowledgeBase = Result { try KnowledgeBase.load() }

@Suite("Actors resolve to the code of the role held on the day")
struct ActorResolutionTests {
    let kb: KnowledgeBase

    init() throws { kb = try sharedKnowledgeBase.get() }

    @Test("the team's table has at least 150 mentions")
    func tableSize() {
        #expect(MentionTable.cases.count >= 150)
    }

    @Test("each mention of the table resolves to its actor and code", arguments: MentionTable.cases)
    func mention(_ example: MentionCase) throws {
        let day = try #require(CalendarDay(example.date))
        let mentions = kb.matcher.matches(in: example.sentence)
        let mention = try #require(
            mentions.first { $0.text == example.surface },
            "no mention \"\(example.surface)\" among \(mentions.map(\.text))")
        // Offsets are Unicode scalars: slicing the sentence by them gives the mention back.
        let scalars = Array(example.sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == example.surface)
        let resolved = try #require(kb.resolve(mention, on: day, in: example.sentence))
        #expect(resolved.actor.id.rawValue == example.actor)
        #expect(resolved.code == example.code)
    }

    @Test("Trump is USAGOV in 2019 and 2025, not in 2022")
    func trumpOverTime() {
        #expect(kb.code(for: "person:donald-trump", on: CalendarDay("2019-05-05")!) == "USAGOV")
        #expect(kb.code(for: "person:donald-trump", on: CalendarDay("2025-03-01")!) == "USAGOV")
        #expect(kb.code(for: "person:donald-trump", on: CalendarDay("2022-06-01")!) != "USAGOV")
    }

    @Test("a handover day belongs to the incoming holder")
    func handover() {
        let day = CalendarDay("2021-01-20")!
        #expect(kb.roles(of: "person:joe-biden", on: day).contains { $0.title == "President" })
        #expect(!kb.roles(of: "person:donald-trump", on: day).contains { $0.title == "President" })
    }

    @Test("the title before a name picks among a person's roles")
    func titlePicksRole() {
        let day = CalendarDay("2020-01-01")!
        #expect(kb.code(for: "person:xi-jinping", on: day, title: "President") == "CHNGOV")
        #expect(kb.code(for: "person:xi-jinping", on: day, title: "Chairman of the Central Military Commission") == "CHNMIL")
    }

    @Test("the office named right before a name codes a person out of it on the day, unless the words say it is past")
    func namedOffice() {
        let day = CalendarDay("2000-01-01")!
        #expect(kb.code(for: "person:ryutaro-hashimoto", on: day) == "JPNELI")
        #expect(kb.code(for: "person:ryutaro-hashimoto", on: day, title: "hosted Japanese Prime Minister") == "JPNGOV")
        #expect(kb.code(for: "person:ryutaro-hashimoto", on: day, title: "met former Prime Minister") == "JPNELI")
        // A word of office further back is not this name's title.
        #expect(kb.code(for: "person:donald-trump", on: CalendarDay("2022-06-01")!, title: "the President met with") != "USAGOV")
    }

    @Test("countries and organisations keep one code; equipment has none")
    func staticCodes() {
        let day = CalendarDay("2024-01-01")!
        #expect(kb.code(for: "country:blr", on: day) == "BLR")
        #expect(kb.code(for: "org:nato", on: day) == "IGOWSTNAT")
        #expect(kb.code(for: "equip:t-72", on: day) == nil)
        #expect(kb.actor("equip:t-72")?.isAgent == false)
    }

    @Test("every role names a known holder, and every actor has a name")
    func integrity() {
        for role in kb.roles { #expect(kb.actor(role.holder) != nil, "\(role.person): unknown holder \(role.holder)") }
        for actor in kb.actors { #expect(!actor.name.isEmpty) }
    }

    @Test("lookup by any spelling, in any case")
    func lookup() {
        #expect(kb.actors(named: "lukashenka").map(\.id) == ["person:alexander-lukashenko"])
        #expect(kb.actors(named: "KIEV").map(\.id) == ["country:ukr"])
        #expect(kb.actors(named: "person:vladimir-putin").map(\.id) == ["person:vladimir-putin"])
        #expect(kb.actors(named: "no such actor").isEmpty)
    }
}
