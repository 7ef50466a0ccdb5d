import FaultlineTestSupport
import FaultlineText
import Foundation
import Testing

/// The sentences of a text as strings.
private func sentences(_ text: String) throws -> [String] {
    let models = try LanguageModels.shipped()
    let scalars = Array(text.unicodeScalars)
    return models.splitter.split(Tokenizer().tokenize(scalars: scalars)).map { s in
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[s.start..<s.end])
        return out
    }
}

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    @Test("each headline-list line of seed 000 is its own sentence")
    func headlineList() throws {
        let folder = try TestPaths.shared("seeds")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("000_") })
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let found = try sentences(text)
        let bullets = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("* ") }
        #expect(bullets.count >= 20)
        for line in bullets {
            #expect(found.contains(line), "\(line) is not a sentence of its own")
        }
    }

    @Test("lines without final punctuation are sentences; a blank line always ends one")
    func lines() throws {
        #expect(try sentences("Belarus deploys MLRS\nUkraine denies drone flights\n\nNew paragraph here.") == [
            "Belarus deploys MLRS", "Ukraine denies drone flights", "New paragraph here.",
        ])
    }

    @Test("a hard-wrapped line that carries on in lower case is not cut")
    func hardWrap() throws {
        #expect(try sentences("The border service said the drone was\nshot down near Mozyr.") == [
            "The border service said the drone was\nshot down near Mozyr."
        ])
    }

    @Test("quotations stay whole with their attribution")
    func quotations() throws {
        #expect(try sentences("“We are ready to defend Belarus,” the minister said. Others disagreed.") == [
            "“We are ready to defend Belarus,” the minister said.", "Others disagreed.",
        ])
        #expect(try sentences("He said: “This is a provocation.” Kyiv denied it.") == [
            "He said: “This is a provocation.”", "Kyiv denied it.",
        ])
        #expect(try sentences("Nixey said: “We will fight. We will win.” Then he left.") == [
            "Nixey said: “We will fight. We will win.”", "Then he left.",
        ])
    }

    @Test("abbreviations and initials do not end sentences")
    func abbreviations() throws {
        #expect(try sentences("Lt. Gen. Andrei Smith met U.S. officials on Monday. They talked.") == [
            "Lt. Gen. Andrei Smith met U.S. officials on Monday.", "They talked.",
        ])
    }

    @Test("question and exclamation marks end sentences")
    func marks() throws {
        #expect(try sentences("Is Russia moving ammunition? ISW thinks so! The data is unclear.") == [
            "Is Russia moving ammunition?", "ISW thinks so!", "The data is unclear.",
        ])
    }
}
