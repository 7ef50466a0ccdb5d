import Foundation
import Testing

@testable import FaultlineText

@Suite("Entity recogniser")
struct EntityRecognizerTests {
    static let classes = ["O", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "U-PER"]

    static func context(_ text: String) -> EntityContext {
        let words = text.split(separator: " ").map { WordKeys(String($0)) }
        return EntityContext(words: words, tags: words.map { _ in 0 }, lexicon: PrehashedMap([:]), names: NameList(entries: [:]))
    }

    @Test(
        "capitalised runs join names over of, & and the, and stop at other lowercase words",
        arguments: [
            ("the Bank of New York said", [1, 2, 3, 4]),
            ("Ministry of Defence said", [0, 1, 2]),
            ("Bread and Butter and jam", [0, 1, 2]),
            ("Smith & Wesson of", [0, 1, 2]),
            ("they met at Google today", [3]),
            ("in the end", [Int]()),
        ])
    func capitalisedRuns(text: String, run: [Int]) {
        let c = Self.context(text)
        let inRun = c.words.indices.filter { c.runEnd[$0] > c.runStart[$0] }
        #expect(inRun.filter { run.isEmpty || c.runStart[$0] == run[0] } == run)
        for i in c.words.indices { #expect(c.runStart[i] <= i && i <= c.runEnd[i]) }
    }

    @Test("a sentence without capitals past its first word is caseless")
    func caseless() {
        #expect(Self.context("where can i get morcillas in tampa bay").caseless)
        #expect(!Self.context("where can I get morcillas in Tampa Bay").caseless)
    }

    @Test("BILOU: I and L only continue an open entity of their type; nothing is left open at the end")
    func scheme() {
        let s = BILOUScheme(classes: Self.classes)
        func may(_ p: String?, _ c: String) -> Bool {
            let pi = p.map { Self.classes.firstIndex(of: $0)! } ?? -1
            return s.allowed[(pi + 1) * s.classCount + Self.classes.firstIndex(of: c)!]
        }
        #expect(may(nil, "B-ORG") && may(nil, "O") && !may(nil, "I-ORG") && !may(nil, "L-ORG"))
        #expect(may("B-ORG", "I-ORG") && may("B-ORG", "L-ORG") && !may("B-ORG", "O") && !may("B-ORG", "U-PER"))
        #expect(may("L-ORG", "U-PER") && !may("L-ORG", "I-ORG") && may("U-ORG", "B-ORG"))
        #expect(s.canEnd == [true, false, false, true, true, true])
    }

    @Test("Viterbi keeps to valid paths even when single words score best invalidly")
    func viterbiIsValid() {
        let s = BILOUScheme(classes: Self.classes)
        let c = Self.context("Bank of America said")
        // Observation scores favour I-ORG everywhere: an invalid choice at the start and the end.
        let path = EntityRecognizer.viterbi(c, s) { _, scores in
            for k in scores.indices { scores[k] = Self.classes[k] == "I-ORG" ? 2 : Self.classes[k] == "O" ? 1 : 0 }
        }
        #expect(path.count == 4)
        var previous = -1
        for label in path {
            #expect(s.allowed[(previous + 1) * s.classCount + label])
            previous = label
        }
        #expect(s.canEnd[path[3]])
    }

    @Test("a recogniser survives its own file format")
    func roundTrip() throws {
        let shipped = try LanguagePipeline.shipped().models.recognizer
        let again = try EntityRecognizer(data: shipped.serialized())
        let words = "Lukashenko met NATO officials in Vilnius .".split(separator: " ").map { WordKeys(String($0)) }
        let tags = words.map { _ in UInt64(0) }
        #expect(again.recognize(words: words, tags: tags) == shipped.recognize(words: words, tags: tags))
    }
}
