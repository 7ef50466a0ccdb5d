import FaultlineExtract
import FaultlineModel
import FaultlineText
import Testing

struct QuantityCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var text: String
    var value: Double
    var upper: Double? = nil
    var unit: String? = nil
    var mod: String? = nil
    var object: String? = nil
    var testDescription: String { text }
}

@Suite("Quantities: numbers with their units and the nouns they count")
struct QuantityFormsTests {
    static let cases: [QuantityCase] = [
        .init(sentence: "A train carried 492 tons of ammunition.", text: "492 tons", value: 492, unit: "t", object: "ammunition"),
        .init(sentence: "They took 574 square kilometers of territory.", text: "574 square kilometers", value: 574, unit: "km²", object: "territory"),
        .init(sentence: "It cost $2.7 billion in tainted oil.", text: "$2.7 billion", value: 2.7e9, unit: "USD", object: "oil"),
        .init(sentence: "A further 13 trains containing ammunition left.", text: "13", value: 13, object: "trains"),
        .init(sentence: "Russia deployed thousands of soldiers.", text: "thousands", value: 1000, mod: "VAGUE", object: "soldiers"),
        .init(sentence: "At least two Belarusian trains were seen.", text: "At least two", value: 2, mod: "AT_LEAST", object: "trains"),
        .init(sentence: "Air defences downed about 30 drones.", text: "about 30", value: 30, mod: "APPROX", object: "drones"),
        .init(sentence: "Between 10 and 15 drones crossed.", text: "10 and 15", value: 10, upper: 15, object: "drones"),
        .init(sentence: "Some 10-15 drones crossed.", text: "Some 10-15", value: 10, upper: 15, mod: "APPROX", object: "drones"),
        .init(sentence: "Turnout fell 4.5% in the region.", text: "4.5%", value: 4.5, unit: "%"),
        .init(sentence: "It cost hundreds of millions of dollars a year.", text: "hundreds of millions of dollars", value: 1e8, unit: "USD", mod: "VAGUE"),
        .init(sentence: "Twenty-four tanks and 1,200 troops moved.", text: "1,200", value: 1200, object: "troops"),
        .init(sentence: "The fund holds €3 million.", text: "€3 million", value: 3e6, unit: "EUR"),
        .init(sentence: "Exports reached 40 million rubles.", text: "40 million rubles", value: 4e7, unit: "RUB"),
    ]

    @Test("forms of quantities", arguments: cases)
    func forms(_ c: QuantityCase) throws {
        let found = QuantityExtractor().extract(text: c.sentence)
        let q = try #require(found.first { $0.text == c.text }, "no \"\(c.text)\" in \(found.map(\.text))")
        #expect(q.value == c.value)
        #expect(q.upper == c.upper)
        #expect(q.unit == c.unit)
        #expect(q.mod == c.mod)
        if let object = c.object { #expect(q.object == object) }
    }

    @Test("model names, ordinals, ages and a bare 'one' are not quantities")
    func notQuantities() {
        let text = "Belarusian T-72 tanks from the 43rd Arsenal, an 80-year-old envoy, and one of the F-16s."
        #expect(QuantityExtractor().extract(text: text).isEmpty)
    }

    @Test("numbers inside time expressions are left to them")
    func timeNumbersExcluded() {
        let text = "Within two years, on 24 May 2023, 13 trains left."
        let anchor = TimeAnchor(date: .init(year: 2024, month: 7, day: 1))
        let timexes = TimexExtractor().extract(text: text, anchor: anchor)
        let quantities = QuantityExtractor().extract(tokens: Tokenizer().tokenize(text), text: text, excluding: timexes)
        #expect(quantities.map(\.text) == ["13"])
    }
}
