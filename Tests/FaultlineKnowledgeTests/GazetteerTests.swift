import FaultlineKnowledge
import FaultlineTestSupport
import Foundation
import Testing

let sharedGazetteer = Result { try Gazetteer.load() }

@Suite("The gazetteer finds places by any spelling and resolves them in context")
struct GazetteerTests {
    let gazetteer: Gazetteer

    init() throws { gazetteer = try sharedGazetteer.get() }

    @Test(
        "names and spellings of the seeds' places",
        arguments: [
            ("Gomel", "BY"), ("Homel", "BY"), ("Orsha", "BY"), ("Kharkov", "UA"), ("Kharkiv", "UA"), ("Kiev", "UA"),
            ("Minsk", "BY"), ("Belgorod", "RU"),
        ])
    func spellings(_ name: String, _ country: String) {
        #expect(gazetteer.candidates(for: name).contains { $0.country == country && $0.kind == .city })
    }

    @Test("regions and features the news names", arguments: ["Donbas", "Crimea", "Kursk region", "Suwałki gap", "Suwalki Gap", "Belarusian-Ukrainian border"])
    func features(_ name: String) {
        #expect(!gazetteer.candidates(for: name).isEmpty)
    }

    @Test("a country's demonym is the country")
    func demonym() {
        #expect(gazetteer.candidates(for: "Belarusians").contains { $0.kind == .country && $0.country == "BY" })
    }

    @Test("Georgia beside Tbilisi is the country, beside Atlanta the state")
    func contextCountry() throws {
        let caucasus = "Tbilisi said Georgia would not yield."
        let a = gazetteer.resolve([Toponym(start: 0, end: 7, name: "Tbilisi"), Toponym(start: 13, end: 20, name: "Georgia")], in: caucasus)
        #expect(a[1]?.kind == .country)
        let south = "Atlanta, the capital of Georgia, and Savannah and Augusta."
        let b = gazetteer.resolve(
            [
                Toponym(start: 0, end: 7, name: "Atlanta"), Toponym(start: 24, end: 31, name: "Georgia"),
                Toponym(start: 37, end: 45, name: "Savannah"), Toponym(start: 50, end: 57, name: "Augusta"),
            ], in: south)
        #expect(b[1]?.kind == .admin1)
        #expect(b[1]?.country == "US")
    }

    @Test("a 'Name, Region' pair picks the town in that region")
    func qualifier() throws {
        let text = "Paris, Texas, and nowhere else."
        let places = gazetteer.resolve([Toponym(start: 0, end: 5, name: "Paris"), Toponym(start: 7, end: 12, name: "Texas")], in: text)
        #expect(places[0]?.country == "US")
    }

    @Test("one sense per document: every mention of a name gets the same place")
    func oneSense() {
        let toponyms = [Toponym(start: 0, end: 5, name: "Minsk"), Toponym(start: 10, end: 15, name: "Minsk")]
        let places = gazetteer.resolve(toponyms, in: nil)
        #expect(places[0] == places[1])
    }

    @Test("an unknown name lands on the document's focus, not nowhere")
    func focus() {
        let toponyms = [Toponym(start: 0, end: 6, name: "Gomel"), Toponym(start: 10, end: 30, name: "Nowhere-on-the-Pripyat")]
        let places = gazetteer.resolve(toponyms, in: nil)
        #expect(places[1]?.country == "BY")
        #expect(gazetteer.resolve([], in: "").isEmpty)
    }

    @Test("an unknown town qualified by its region lands in that region, not on a focus elsewhere")
    func unknownQualifiedTown() {
        let text = "Police in Dallas said the man was found in Holliday, Mo., on Friday."
        let toponyms = [Toponym(start: 10, end: 16, name: "Dallas"), Toponym(start: 43, end: 51, name: "Holliday")]
        let places = gazetteer.resolve(toponyms, in: text)
        #expect(places[0]?.admin1 == "US.TX")
        #expect(places[1]?.kind == .admin1)
        #expect(places[1]?.admin1 == "US.MO")
    }

    @Test("of two regions with one name, the populous one wins without context")
    func populousRegion() {
        let small = Gazetteer(
            places: [
                Place(id: "a", kind: .admin1, name: "Maryland", country: "LR", admin1: "LR.17", latitude: 4.5, longitude: -7.7, population: 20_000),
                Place(id: "b", kind: .admin1, name: "Maryland", country: "US", admin1: "US.MD", latitude: 39, longitude: -76.8, population: 3_000_000),
            ], names: [[], []])
        #expect(small.resolve([Toponym(start: 0, end: 8, name: "Maryland")], in: "Maryland")[0]?.country == "US")
        #expect(gazetteer.resolve([Toponym(start: 0, end: 8, name: "Maryland")], in: "Maryland")[0]?.country == "US")
    }

    @Test("New York alone is the state, as GeoNames-annotated corpora read it")
    func newYorkState() {
        let place = gazetteer.resolve([Toponym(start: 0, end: 8, name: "New York")], in: "New York")[0]
        #expect(place?.kind == .admin1)
        #expect(place?.admin1 == "US.NY")
    }

    @Test("large countries sit within 161 km of both published reference points")
    func countryPoints() throws {
        // GeoNames' and Wikipedia's points for China: 35N 105E and 35N 103E.
        let china = try #require(gazetteer.country("CN"))
        for longitude in [105.0, 103.0] {
            #expect(china.distance(to: Place(id: "p", kind: .city, name: "p", country: "CN", latitude: 35, longitude: longitude)) <= 161)
        }
    }
}

@Suite("The CAMEO codebook")
struct CodebookTests {
    @Test("codes with names, Goldstein values, quad classes and PLOVER types")
    func codes() throws {
        let codebook = try Codebook.load()
        #expect(codebook.events.count > 300)
        let fight = try #require(codebook.cameo("190"))
        #expect(fight.goldstein == -10)
        #expect(fight.quadClass == 4)
        #expect(fight.plover?.event == "ASSAULT")
        #expect(codebook.cameo("010")?.plover == nil)  // dropped in PLOVER
        #expect(codebook.cameo("010")?.quadClass == 1)
        #expect(codebook.cameo("010")?.phoenixQuadClass == 0)
        #expect(codebook.cameo("1033")?.goldstein == codebook.cameo("103")?.goldstein)  // inherits its parent's
        #expect(codebook.cameo("999") == nil)
    }
}
