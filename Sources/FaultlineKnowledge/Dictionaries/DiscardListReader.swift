import Foundation

/// Reads discard lists (`Phoenix.discards.txt`): phrases whose presence discards a sentence, or,
/// marked `+`, the whole story (sports, weather, business news…).
public enum DiscardListReader {
    public struct Discard: Sendable, Hashable, Codable {
        public var phrase: DictionaryPhrase
        public var wholeStory: Bool
        public var line: Int
    }

    public static func read(_ url: URL) throws -> DictionaryReading<[Discard]> {
        try read(DictionaryLines(url: url))
    }

    public static func read(name: String, text: String) throws -> DictionaryReading<[Discard]> {
        try read(DictionaryLines(name: name, data: Data(text.utf8)))
    }

    static func read(_ file: DictionaryLines) -> DictionaryReading<[Discard]> {
        var discards: [Discard] = []
        var issues: [KnowledgeFileError] = []
        for line in file.lines {
            var text = line.trimmed
            let wholeStory = text.hasPrefix("+")
            if wholeStory { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
            guard !text.isEmpty, !text.contains("\t"), !text.contains("["), text.count <= 200 else {
                issues.append(file.issue(line, "expected a phrase (optionally +PHRASE), one per line"))
                continue
            }
            discards.append(Discard(phrase: DictionaryPhrase(text), wholeStory: wholeStory, line: line.number))
        }
        return DictionaryReading(entries: discards, issues: issues)
    }
}
