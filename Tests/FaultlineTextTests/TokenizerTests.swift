import FaultlineText
import Testing

/// The forms the tokenizer gives for a text.
private func forms(_ text: String) -> [String] { Tokenizer().tokenize(text).map(\.form) }

@Suite("Tokenizer")
struct TokenizerTests {
    @Test(
        "cases from reporting are cut the EWT way",
        arguments: [
            ("Kiev’s forces", ["Kiev", "’s", "forces"]),
            ("Kiev's forces", ["Kiev", "'s", "forces"]),
            ("Belarus’ army", ["Belarus", "’", "army"]),
            ("the countries' borders", ["the", "countries", "'", "borders"]),
            ("“Drone shot down”", ["“", "Drone", "shot", "down", "”"]),
            ("\"We won't,\" he said", ["\"", "We", "wo", "n't", ",", "\"", "he", "said"]),
            ("‘Low-Hanging Fruit’", ["‘", "Low", "-", "Hanging", "Fruit", "’"]),
            ("forces — and", ["forces", "—", "and"]),
            ("2014–2022", ["2014", "–", "2022"]),
            ("Russia--and", ["Russia", "--", "and"]),
            ("the U.S. said", ["the", "U.S.", "said"]),
            ("Lt. Gen. Smith", ["Lt.", "Gen.", "Smith"]),
            ("e.g. this", ["e.g.", "this"]),
            ("J. Smith", ["J.", "Smith"]),
            ("1,000 troops", ["1,000", "troops"]),
            ("2.7 percent", ["2.7", "percent"]),
            ("$2.7 billion", ["$", "2.7", "billion"]),
            ("9-11 July", ["9", "-", "11", "July"]),
            ("at 7:30 on 11/28/2000", ["at", "7:30", "on", "11/28/2000"]),
            ("on 2024-07-01", ["on", "2024-07-01"]),
            ("call 713-853-3989", ["call", "713-853-3989"]),
            ("50% of", ["50", "%", "of"]),
            ("see https://www.example.com/a?b=1&c=2.", ["see", "https://www.example.com/a?b=1&c=2", "."]),
            ("(www.isw.org)", ["(", "www.isw.org", ")"]),
            ("mail press@isw.org now", ["mail", "press@isw.org", "now"]),
            ("#StandWithUkraine and @ZelenskyyUa", ["#StandWithUkraine", "and", "@ZelenskyyUa"]),
            ("I'm sure they're", ["I", "'m", "sure", "they", "'re"]),
            ("cannot", ["can", "not"]),
            ("post-war e-mail", ["post-war", "e-mail"]),
            ("F-16 and T-72", ["F", "-", "16", "and", "T", "-", "72"]),
            ("O'Brien", ["O'Brien"]),
            ("since ’72", ["since", "’72"]),
            ("What?! No...", ["What", "?", "!", "No", "..."]),
            ("AT&T", ["AT&T"]),
            ("a .5 share", ["a", ".5", "share"]),
        ])
    func cuts(_ text: String, _ expected: [String]) {
        #expect(forms(text) == expected)
    }

    @Test("every token's span is exactly its form, and spans cover all non-space text")
    func offsetsAreExact() {
        let text = "Kiev’s “strike” on 9-11 July — $2.7bn, per U.S. data (https://x.org/a). Done!\n\n* New line"
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer().tokenize(text)
        var covered = 0
        var previousEnd = 0
        for t in tokens {
            var slice = ""
            slice.unicodeScalars.append(contentsOf: scalars[t.start..<t.end])
            #expect(slice == t.form)
            #expect(t.start >= previousEnd)
            previousEnd = t.end
            covered += t.end - t.start
        }
        #expect(covered == scalars.filter { !$0.properties.isWhitespace }.count)
    }

    @Test("spacing and line breaks are recorded")
    func spacing() {
        let tokens = Tokenizer().tokenize("Hi, there\nnext\n\nparagraph")
        #expect(tokens.map(\.spaceAfter) == [false, true, true, true, false])
        #expect(tokens.map(\.breaksBefore) == [0, 0, 0, 1, 2])
    }

    @Test("hostile input: empty, spaces only, a huge word, control and combining characters")
    func hostileInput() {
        #expect(Tokenizer().tokenize("").isEmpty)
        #expect(Tokenizer().tokenize(" \n\t \u{00A0}").isEmpty)
        let huge = String(repeating: "a", count: 200_000)
        #expect(Tokenizer().tokenize(huge).count == 1)
        let dots = String(repeating: ".5", count: 10_000)
        #expect(!Tokenizer().tokenize(dots).isEmpty)
        let odd = "\u{0301}\u{0000}\u{FFFD}a\u{200B}b \u{1F600}x"
        let tokens = Tokenizer().tokenize(odd)
        #expect(!tokens.isEmpty)
        #expect(tokens.allSatisfy { $0.end > $0.start })
    }
}
