import Foundation

/// Cleans and splits author strings: "By A, B and C", "A & B", "Authors: A, B, C.".
public enum AuthorNames {
    /// Splits a list of names and drops "By", roles and trailing punctuation.
    ///
    /// ```swift
    /// AuthorNames.split("By Tim Ross, Robbie Gramer and Nick Taylor-Vaisey.")
    /// // ["Tim Ross", "Robbie Gramer", "Nick Taylor-Vaisey"]
    /// ```
    public static func split(_ raw: String) -> [String] {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["authored by ", "written by ", "posted by ", "by ", "authors:", "author:", "articles by:", "by:"]
        where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        text = text.replacingOccurrences(of: " and ", with: ",")
            .replacingOccurrences(of: " & ", with: ",")
            .replacingOccurrences(of: ";", with: ",")
            .replacingOccurrences(of: "|", with: ",")
        var names: [String] = []
        for part in text.split(separator: ",") {
            if let name = clean(String(part)), !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// One name without decoration, or nil when what is left is not a name.
    public static func clean(_ raw: String) -> String? {
        var name = raw.replacingOccurrences(of: "*", with: "")
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".,:;\"“”")))
        name = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if name.lowercased().hasPrefix("by ") { name = String(name.dropFirst(3)) }
        guard !name.isEmpty, name.count <= 80, name.first?.isLetter == true,
            !name.contains("http"), !name.contains("@"), !name.contains("/")
        else { return nil }
        let lower = name.lowercased()
        if ["staff", "admin", "editor", "editors", "newsdesk", "news desk", "unknown", "anonymous"].contains(lower) {
            return nil
        }
        return name
    }

    /// Words that never stand in a person's name line.
    static let nonNameWords: Set<String> = [
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "is", "it", "its", "what",
        "why", "how", "who", "when", "where", "this", "that", "these", "news", "read", "more", "share",
        "related", "comments", "comment", "subscribe", "home", "menu", "search", "region", "theme",
        "about", "author", "authors", "editor", "contents", "introduction", "conclusion", "summary",
        "update", "updated", "live", "video", "photo", "analysis", "opinion", "with", "from", "by",
        "we", "our", "you", "your", "they", "he", "she", "not", "no", "yes", "means",
    ]

    /// Whether a line is a bare person's name: two to four capitalised words, nothing else.
    ///
    /// ```swift
    /// AuthorNames.looksLikePersonName("Robbie Greimer")  // true
    /// AuthorNames.looksLikePersonName("What It Means")   // false
    /// ```
    public static func looksLikePersonName(_ line: some StringProtocol) -> Bool {
        guard line.utf8.count <= 60 else { return false }
        let words = line.split(separator: " ")
        guard (2...4).contains(words.count), line.count <= 50 else { return false }
        for word in words {
            guard let first = word.first, first.isUppercase else { return false }
            guard word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }) else {
                return false
            }
            if nonNameWords.contains(word.lowercased()) { return false }
            // All-caps words of more than two letters are headings or acronyms, not names.
            if word.count > 2 && word.allSatisfy({ $0.isUppercase || !$0.isLetter }) { return false }
        }
        return true
    }
}
