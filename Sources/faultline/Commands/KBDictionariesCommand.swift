import ArgumentParser
import FaultlineKnowledge
import Foundation

extension KBCommand {
    /// `faultline kb dictionaries`: reads PETRARCH/TABARI dictionaries and prints what they hold.
    struct Dictionaries: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dictionaries",
            abstract: "Read PETRARCH and TABARI dictionaries and print their entry counts and any unreadable lines.",
            discussion: """
                Each file's kind comes from its name: *actors* (actors), *agents* (agents), *verbs* or CAMEO.2.0
                (verbs), *discards* (discard lists). Without FILES, reads the Phoenix and validation dictionaries
                in DATA/petrarch2 and the TABARI validation dictionaries in DATA/tabari-validation.
                """)

        @Option(help: ArgumentHelp("The shared data folder.", valueName: "dir"))
        var data = "../shared/data"

        @Flag(help: "Print every unreadable line, not just the first five of each file.")
        var verbose = false

        @Argument(help: "Dictionary files.")
        var files: [String] = []

        static let defaults = [
            "petrarch2/petrarch2/data/dictionaries/Phoenix.Countries.actors.txt",
            "petrarch2/petrarch2/data/dictionaries/Phoenix.International.actors.txt",
            "petrarch2/petrarch2/data/dictionaries/Phoenix.MilNonState.actors.txt",
            "petrarch2/petrarch2/data/dictionaries/Phoenix.agents.txt",
            "petrarch2/petrarch2/data/dictionaries/Phoenix.discards.txt",
            "petrarch2/petrarch2/data/dictionaries/CAMEO.2.0.txt",
            "petrarch2/petrarch2/data/dictionaries/PETR.Validate.actors.txt",
            "petrarch2/petrarch2/data/dictionaries/PETR.Validate.agents.txt",
            "petrarch2/petrarch2/data/dictionaries/PETR.Validate.verbs.txt",
            "petrarch2/petrarch2/data/dictionaries/PETR.Validate.discards.txt",
            "tabari-validation/TABARI.Demo.actors",
            "tabari-validation/Validate.agents",
            "tabari-validation/TABARI.Demo.verbs",
            "tabari-validation/CAMEO.091003.master.verbs",
        ]

        func run() throws {
            let paths = files.isEmpty ? Self.defaults.map { URL(fileURLWithPath: data).appendingPathComponent($0).path } : files
            var failed = false
            for path in paths {
                let url = URL(fileURLWithPath: path)
                let name = url.lastPathComponent
                let lower = name.lowercased()
                let issues: [KnowledgeFileError]
                let summary: String
                do {
                    if lower.contains("actors") {
                        let reading = try ActorDictionaryReader.read(url)
                        let a = reading.entries
                        summary = "\(a.actors.count) actors (primary phrases), \(a.synonymCount) synonyms, \(a.datedCodeCount) dated codes, \(a.restrictionLines) restriction lines"
                            + (a.wordClassEntries > 0 ? ", \(a.wordClassEntries) noun/adjective entries" : "")
                        issues = reading.issues
                    } else if lower.contains("agents") {
                        let reading = try AgentDictionaryReader.read(url)
                        let lines = Set(reading.entries.map(\.line)).count
                        summary = "\(lines) agent lines, \(reading.entries.count) agents after substitution sets, \(reading.entries.filter(\.isPrefix).count) prefix codes"
                        issues = reading.issues
                    } else if lower.contains("verbs") || lower.hasPrefix("cameo.2.0") {
                        let reading = try VerbDictionaryReader.read(url)
                        let v = reading.entries
                        let multiword = v.verbs.filter { $0.phrase.words.count > 1 }.count
                        summary = "\(v.synsets.count) synsets (\(v.synsets.reduce(0) { $0 + $1.members.count }) members), \(v.blockCount) verb blocks, \(v.verbs.count) verbs (\(multiword) multi-word), \(v.patterns.count) patterns, \(v.transformations.count) transformations"
                        issues = reading.issues
                    } else if lower.contains("discards") {
                        let reading = try DiscardListReader.read(url)
                        summary = "\(reading.entries.count) discards (\(reading.entries.filter(\.wholeStory).count) whole-story)"
                        issues = reading.issues
                    } else {
                        print("\(name): skipped (kind unknown from the name)")
                        continue
                    }
                } catch {
                    print("\(name): \(error)")
                    failed = true
                    continue
                }
                print("\(name): \(summary)\(issues.isEmpty ? "" : "; \(issues.count) unreadable lines")")
                for issue in issues.prefix(verbose ? issues.count : 5) { print("  \(issue)") }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
