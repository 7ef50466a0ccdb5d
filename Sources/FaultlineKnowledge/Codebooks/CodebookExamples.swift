import Foundation

/// The example sentences of the CAMEO codebook (`cameo/cameo-codes.utf8-fixed.csv` in the shared
/// data: one row per code, with `code` and `example` columns among others), read as a further
/// development set for event coding: each example illustrates its own code.
public enum CodebookExamples {
    public struct Example: Sendable, Hashable {
        public var code: String
        public var text: String
        /// The file's line on which the example's row starts.
        public var line: Int
    }

    public enum ReadError: Error, CustomStringConvertible {
        case missingColumn(String)

        public var description: String {
            switch self {
            case .missingColumn(let name): return "the header has no \"\(name)\" column"
            }
        }
    }

    /// The rows with an example ("NA", empty and "NEED EXAMPLE" rows are skipped). Rows with
    /// too few cells or a code that is not 2–4 digits are skipped and counted in `skipped`.
    public static func read(csv text: String, skipped: inout Int) throws -> [Example] {
        let rows = CSV.rows(text)
        guard let header = rows.first?.cells else { return [] }
        guard let codeColumn = header.firstIndex(of: "code") else { throw ReadError.missingColumn("code") }
        guard let exampleColumn = header.firstIndex(of: "example") else { throw ReadError.missingColumn("example") }
        var out: [Example] = []
        for row in rows.dropFirst() {
            guard row.cells.count > max(codeColumn, exampleColumn) else {
                skipped += 1
                continue
            }
            let code = row.cells[codeColumn]
            guard (2...4).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                skipped += 1
                continue
            }
            let example = row.cells[exampleColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !example.isEmpty, example != "NA", example.uppercased() != "NEED EXAMPLE." else { continue }
            out.append(Example(code: code, text: example, line: row.line))
        }
        return out
    }
}

/// RFC 4180 comma-separated values: quoted cells may hold commas, line breaks and doubled
/// quotes. An unterminated quote runs to the end of the text (a truncated file loses nothing
/// before it).
enum CSV {
    struct Row: Equatable {
        var cells: [String]
        var line: Int
    }

    static func rows(_ text: String) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false
        var line = 1
        var rowLine = 1
        var any = false  // the row has begun
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRow() {
            cells.append(String(cell))
            cell = String.UnicodeScalarView()
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append(Row(cells: cells, line: rowLine)) }
            cells = []
            any = false
        }
        while let c = pending ?? scalars.next() {
            pending = nil
            if !any {
                any = true
                rowLine = line
            }
            if quoted {
                if c == "\"" {
                    if let next = scalars.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    cell.append(c)
                }
                continue
            }
            switch c {
            case "\"" where cell.isEmpty: quoted = true
            case ",":
                cells.append(String(cell))
                cell = String.UnicodeScalarView()
            case "\r": break
            case "\n":
                line += 1
                endRow()
            default: cell.append(c)
            }
        }
        if any { endRow() }
        return rows
    }
}
