import Foundation

/// A tab-separated file as the knowledge files write it: a header line, `#` comment lines,
/// fields never quoted, list items joined by `|`.
///
/// Reads bytes, not `String` lines, because the gazetteer has tens of thousands of rows and
/// must load in a fraction of the 0.5 s budget.
struct TabularFile {
    struct Row {
        /// 1-based line number in the file.
        var line: Int
        var fields: [Substring]

        /// The field, or "" when the row is short.
        subscript(_ index: Int) -> Substring { index < fields.count ? fields[index] : "" }

        /// A `|`-separated list field, empty items dropped.
        func list(_ index: Int) -> [String] {
            self[index].split(separator: "|", omittingEmptySubsequences: true).compactMap { item in
                // Trimming through Foundation is slow; most items need none.
                let text = item.first == " " || item.last == " " ? item.trimmingCharacters(in: .whitespaces) : String(item)
                return text.isEmpty ? nil : text
            }
        }
    }

    var name: String
    var header: [String]
    var rows: [Row]

    /// Parses `text`; the first non-comment line is the header. Rows whose field count differs
    /// from the header's are an error naming the line.
    init(name: String, text: String, requireColumns: Bool = true) throws {
        self.name = name
        header = []
        rows = []
        var lineNumber = 0
        // Split on bytes: in a String, "\r\n" is one Character and never equals "\n"; and
        // byte slices become substrings without copying, which the gazetteer's load time needs.
        for rawLine in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = rawLine.last == 13 ? rawLine.dropLast() : rawLine
            guard let first = bytes.first, first != UInt8(ascii: "#") else { continue }
            let fields = bytes.split(separator: 9, omittingEmptySubsequences: false).map { Substring($0) }
            if header.isEmpty {
                header = fields.map(String.init)
                continue
            }
            if requireColumns, fields.count != header.count {
                throw KnowledgeFileError(
                    file: name, line: lineNumber,
                    message: "\(fields.count) fields where the header has \(header.count)")
            }
            rows.append(Row(line: lineNumber, fields: fields))
        }
        if header.isEmpty { throw KnowledgeFileError(file: name, line: 0, message: "no header line") }
    }

    /// Reads and parses a file.
    init(url: URL, requireColumns: Bool = true) throws {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
        try self.init(name: url.lastPathComponent, text: text, requireColumns: requireColumns)
    }

    /// The index of a header column, or an error naming the file.
    func column(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw KnowledgeFileError(file: self.name, line: 1, message: "no column '\(name)' in the header")
        }
        return index
    }
}
