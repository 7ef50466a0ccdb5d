import Foundation

/// One exported row as named fields in a fixed order: the same fields become a JSON Lines
/// object and a CSV line, so the two formats cannot drift apart.
///
/// ```swift
/// let record = EventExport.record(event)
/// print(record.jsonLine)
/// ```
public struct ExportRecord: Sendable {
    public enum Value: Sendable, Hashable {
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case null
    }

    public var fields: [(name: String, value: Value)]

    public init(_ fields: [(name: String, value: Value)]) { self.fields = fields }

    public var names: [String] { fields.map(\.name) }

    /// One JSON object, keys in field order, no whitespace: deterministic byte for byte.
    public var jsonLine: String {
        "{" + fields.map { JSONText.quoted($0.name) + ":" + Self.json($0.value) }.joined(separator: ",") + "}"
    }

    /// One CSV line (without its line break), quoted as RFC 4180 says.
    public var csvLine: String { CSV.line(fields.map { Self.plain($0.value) }) }

    static func json(_ value: Value) -> String {
        switch value {
        case .string(let s): return JSONText.quoted(s)
        case .int(let n): return String(n)
        // JSON has no NaN or infinity; none is stored, but a bad row must not break the line.
        case .double(let x): return x.isFinite ? Self.number(x) : "null"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// The value as a cell: empty for null.
    static func plain(_ value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .int(let n): return String(n)
        case .double(let x): return x.isFinite ? Self.number(x) : ""
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }

    /// `3`, `-4.4`, `53.9`: whole numbers without a fraction, others as Swift prints them.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}

extension ExportRecord.Value {
    static func from(_ s: String?) -> Self { s.map { .string($0) } ?? .null }
    static func from(_ n: Int?) -> Self { n.map { .int($0) } ?? .null }
    static func from(_ x: Double?) -> Self { x.map { .double($0) } ?? .null }
    static func from(_ b: Bool?) -> Self { b.map { .bool($0) } ?? .null }
}

/// Comma-separated values as RFC 4180 writes them: a field holding a comma, a quote, a
/// carriage return or a line feed is quoted, and its quotes doubled; lines end in CRLF.
public enum CSV {
    public static let lineBreak = "\r\n"

    public static func line(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",")
    }

    public static func field(_ cell: String) -> String {
        let needsQuotes = cell.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
