import FaultlineText
import Foundation
import Testing

@Suite("Language pipeline")
struct LanguagePipelineTests {
    @Test("a seed-like sentence gets tags, a single-rooted tree and its entities")
    func annotatesASentence() throws {
        let pipeline = try LanguagePipeline.shipped()
        let text = "Belarusian President Alexander Lukashenko said on Monday that the border service shot down a drone from Ukraine."
        let a = pipeline.annotate(text)
        #expect(a.sentences.count == 1)
        #expect(a.words.filter { $0.head == nil }.count == 1)
        let said = try #require(a.words.first { $0.token.form == "said" })
        #expect(said.upos == "VERB")
        #expect(said.lemma == "say")
        #expect(a.words.first { $0.token.form == "drone" }?.upos == "NOUN")
        #expect(a.entities.contains { $0.text == "Alexander Lukashenko" && $0.type == "PER" })
        #expect(a.entities.contains { $0.text == "Ukraine" && $0.type == "LOC" })
        // Every head lies inside the word's own sentence.
        for s in a.sentences {
            for i in s.tokens {
                if let h = a.words[i].head { #expect(s.tokens.contains(h)) }
            }
        }
    }

    @Test("a rare '-ed' verb EWT saw only as a participle reads as a past tense where the clause needs one")
    func pastTenseOfRareParticiples() throws {
        let pipeline = try LanguagePipeline.shipped()
        // "attacked" is in EWT train 4 times, all passive; "arrested" 6 times, all passive.
        for (text, verb) in [
            ("The ministry said Russia attacked Kharkiv.", "attacked"), ("Police arrested ten protesters.", "arrested"),
        ] {
            let a = pipeline.annotate(text)
            let word = try #require(a.words.first { $0.token.form == verb })
            #expect(word.xpos == "VBD", "\(text): \(word.xpos)")
        }
        // The passive keeps its participle.
        let passive = pipeline.annotate("The convoy was attacked by rebels.")
        #expect(passive.words.first { $0.token.form == "attacked" }?.xpos == "VBN")
    }

    @Test("entity spans slice the text exactly")
    func entitySpans() throws {
        let text = "NATO and the EU met in Vilnius.\nZelensky’s office said Kyiv agreed."
        let a = try LanguagePipeline.shipped().annotate(text)
        let scalars = Array(text.unicodeScalars)
        for e in a.entities {
            var slice = ""
            slice.unicodeScalars.append(contentsOf: scalars[e.start..<e.end])
            #expect(slice == e.text)
        }
        #expect(a.entities.contains { $0.text == "Vilnius" })
    }

    @Test("an organisation tagged once is tagged where the text repeats its name bare, with its IOB2 tags")
    func organisationRepeats() throws {
        let text = "Analysts see a crisis between the two Eurasian Union and CSTO allies.\nMoscow wants leverage vis-a-vis the Eurasian Union and the CSTO."
        let a = try LanguagePipeline.shipped().annotate(text)
        let csto = a.entities.filter { $0.text == "CSTO" }
        #expect(csto.map(\.type) == ["ORG", "ORG"])
        #expect(csto.map(\.sentence) == [0, 1])
        for e in csto { #expect(a.words[e.words.lowerBound].entity == "B-ORG") }
    }

    @Test("empty and space-only texts give nothing, without failing")
    func emptyText() throws {
        let pipeline = try LanguagePipeline.shipped()
        #expect(pipeline.annotate("").words.isEmpty)
        #expect(pipeline.annotate(" \n\n ").sentences.isEmpty)
    }

    @Test("the shipped models are under 20 MiB in all")
    func modelSize() throws {
        let folder = try #require(LanguageModels.shippedFolder)
        var bytes = 0
        for file in LanguageModels.File.allCases {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file.rawValue).path)
            bytes += (attributes[.size] as? Int) ?? 0
        }
        #expect(bytes < 20 * 1_048_576)
    }
}

@Suite("Model files")
struct ModelFileTests {
    @Test("a truncated model file is refused with a clear error")
    func truncated() throws {
        let folder = try #require(LanguageModels.shippedFolder)
        let data = try Data(contentsOf: folder.appendingPathComponent(LanguageModels.File.tagger.rawValue))
        #expect(throws: ModelFileError.self) { try PartOfSpeechTagger(data: data.prefix(data.count / 2)) }
        #expect(throws: ModelFileError.self) { try PartOfSpeechTagger(data: data.prefix(3)) }
    }

    @Test("a model file of another kind, or garbage, is refused")
    func wrongKind() throws {
        let folder = try #require(LanguageModels.shippedFolder)
        let splitter = try Data(contentsOf: folder.appendingPathComponent(LanguageModels.File.splitter.rawValue))
        #expect(throws: ModelFileError.self) { try DependencyParser(data: splitter) }
        var rng = SystemRandomNumberGenerator()
        let garbage = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) })
        #expect(throws: ModelFileError.self) { try EntityRecognizer(data: garbage) }
        // A header with absurd sizes must not allocate them.
        var w = BinaryWriter()
        w.header(kind: "lemmatizer")
        w.u32(UInt32.max)
        #expect(throws: ModelFileError.self) { try Lemmatizer(data: w.data) }
    }
}

@Suite("Treebank readers")
struct TreebankReaderTests {
    static let sample = """
        # newdoc id = d1
        # sent_id = s1
        # text = I don't know.
        1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
        2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
        2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
        3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
        4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
        5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

        """

    @Test("CoNLL-U: words, heads, multiword tokens and spacing")
    func readsCoNLLU() throws {
        let s = try #require(try CoNLLU.parse(Self.sample).first)
        #expect(s.words.map(\.form) == ["I", "do", "n't", "know", "."])
        #expect(s.words.map(\.head) == [4, 4, 4, 0, 4])
        #expect(s.words.map(\.spaceAfter) == [true, false, true, false, true])
        #expect(s.newDocument && s.text == "I don't know.")
    }

    @Test(
        "CoNLL-U: broken lines name the line",
        arguments: [
            "1\tI\tI\tPRON\n", "1\tI\tI\tPRON\tPRP\t_\tx\tnsubj\t_\t_\n", "2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n",
            "1\tI\tI\tPRON\tPRP\t_\t9\tnsubj\t_\t_\n\n",
        ])
    func brokenCoNLLU(_ text: String) {
        #expect(throws: TreebankFormatError.self) { try CoNLLU.parse(text, file: "bad.conllu") }
    }

    @Test("CoNLL-U: a file cut mid-line is refused at that line; a huge one reads")
    func truncatedAndHuge() throws {
        let lastLine = try #require(Self.sample.range(of: "5\t.\t.\tPUNCT"))
        let cut = String(Self.sample[..<lastLine.upperBound])
        #expect(throws: TreebankFormatError.self) { try CoNLLU.parse(cut) }
        let many = String(repeating: Self.sample + "\n", count: 2_000)
        #expect(try CoNLLU.parse(many).count == 2_000)
    }

    @Test("IOB2: tags are read and checked")
    func readsIOB2() throws {
        let s = try IOB2.parse("# sent_id = x\n1\tBelarus\tB-LOC\t-\tx\n2\tsaid\tO\t-\t-\n\n")
        #expect(s.first?.tags == ["B-LOC", "O"])
        let docs = try IOB2.parse("# newdoc id = a\n# sent_id = a-1\n1\tX\tO\t-\t-\n\n# sent_id = a-2\n1\tY\tO\t-\t-\n\n# newdoc id = b\n1\tZ\tO\t-\t-\n")
        #expect(docs.map(\.document) == ["a", "a", "b"])
        #expect(throws: TreebankFormatError.self) { try IOB2.parse("1\tBelarus\tLOC-B\t-\n") }
        #expect(throws: TreebankFormatError.self) { try IOB2.parse("1\tBelarus\n") }
    }

    @Test("BILOU and spans round-trip")
    func bilou() {
        let iob = ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "I-ORG"]
        let b = EntityRecognizerTrainer.bilou(iob)
        #expect(b == ["B-PER", "L-PER", "O", "U-LOC", "B-ORG", "I-ORG", "L-ORG"])
        #expect(EntityRecognizer.iob2(EntityRecognizer.spans(b), count: iob.count) == iob)
        #expect(EntityRecognizer.spans(iob) == EntityRecognizer.spans(b))
    }
}
