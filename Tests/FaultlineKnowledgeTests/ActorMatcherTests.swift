import FaultlineKnowledge
import Testing

@Suite("The matcher finds names through case, possessives, plurals, hyphens and apostrophes")
struct ActorMatcherTests {
    let matcher: ActorMatcher

    init() throws {
        let actors = [
            Actor(id: "country:usa", kind: .country, category: "country", name: "United States", cameo: "USA", country: nil, wikidata: nil,
                names: [ActorName("United States", form: .name), ActorName("US", form: .alias), ActorName("U.S.", form: .alias)], note: ""),
            Actor(id: "country:blr", kind: .country, category: "country", name: "Belarus", cameo: "BLR", country: nil, wikidata: nil,
                names: [ActorName("Belarus", form: .name), ActorName("Belarusian", form: .adjective)], note: ""),
            Actor(id: "country:ukr", kind: .country, category: "country", name: "Ukraine", cameo: "UKR", country: nil, wikidata: nil,
                names: [ActorName("Ukraine", form: .name), ActorName("Ukrainian", form: .adjective), ActorName("Kiev", form: .capital)], note: ""),
            Actor(id: "org:blr-border", kind: .organisation, category: "border", name: "State Border Committee", cameo: "BLRMIL", country: nil,
                wikidata: nil, names: [ActorName("Belarusian border service", form: .alias)], note: ""),
            Actor(id: "person:kaczynski", kind: .person, category: "person", name: "Jarosław Kaczyński", cameo: nil, country: nil, wikidata: nil,
                names: [ActorName("Kaczyński", form: .alias)], note: ""),
            Actor(id: "equip:f-16", kind: .equipment, category: "aircraft", name: "F-16", cameo: nil, country: nil, wikidata: nil,
                names: [ActorName("F-16", form: .name)], note: ""),
            Actor(id: "country:civ", kind: .country, category: "country", name: "Côte d'Ivoire", cameo: "CIV", country: nil, wikidata: nil,
                names: [ActorName("Côte d'Ivoire", form: .name)], note: ""),
        ]
        matcher = ActorMatcher(actors: actors)
    }

    private func found(_ text: String) -> [String] { matcher.matches(in: text).map(\.text) }

    @Test(
        "forms of a name in text",
        arguments: [
            ("Belarus’ border", ["Belarus"]),
            ("Kiev's plan", ["Kiev"]),
            ("Kiev’s plan", ["Kiev"]),
            ("the Belarusian-Ukrainian border", ["Belarusian", "Ukrainian"]),
            ("to store F-16s in NATO states", ["F-16s"]),
            ("KACZYNSKI said", ["KACZYNSKI"]),
            ("Kaczynski said", ["Kaczynski"]),
            ("in Côte d’Ivoire today", ["Côte d’Ivoire"]),
            ("the U.S. and the US", ["U.S.", "US"]),
            ("drone shot down by Belarusian border service", ["Belarusian border service"]),
        ])
    func forms(_ text: String, _ expected: [String]) {
        #expect(found(text) == expected)
    }

    @Test("a short acronym must be written in capitals: 'us' is not the US")
    func acronymCase() {
        #expect(found("tell us about it").isEmpty)
        #expect(found("Us and them").isEmpty)
    }

    @Test("a name never runs across a comma")
    func noCrossingPunctuation() {
        #expect(found("Belarusian, border service").count == 1)
    }

    @Test("offsets are Unicode scalars, so emoji and accents before a name do not shift it")
    func scalarOffsets() throws {
        let text = "Zürich 🇺🇦 — Ukraine’s army"
        let mention = try #require(matcher.matches(in: text).first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == "Ukraine")
    }

    @Test("empty and punctuation-only text have no mentions")
    func empty() {
        #expect(found("").isEmpty)
        #expect(found("… — ’ ' -- ..").isEmpty)
    }
}
