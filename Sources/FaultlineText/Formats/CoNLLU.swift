import Foundation

/// One word of a treebank sentence (a CoNLL-U word line; multiword-token lines and empty
/// nodes are not words).
public struct TreebankWord: Sendable, Hashable {
    public var form: String
    public var lemma: String
    public var upos: String
    public var xpos: String
    public var feats: String
    /// 1-based head, 0 for the root.
    public var head: Int
    public var deprel: String
    public var spaceAfter: Bool

    public init(
        form: String, lemma: String = "_", upos: String = "_", xpos: String = "_", feats: String = "_", head: Int = 0,
        deprel: String = "_", spaceAfter: Bool = true
    ) {
        self.form = form
        self.lemma = lemma
        self.upos = upos
        self.xpos = xpos
        self.feats = feats
        self.head = head
        self.deprel = deprel
        self.spaceAfter = spaceAfter
    }
}

/// A sentence of a CoNLL-U file: its comments that matter and its words.
public struct TreebankSentence: Sendable, Hashable {
    public var id: String
    public var text: String
    /// The sentence opens a new document (`# newdoc`) or paragraph (`# newpar`).
    public var newDocument: Bool
    public var newParagraph: Bool
    public var words: [TreebankWord]
    /// Multiword tokens as (first word index, last word index, surface form), 0-based.
    public var multiwordTokens: [(Int, Int, String)]

    public init(id: String = "", text: String = "", newDocument: Bool = false, newParagraph: Bool = false, words: [TreebankWord] = []) {
        self.id = id
        self.text = text
        self.newDocument = newDocument
        self.newParagraph = newParagraph
        self.words = words
        self.multiwordTokens = []
    }

    public static func == (a: TreebankSentence, b: TreebankSentence) -> Bool {
        a.id == b.id && a.text == b.text && a.words == b.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(words)
    }
}

/// Why a CoNLL-U or IOB2 file could not be read.
public struct TreebankFormatError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// Reads and writes CoNLL-U (the Universal Dependencies format).
public enum CoNLLU {
    /// Reads a CoNLL-U file. Malformed lines throw with the file and line number.
    public static func read(path: String) throws -> [TreebankSentence] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String = "<text>") throws -> [TreebankSentence] {
        var sentences: [TreebankSentence] = []
        var current = TreebankSentence()
        var pendingMWT: (Int, Int, String, Bool)? = nil
        var lineNumber = 0
        func flush() throws {
            if !current.words.isEmpty {
                for (i, w) in current.words.enumerated() where w.head < 0 || w.head > current.words.count {
                    throw TreebankFormatError(file: file, line: lineNumber, reason: "word \(i + 1) has head \(w.head) outside the sentence")
                }
                sentences.append(current)
            }
            current = TreebankSentence()
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                try flush()
                continue
            }
            if line.hasPrefix("#") {
                if line.hasPrefix("# newdoc") { current.newDocument = true; current.newParagraph = true }
                if line.hasPrefix("# newpar") { current.newParagraph = true }
                if line.hasPrefix("# sent_id = ") { current.id = String(line.dropFirst(12)) }
                if line.hasPrefix("# text = ") { current.text = String(line.dropFirst(9)) }
                continue
            }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count == 10 else {
                throw TreebankFormatError(file: file, line: lineNumber, reason: "expected 10 tab-separated columns, found \(cols.count)")
            }
            let id = cols[0]
            if id.contains(".") { continue }  // empty node
            if let dash = id.firstIndex(of: "-") {
                guard let a = Int(id[..<dash]), let b = Int(id[id.index(after: dash)...]), b >= a else {
                    throw TreebankFormatError(file: file, line: lineNumber, reason: "bad multiword token id \(id)")
                }
                pendingMWT = (a - 1, b - 1, String(cols[1]), !cols[9].contains("SpaceAfter=No"))
                continue
            }
            guard let index = Int(id), index == current.words.count + 1 else {
                throw TreebankFormatError(file: file, line: lineNumber, reason: "word id \(id) out of sequence")
            }
            guard let head = Int(cols[6]) ?? (cols[6] == "_" ? 0 : nil) else {
                throw TreebankFormatError(file: file, line: lineNumber, reason: "head \(cols[6]) is not a number")
            }
            var space = !cols[9].contains("SpaceAfter=No")
            if let m = pendingMWT {
                if current.words.count - 0 == m.0 { current.multiwordTokens.append((m.0, m.1, m.2)) }
                // Inside a multiword token only its last word carries the token's spacing.
                space = current.words.count == m.1 ? m.3 : false
                if current.words.count >= m.1 { pendingMWT = nil }
            }
            current.words.append(
                TreebankWord(
                    form: String(cols[1]), lemma: String(cols[2]), upos: String(cols[3]), xpos: String(cols[4]),
                    feats: String(cols[5]), head: head, deprel: String(cols[7]), spaceAfter: space))
        }
        try flush()
        return sentences
    }

    /// Writes sentences as CoNLL-U (no multiword-token lines: every word is its own token).
    public static func write(_ sentences: [TreebankSentence]) -> String {
        var out = ""
        out.reserveCapacity(sentences.count * 600)
        for s in sentences {
            if s.newDocument { out += "# newdoc\n" } else if s.newParagraph { out += "# newpar\n" }
            if !s.id.isEmpty { out += "# sent_id = \(s.id)\n" }
            if !s.text.isEmpty { out += "# text = \(s.text)\n" }
            for (i, w) in s.words.enumerated() {
                out += "\(i + 1)\t\(w.form)\t\(w.lemma)\t\(w.upos)\t\(w.xpos)\t\(w.feats)\t\(w.head)\t\(w.deprel)\t_\t"
                out += w.spaceAfter ? "_\n" : "SpaceAfter=No\n"
            }
            out += "\n"
        }
        return out
    }
}
