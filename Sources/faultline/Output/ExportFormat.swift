import ArgumentParser

/// `--format` of the commands that list events and claims.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    /// A terminal table.
    case table
    /// RFC 4180, with a header line.
    case csv
    /// One JSON object a line.
    case jsonl
    /// GDELT 2.0 event rows, tab-separated (events only).
    case gdelt
}
