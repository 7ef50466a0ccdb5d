import Foundation
/// A plain-text table with columns cut to a width, for terminals.
struct TextTable {
    let columns: [String]
    private var rows: [[String]] = []

    init(columns: [String]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// Each column as wide as its widest cell, at most its limit; longer cells end in "…".
    func render(widths limits: [Int]) -> String {
        let cells = [columns] + rows.map { $0.map { $0.replacingOccurrences(of: "\n", with: " ") } }
        let widths = columns.indices.map { column in
            min(limits[column], cells.map { $0[column].count }.max() ?? 0)
        }
        var out = ""
        for row in cells {
            let line = row.indices.map { column -> String in
                let cell = row[column]
                let cut = cell.count > widths[column] ? String(cell.prefix(widths[column] - 1)) + "…" : cell
                return column == row.count - 1 ? cut : cut.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }
            out += line.joined(separator: "  ") + "\n"
        }
        return out
    }
}
