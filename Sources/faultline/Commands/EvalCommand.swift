import ArgumentParser

/// `faultline eval …`: writes predictions in the shared scorers' formats, runs the scorers in
/// `../shared/eval` and prints their lines. Each kind of evaluation is its own subcommand file.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Faultline on the gold data with the shared scorers and print their figures.",
        subcommands: [
            EvalUD.self, EvalNER.self, EvalSentences.self, GeoEval.self, TimexEval.self, EvalPlover.self, EvalPetrarch.self,
        ])
}
