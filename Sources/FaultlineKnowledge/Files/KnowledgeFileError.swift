/// A problem in a data file: which file, which line, what is wrong.
///
/// Readers of outside data (dictionaries, GeoNames extracts) collect these and keep going, so
/// one bad line costs one entry, never the file; readers of the shipped files throw the first.
public struct KnowledgeFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name or path as the caller gave it.
    public var file: String
    /// 1-based line number; 0 when the problem is the whole file (missing, unreadable).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
