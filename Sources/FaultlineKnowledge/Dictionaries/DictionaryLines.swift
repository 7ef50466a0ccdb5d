import Foundation

/// The lines of a PETRARCH or TABARI dictionary with comments taken out: `#` and `;` to the end
/// of the line, and `<!-- … -->` blocks (PETRARCH's validation files open with them).
///
/// Decodes UTF-8, falling back to Latin-1 (TABARI's files predate UTF-8); refuses files over
/// 256 MiB and files with NUL bytes, which are not dictionaries.
struct DictionaryLines {
    struct Line {
        var number: Int
        /// The line without its comment, trailing white space removed; leading white space kept
        /// (an indented `[CODE …]` is a date restriction).
        var text: String
        /// Whether the line began with white space.
        var indented: Bool { text.first == " " || text.first == "\t" }
        var trimmed: String { text.trimmingCharacters(in: .whitespaces) }
    }

    var name: String
    var lines: [Line] = []

    static let maxBytes = 256 << 20

    init(url: URL, commentMarkers: Set<Character> = ["#", ";"]) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
        try self.init(name: url.lastPathComponent, data: data, commentMarkers: commentMarkers)
    }

    init(name: String, data: Data, commentMarkers: Set<Character> = ["#", ";"]) throws {
        self.name = name
        guard data.count <= Self.maxBytes else {
            throw KnowledgeFileError(file: name, line: 0, message: "\(data.count) bytes is more than a dictionary (limit \(Self.maxBytes))")
        }
        if let nul = data.firstIndex(of: 0) {
            let line = data[..<nul].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            throw KnowledgeFileError(file: name, line: line, message: "a NUL byte: this is a binary file, not a dictionary")
        }
        let text = String(data: data, encoding: .utf8) ?? String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
        var inXMLComment = false
        var number = 0
        // Split on scalars: in a String, "\r\n" is one Character and never equals "\n".
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(String(raw.last == "\r" ? raw.dropLast() : raw))
            if inXMLComment {
                guard let end = line.range(of: "-->") else { continue }
                line = line[end.upperBound...]
                inXMLComment = false
            }
            while let open = line.range(of: "<!--") {
                if let close = line[open.upperBound...].range(of: "-->") {
                    line = line[..<open.lowerBound] + line[close.upperBound...]
                } else {
                    line = line[..<open.lowerBound]
                    inXMLComment = true
                }
            }
            // A comment marker inside brackets is data: TABARI's `[### <890101]` is the discard code.
            var depth = 0
            if let cut = line.firstIndex(where: { character in
                if character == "[" { depth += 1 } else if character == "]" { depth = max(depth - 1, 0) }
                return depth == 0 && commentMarkers.contains(character)
            }) {
                line = line[..<cut]
            }
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            if line.isEmpty { continue }
            lines.append(Line(number: number, text: String(line)))
        }
    }

    func issue(_ line: Line, _ message: String) -> KnowledgeFileError {
        KnowledgeFileError(file: name, line: line.number, message: message)
    }
}

/// The `[…]` groups of a line and the text before the first one.
struct BracketedLine {
    var head: String
    var groups: [String]
    /// An opening bracket without its closing one.
    var unbalanced: Bool

    init(_ text: String) {
        var groups: [String] = []
        var unbalanced = false
        var rest = Substring(text)
        let head = rest.prefix { $0 != "[" }
        rest = rest[head.endIndex...]
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]") else {
                unbalanced = true
                break
            }
            groups.append(String(rest[rest.index(after: open)..<close]).trimmingCharacters(in: .whitespaces))
            rest = rest[rest.index(after: close)...]
        }
        self.head = head.trimmingCharacters(in: .whitespaces)
        self.groups = groups
        self.unbalanced = unbalanced
    }
}

enum DictionaryDates {
    /// `YYMMDD` (years before 30 are 20xx, as the dictionaries were written from the 1990s on)
    /// or `YYYYMMDD`.
    static func day(_ text: String) -> CalendarDay? {
        guard text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
        if text.count == 8 { return CalendarDay(text) }
        guard text.count == 6, let yy = Int(text.prefix(2)) else { return nil }
        return CalendarDay((yy < 30 ? "20" : "19") + text)
    }

    /// The inside of a code group: `CODE`, `---`, `CODE YYMMDD-YYMMDD`, `CODE <date`, `CODE > date`;
    /// TABARI's compound actors join codes with `/` (`ELR/GAL`).
    static func datedCode(_ group: String) -> DatedCode? {
        let parts = group.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first else { return nil }
        // TABARI also writes a bare date range with no code, which it flags as an error itself.
        guard first == "---" || first == "###" || first == "+++"
            || (first.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "~" || $0 == "/") }) && first.contains(where: \.isLetter))
        else { return nil }
        let code = first == "---" ? nil : first.uppercased()
        guard parts.count > 1 else { return DatedCode(code: code) }
        let spec = parts[1].filter { $0 != " " }
        if spec.hasPrefix("<") {
            guard let day = day(String(spec.dropFirst())) else { return nil }
            return DatedCode(code: code, until: day)
        }
        if spec.hasPrefix(">") {
            guard let day = day(String(spec.dropFirst())) else { return nil }
            return DatedCode(code: code, from: day)
        }
        let ends = spec.split(separator: "-").map(String.init)
        guard ends.count == 2, let from = day(ends[0]), let until = day(ends[1]) else { return nil }
        return DatedCode(code: code, from: from, until: until)
    }
}
