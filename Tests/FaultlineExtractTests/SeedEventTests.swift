import FaultlineExtract
import FaultlineIngest
import FaultlineKnowledge
import FaultlineModel
import FaultlineTestSupport
import Foundation
import Testing

/// The seeds read as `faultline ingest` reads them (metadata and all), then extracted.
enum SeedExtraction {
    static let extractor: DocumentExtractor? = try? DocumentExtractor(models: .shipped())

    static func extract(_ prefix: String) throws -> (text: String, found: DocumentExtraction) {
        let folder = try TestPaths.shared("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) }, "no seed \(prefix)… in \(folder.path)")
        let read = ArticleReader().read(path: folder.appendingPathComponent(name).path)
        let article = try #require(read.articles.first, "the seed \(name) could not be read")
        let extractor = try #require(extractor, "the shipped models did not load")
        return (article.text, extractor.extract(text: article.text, published: article.metadata.published))
    }

    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// Words that hedge, mark a question or deny confirmation: an event in a sentence holding
    /// one must not be called `asserted`.
    static let hedges = [
        "might", "could", "would", "may", "likely", "possibly", "reportedly", "allegedly", "apparently", "probably", "perhaps",
        "alleged", "unconfirmed", "not confirmed", "appears", "seems", "suggests",
    ]
}

@Suite("Events and claims on the seed articles")
struct SeedEventTests {
    @Test("004: Belarusian materiel going to Russia, reported, attributed to ISW")
    func materielToRussia() throws {
        let (_, found) = try SeedExtraction.extract("004_")
        let event = found.events.first { e in
            e.root == "07" && (e.source?.code ?? "").hasPrefix("BLR") && (e.target?.code ?? "").hasPrefix("RUS")
        }
        let e = try #require(event, "no CAMEO 07 event from BLR to RUS in \(found.events.map { "\($0.code) \($0.source?.code ?? "-")→\($0.target?.code ?? "-")" })")
        #expect(e.status == .reported)
        #expect(e.attributedTo?.actor?.actor == "org:isw")
    }

    @Test("003: the North Korean deployment is unconfirmed; James Nixey (Chatham House) is quoted")
    func deploymentAndNixey() throws {
        let (text, found) = try SeedExtraction.extract("003_")
        let deployment = found.events.first { e in
            e.trigger == "deployed" && found.sentences.indices.contains(e.sentence)
                && SeedExtraction.slice(text, found.sentences[e.sentence].start, found.sentences[e.sentence].end).contains("North Korea")
        }
        #expect(try #require(deployment, "no deployment event in the North Korea sentence").status == .unconfirmed)
        let nixey = found.claims.filter { $0.speaker?.actor == "person:james-nixey" }
        #expect(nixey.filter(\.direct).count >= 3, "Nixey's quotes: \(nixey.map(\.content))")
        #expect(nixey.allSatisfy { $0.affiliationActor == "org:chatham-house" })
        #expect(nixey.contains { $0.content.hasPrefix("Both of them are running out of time") })
    }

    @Test("000: the drone shot down by the border service, reported, Belarus on Ukraine, in the days before publication")
    func droneShotDown() throws {
        let (_, found) = try SeedExtraction.extract("000_")
        let e = try #require(found.events.first { $0.trigger == "shot down" }, "no 'shot down' event")
        #expect(e.root == "19")
        #expect(e.source?.code?.hasPrefix("BLR") == true)
        #expect(e.target?.code?.hasPrefix("UKR") == true)
        #expect(e.status == .reported)
        let date = try #require(e.date)
        #expect(date.last < "2024-07-01" && date.first >= "2024-06-20", "dated \(date.value)")
    }

    @Test("every seed: no asserted event in a sentence that hedges", arguments: ["000_", "001_", "002_", "003_", "004_"])
    func noHiddenHedges(seed: String) throws {
        let (text, found) = try SeedExtraction.extract(seed)
        for e in found.events where e.status == .asserted {
            let sentence = SeedExtraction.slice(text, found.sentences[e.sentence].start, found.sentences[e.sentence].end)
            let words = Set(sentence.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "’" && $0 != "'" }).map(String.init))
            let lower = sentence.lowercased()
            for hedge in SeedExtraction.hedges {
                let present = hedge.contains(" ") ? lower.contains(hedge) : words.contains(hedge)
                // "May" the month is not a hedge.
                let isMonth = hedge == "may" && !lower.contains(" may ") && sentence.contains("May")
                #expect(!present || isMonth || sentence.trimmingCharacters(in: .whitespaces).hasSuffix("?"), "asserted '\(e.trigger)' in: \(sentence)")
            }
        }
    }

    @Test("every seed: no event is placed at a name the knowledge base knows as a person or organisation", arguments: ["000_", "001_", "002_", "003_", "004_"])
    func placesAreNotPeople(seed: String) throws {
        let (_, found) = try SeedExtraction.extract(seed)
        // 001 names "Bolton" (a town in England, here the US adviser) and 002 "Putin".
        let others = found.mentions.filter { $0.kind != .country }
        for e in found.events {
            guard let place = e.place else { continue }
            let clash = others.first { $0.start < place.end && place.start < $0.end }
            #expect(clash == nil, "'\(e.trigger)' placed at '\(place.text)', which is \(clash.map { "\($0.actor)" } ?? "")")
        }
    }

    @Test("003: a capital standing for its country is not where an event happened")
    func capitalsAsCountriesAreNotPlaces() throws {
        let (_, found) = try SeedExtraction.extract("003_")
        // "In addition to allowing Kiev to launch long-range missile strikes against Russia's
        // rear, Western officials have met in recent days and discussed …": they did not meet in Kyiv.
        let met = found.events.filter { ["met", "discussed"].contains($0.trigger) }
        #expect(!met.isEmpty)
        for e in met { #expect(e.place == nil, "'\(e.trigger)' placed at '\(e.place?.text ?? "")'") }
    }

    @Test("every seed: an event attributed by a pronoun names what it stands for", arguments: ["000_", "001_", "002_", "003_", "004_"])
    func pronounAttributions(seed: String) throws {
        let (text, found) = try SeedExtraction.extract(seed)
        // 004: "The news tells us a couple of things. First, it suggests that Belarus could be
        // stepping in to help Russia …".
        for e in found.events {
            guard let a = e.attributedTo else { continue }
            #expect(SeedExtraction.slice(text, a.start, a.end) == a.text)
            let bare = ["it", "this", "he", "she"].contains(a.text.lowercased())
            #expect(!bare || a.actor != nil, "'\(e.trigger)' attributed to a bare '\(a.text)'")
        }
    }

    @Test("every event's and claim's span slices the text it names")
    func provenance() throws {
        for seed in ["000_", "003_", "004_"] {
            let (text, found) = try SeedExtraction.extract(seed)
            for e in found.events {
                #expect(SeedExtraction.slice(text, e.start, e.end) == e.trigger)
                let s = found.sentences[e.sentence]
                #expect(s.start <= e.start && e.end <= s.end)
                if let a = e.source { #expect(SeedExtraction.slice(text, a.start, a.end).count == a.end - a.start) }
            }
            for c in found.claims {
                #expect(SeedExtraction.slice(text, c.start, c.end) == c.content)
                let s = found.sentences[c.sentence]
                #expect(s.start <= c.start)
            }
        }
    }
}
