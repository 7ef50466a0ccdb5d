import Foundation

/// Reads PETRARCH (`Phoenix.*.actors.txt`) and TABARI (`.actors`) actor dictionaries.
///
/// A primary line `PHRASE [CODE]` starts an actor (its code is optional, and TABARI puts several
/// dated codes on the line: `ALBRIGHT [USAGOV 991201-010114] [---]`); `+PHRASE` lines add
/// synonyms; indented `[CODE YYMMDD-YYMMDD]`, `[CODE <date]`, `[CODE >date]` lines add dated
/// codes. TABARI's `<NOUN>`/`<ADJECTIVE>` word lists are not actors and are counted apart.
///
/// ```swift
/// let reading = try ActorDictionaryReader.read(url)
/// reading.entries.count   // actors
/// reading.issues          // lines that could not be read, each with file and line
/// ```
public enum ActorDictionaryReader {
    /// Actors, plus TABARI's word-class entries (nouns and adjectives) kept apart.
    public struct Actors: Sendable {
        public var actors: [DictionaryActor] = []
        public var wordClassEntries = 0
        /// Indented `[CODE …]` lines (PETRARCH's date restrictions).
        public var restrictionLines = 0
        public var synonymCount: Int { actors.reduce(0) { $0 + $1.synonyms.count } }
        public var datedCodeCount: Int { actors.reduce(0) { $0 + $1.codes.filter { $0.from != nil || $0.until != nil }.count } }
    }

    public static func read(_ url: URL) throws -> DictionaryReading<Actors> {
        try read(DictionaryLines(url: url))
    }

    public static func read(name: String, text: String) throws -> DictionaryReading<Actors> {
        try read(DictionaryLines(name: name, data: Data(text.utf8)))
    }

    static func read(_ file: DictionaryLines) -> DictionaryReading<Actors> {
        var result = Actors()
        var issues: [KnowledgeFileError] = []
        var wordClass: String? = nil
        for line in file.lines {
            let trimmed = line.trimmed
            if trimmed.hasPrefix("<") {
                let tag = trimmed.uppercased()
                if tag.hasPrefix("</") { wordClass = nil } else if tag == "<NOUN>" || tag == "<ADJECTIVE>" { wordClass = tag }
                continue
            }
            if wordClass != nil {
                result.wordClassEntries += 1
                continue
            }
            let bracketed = BracketedLine(trimmed)
            if bracketed.unbalanced {
                issues.append(file.issue(line, "a '[' without its ']'"))
                continue
            }
            var codes: [DatedCode] = []
            var bad: String? = nil
            for group in bracketed.groups {
                if let code = DictionaryDates.datedCode(group) { codes.append(code) } else { bad = group }
            }
            if let bad {
                issues.append(file.issue(line, "'[\(bad)]' is not a code, optionally with dates YYMMDD-YYMMDD, <date or >date"))
                continue
            }
            if line.indented && bracketed.head.isEmpty {
                guard !result.actors.isEmpty else {
                    issues.append(file.issue(line, "a dated code before any actor"))
                    continue
                }
                result.actors[result.actors.count - 1].codes += codes
                result.restrictionLines += 1
            } else if trimmed.hasPrefix("+") {
                let phrase = String(bracketed.head.dropFirst()).trimmingCharacters(in: .whitespaces)
                guard !result.actors.isEmpty, !phrase.isEmpty else {
                    issues.append(file.issue(line, phrase.isEmpty ? "an empty synonym" : "a synonym before any actor"))
                    continue
                }
                result.actors[result.actors.count - 1].synonyms.append(DictionaryPhrase(phrase))
                result.actors[result.actors.count - 1].codes += codes
            } else {
                guard !bracketed.head.isEmpty, bracketed.head.contains(where: { $0.isLetter || $0.isNumber }) else {
                    issues.append(file.issue(line, "no phrase before the code"))
                    continue
                }
                result.actors.append(DictionaryActor(phrase: DictionaryPhrase(bracketed.head), synonyms: [], codes: codes, line: line.number))
            }
        }
        return DictionaryReading(entries: result, issues: issues)
    }
}
