import Testing

@testable import FaultlineText

@Suite("Document names")
struct DocumentNamesTests {
    static func forms(_ sentences: [String]) -> [[String]] {
        sentences.map { $0.split(separator: " ").map(String.init) }
    }

    @Test("an organisation tagged once is tagged where the document repeats it bare")
    func spreadsOrganisations() {
        let forms = Self.forms(["the Housing Authority of New Orleans ( HANO ) said", "residents sued HANO and HANO lost", "HANO Housing"])
        let spans: [[EntitySpan]] = [[EntitySpan(words: 1..<6, type: "ORG"), EntitySpan(words: 7..<8, type: "ORG")], [], [EntitySpan(words: 1..<2, type: "LOC")]]
        let out = DocumentNames.spreadOrganisations(forms: forms, spans: spans)
        #expect(out[0] == spans[0])
        #expect(out[1] == [EntitySpan(words: 2..<3, type: "ORG"), EntitySpan(words: 4..<5, type: "ORG")])
        #expect(out[2] == [EntitySpan(words: 0..<1, type: "ORG"), EntitySpan(words: 1..<2, type: "LOC")])
    }

    @Test("people, places, lowercase words and names mostly of another type do not spread")
    func keepsOtherNames() {
        let forms = Self.forms(["Alan met Apple in Paris", "Apple and Apple", "Alan went to Paris", "apple pie for Alan"])
        let spans: [[EntitySpan]] = [
            [EntitySpan(words: 0..<1, type: "PER"), EntitySpan(words: 2..<3, type: "ORG"), EntitySpan(words: 4..<5, type: "LOC")],
            [EntitySpan(words: 0..<1, type: "PER"), EntitySpan(words: 2..<3, type: "PER")], [], [],
        ]
        let out = DocumentNames.spreadOrganisations(forms: forms, spans: spans)
        #expect(out == spans)
    }

    @Test("a longer organisation's name wins over a shorter one that begins it, and spans never overlap")
    func longestFirst() {
        let forms = Self.forms(["Enron Broadband Services and Enron", "Enron Broadband Services sold Enron Broadband"])
        let spans: [[EntitySpan]] = [[EntitySpan(words: 0..<3, type: "ORG"), EntitySpan(words: 4..<5, type: "ORG")], []]
        let out = DocumentNames.spreadOrganisations(forms: forms, spans: spans)
        #expect(out[1] == [EntitySpan(words: 0..<3, type: "ORG"), EntitySpan(words: 4..<5, type: "ORG")])
    }

    @Test("empty documents and sentences pass through")
    func empty() {
        #expect(DocumentNames.spreadOrganisations(forms: [], spans: []).isEmpty)
        #expect(DocumentNames.spreadOrganisations(forms: [[]], spans: [[]]) == [[]])
    }
}
