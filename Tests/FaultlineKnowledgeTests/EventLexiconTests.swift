import FaultlineKnowledge
import Foundation
import Testing

@Suite("Event lexicon: the shipped file, and broken, truncated, huge and hostile ones")
struct EventLexiconTests {
    @Test("the shipped lexicon loads and codes the triggers the seeds need")
    func shipped() throws {
        let lexicon = try EventLexicon.load()
        #expect(lexicon.entryCount > 300)
        #expect(lexicon.entries(for: "deploy", noun: false).contains { $0.code == "154" })
        #expect(lexicon.entries(for: "shoot", noun: false).contains { $0.conditions == [.particle("down")] && $0.code == "190" })
        #expect(lexicon.entries(for: "attack", noun: true).first?.code == "190")
        // Most specific first: "obtain weapons from X" before "obtain from X".
        #expect(lexicon.entries(for: "obtain", noun: false).first?.code == "072")
        // A killing is an assault unless the military does it.
        #expect(lexicon.entries(for: "kill", noun: false).map(\.code) == ["190", "1823"])
        #expect(lexicon.entries(for: "kill", noun: false).first?.conditions == [.agent("MIL")])
        let agents = try AgentLexicon.load()
        #expect(agents.code("army") == "MIL")
        #expect(agents.code("border service") == "MIL")
    }

    @Test(
        "a malformed line is an error naming the file and line",
        arguments: [
            ("attack\tX\t190", 2), ("attack\tV\tabc", 2), ("attack\tV", 2), ("attack\tV\t190\tobj", 2),
            ("attack\tV\t190\tobj:&NOPE", 2), ("attack\tV\t190\tfoo:bar", 2), ("attack\tV\t190\t\tsource", 2),
            ("&CLASS", 2),
        ])
    func malformed(line: String, number: Int) {
        let text = "# comment\n" + line + "\n"
        #expect {
            _ = try EventLexicon.parse(text, name: "mine.tsv")
        } throws: { error in
            let e = error as? KnowledgeFileError
            return e?.file == "mine.tsv" && e?.line == number
        }
    }

    @Test("empty, truncated and hostile input give an empty lexicon or an error, never a crash")
    func hostile() throws {
        #expect(try EventLexicon.parse("", name: "empty.tsv").entryCount == 0)
        #expect(try EventLexicon.parse("lemma\tpos\tcode\n", name: "header.tsv").entryCount == 0)
        // Truncated: a root code without its last digit, and no final newline, is still an entry.
        #expect(try EventLexicon.parse("attack\tV\t19", name: "t.tsv").entryCount == 1)
        #expect(throws: KnowledgeFileError.self) { _ = try EventLexicon.parse("\u{0}\u{FFFF}\t\t\t", name: "binary.tsv") }
        let roles = try EventLexicon.parse("get\tV\t070\tprep:from\tsource=from|by target=subject\n", name: "r.tsv")
        #expect(roles.entries(for: "get", noun: false).first?.sourceRole == [.preposition("from"), .preposition("by")])
        // Huge: a hundred thousand lines load.
        let huge = (0..<100_000).map { "verb\($0)\tV\t190" }.joined(separator: "\n")
        #expect(try EventLexicon.parse(huge, name: "huge.tsv").entryCount == 100_000)
    }
}
