import ArgumentParser
import FaultlineExtract
import FaultlineIngest
import FaultlineModel
import FaultlineText
import Foundation

/// `faultline code FILE`: extraction on one file without a store — events and claims printed.
struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Extract the events and claims of a file and print them, without storing anything.",
        discussion: """
            FILE is read like `ingest` reads it (text, saved page, feed, JSON Lines; - for standard input).
            The table shows each event's sentence, trigger, CAMEO code, source and target codes, status
            and attribution, then the claims; --json prints one extraction per article.
            """)

    @Argument(help: "The file to code (- for standard input).")
    var file: String

    @Flag(help: "Print the whole extraction of each article as one JSON object.")
    var json = false

    @Option(help: "Also print the dependency tree of these sentences (comma-separated indices), as extraction read it.")
    var tree: String?

    func run() throws {
        let reader = ArticleReader()
        let result: ArticleReader.Result
        if file == "-" {
            result = reader.read(bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()), origin: "-")
        } else {
            result = reader.read(path: file)
        }
        for failure in result.failures { FileHandle.standardError.write(Data("faultline: \(failure)\n".utf8)) }
        let extractor = DocumentExtractor(models: try .shipped())
        for article in result.articles {
            let found = extractor.extract(text: article.text, published: article.metadata.published)
            if json {
                print(JSONOutput.line(found))
                continue
            }
            if let tree {
                let annotated = extractor.annotate(article.text)
                for index in tree.split(separator: ",").compactMap({ Int($0) }) where annotated.sentences.indices.contains(index) {
                    let range = annotated.sentences[index].tokens
                    for i in range {
                        let w = annotated.words[i]
                        print("\(i - range.lowerBound + 1)\t\(w.token.form)\t\(w.lemma)\t\(w.upos)\t\(w.xpos)\t\(w.head.map { $0 - range.lowerBound + 1 } ?? 0)\t\(w.deprel)")
                    }
                    print()
                }
            }
            print("# \(article.origin): \(found.events.count) events, \(found.claims.count) claims")
            for e in found.events {
                let who = "\(e.source?.code ?? "-") → \(e.target?.code ?? "-")"
                let by = e.attributedTo.map { " [\($0.actor?.name ?? $0.text)]" } ?? ""
                print("s\(e.sentence)\t\(e.code)\t\(who)\t\(e.trigger)\t\(e.status.rawValue)\(e.cue.map { " (\($0))" } ?? "")\(by)\t\(e.date?.value ?? "-")\t\(e.place?.name ?? "")")
            }
            for c in found.claims {
                let who = c.speaker.map { "\($0.name)\($0.actor.map { " <\($0)>" } ?? "")" } ?? "?"
                print("claim s\(c.sentence)\t\(who)\(c.affiliation.map { " (\($0))" } ?? "")\t\(c.cue)\t\(c.direct ? "direct" : "indirect")\(c.continuation ? "+" : "")\t\(c.content.prefix(70))")
            }
        }
        if result.articles.isEmpty { throw ExitCode(1) }
    }
}
