import ArgumentParser

/// `faultline`: turns geopolitical reporting into structured, source-attributed data.
@main
struct Faultline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faultline",
        abstract: "Turn geopolitical reporting into structured, source-attributed event data.",
        discussion: """
            Articles go in as text files, saved web pages, RSS/Atom feeds or JSON Lines; the store
            is one SQLite file (faultline.db here, or --db PATH, or FAULTLINE_DB).

            Start with `faultline demo`, then `faultline ingest FOLDER`, `faultline docs` and
            `faultline events`.
            """,
        version: "0.1.0",
        subcommands: [
            IngestCommand.self, ExtractCommand.self, CodeCommand.self, ReextractCommand.self, DocsCommand.self, ShowCommand.self,
            SearchCommand.self, EventsCommand.self, ClaimsCommand.self, TimelineCommand.self, DemoCommand.self,
            BenchCommand.self, EvalCommand.self, TrainCommand.self, AnnotateCommand.self, KBCommand.self,
        ])
}
