import Foundation

/// A sentence of an IOB2 entity file: tokens and their tags (`B-PER`, `I-ORG`, `O` …).
public struct EntitySentence: Sendable, Hashable {
    public var id: String
    /// The `# newdoc id` in force (empty if the file names none).
    public var document: String
    public var forms: [String]
    public var tags: [String]

    public init(id: String = "", document: String = "", forms: [String], tags: [String]) {
        self.id = id
        self.document = document
        self.forms = forms
        self.tags = tags
    }
}

/// Reads Universal NER's IOB2 files (`index  form  tag  …`, `#` comments, blank line between
/// sentences) and writes `form  tag` files for the scorer.
public enum IOB2 {
    public static func read(path: String) throws -> [EntitySentence] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String = "<text>") throws -> [EntitySentence] {
        var out: [EntitySentence] = []
        var current = EntitySentence(forms: [], tags: [])
        var lineNumber = 0
        var document = ""
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                if !current.forms.isEmpty { out.append(current) }
                current = EntitySentence(document: document, forms: [], tags: [])
                continue
            }
            if line.hasPrefix("#") {
                if line.hasPrefix("# sent_id = ") { current.id = String(line.dropFirst(12)) }
                if line.hasPrefix("# newdoc id = ") {
                    document = String(line.dropFirst(14))
                    current.document = document
                }
                continue
            }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 3 else {
                throw TreebankFormatError(file: file, line: lineNumber, reason: "expected at least 3 tab-separated columns, found \(cols.count)")
            }
            let tag = String(cols[2])
            guard tag == "O" || tag.hasPrefix("B-") || tag.hasPrefix("I-") else {
                throw TreebankFormatError(file: file, line: lineNumber, reason: "tag \(tag) is not IOB2")
            }
            current.forms.append(String(cols[1]))
            current.tags.append(tag)
        }
        if !current.forms.isEmpty { out.append(current) }
        return out
    }

    /// `form<TAB>tag` lines, a blank line after each sentence.
    public static func write(_ sentences: [EntitySentence]) -> String {
        var out = ""
        for s in sentences {
            for (f, t) in zip(s.forms, s.tags) { out += "\(f)\t\(t)\n" }
            out += "\n"
        }
        return out
    }
}
