import ArgumentParser
import FaultlineIngest
import FaultlineModel
import FaultlineText
import Foundation

/// `faultline annotate FILE`: runs the language layer on an article and prints tokens,
/// sentences, tags, lemmas, entities and dependencies.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Run the language layer on a file and print its analysis (CoNLL-U, IOB2 or JSON).",
        discussion: """
            FILE is read like `ingest` reads it (text, saved page, feed, JSON Lines; - for standard input).
            CoNLL-U carries each word's scalar span in MISC (TokenRange=start:end) and its entity tag
            (Entity=B-PER); JSON prints one object per article with words, sentences and entities.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case conllu, iob2, json
    }

    @Argument(help: "The file to annotate (- for standard input).")
    var file: String

    @Option(help: "conllu, iob2 or json.")
    var format = Format.conllu

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        let reader = ArticleReader()
        let result: ArticleReader.Result
        if file == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            result = reader.read(bytes: [UInt8](data), origin: "-")
        } else {
            result = reader.read(path: file)
        }
        for failure in result.failures { FileHandle.standardError.write(Data("faultline: \(failure)\n".utf8)) }
        let pipeline = LanguagePipeline(models: try modelOptions.load())
        for article in result.articles {
            let annotated = pipeline.annotate(article.text)
            switch format {
            case .conllu: print(Self.conllu(annotated, text: article.text, origin: article.origin), terminator: "")
            case .iob2: print(Self.iob2(annotated), terminator: "")
            case .json: print(JSONOutput.line(annotated))
            }
        }
        if result.articles.isEmpty { throw ExitCode(1) }
    }

    static func conllu(_ a: AnnotatedText, text: String, origin: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = "# newdoc id = \(origin)\n"
        for (index, s) in a.sentences.enumerated() {
            var sentenceText = ""
            sentenceText.unicodeScalars.append(contentsOf: scalars[s.start..<s.end])
            out += "# sent_id = \(index + 1)\n# text = \(sentenceText.replacingOccurrences(of: "\n", with: " "))\n"
            let base = s.tokens.lowerBound
            for i in s.tokens {
                let w = a.words[i]
                let head = w.head.map { $0 - base + 1 } ?? 0
                var misc = ["TokenRange=\(w.token.start):\(w.token.end)"]
                if w.entity != "O" { misc.append("Entity=\(w.entity)") }
                if !w.token.spaceAfter { misc.append("SpaceAfter=No") }
                out += "\(i - base + 1)\t\(w.token.form)\t\(w.lemma)\t\(w.upos)\t\(w.xpos)\t_\t\(head)\t\(w.deprel)\t_\t\(misc.joined(separator: "|"))\n"
            }
            out += "\n"
        }
        return out
    }

    static func iob2(_ a: AnnotatedText) -> String {
        var out = ""
        for s in a.sentences {
            for i in s.tokens { out += "\(i - s.tokens.lowerBound + 1)\t\(a.words[i].token.form)\t\(a.words[i].entity)\n" }
            out += "\n"
        }
        return out
    }
}
