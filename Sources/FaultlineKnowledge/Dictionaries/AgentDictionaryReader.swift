import Foundation

/// Reads PETRARCH (`Phoenix.agents.txt`) and TABARI (`.agents`) agent dictionaries:
/// `PHRASE {plurals} [~CODE]` (the code follows the actor's) or `[CODE~]` (it precedes it), with
/// PETRARCH's substitution sets (`!PERSON! = MAN, MEN, WOMAN`) expanded into one entry per member.
public enum AgentDictionaryReader {
    public static func read(_ url: URL) throws -> DictionaryReading<[DictionaryAgent]> {
        try read(DictionaryLines(url: url))
    }

    public static func read(name: String, text: String) throws -> DictionaryReading<[DictionaryAgent]> {
        try read(DictionaryLines(name: name, data: Data(text.utf8)))
    }

    static func read(_ file: DictionaryLines) -> DictionaryReading<[DictionaryAgent]> {
        var agents: [DictionaryAgent] = []
        var issues: [KnowledgeFileError] = []
        var substitutions: [String: [String]] = [:]
        for line in file.lines {
            let trimmed = line.trimmed
            if trimmed.hasPrefix("!"), let equals = trimmed.firstIndex(of: "=") {
                let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
                substitutions[name] = trimmed[trimmed.index(after: equals)...].split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty }
                continue
            }
            var text = trimmed
            var plurals: [String]? = nil
            if let open = text.firstIndex(of: "{") {
                guard let close = text[open...].firstIndex(of: "}") else {
                    issues.append(file.issue(line, "a '{' without its '}'"))
                    continue
                }
                plurals = text[text.index(after: open)..<close].split(separator: " ").map(String.init)
                text = String(text[..<open]) + " " + String(text[text.index(after: close)...])
            }
            let bracketed = BracketedLine(text)
            guard !bracketed.unbalanced, bracketed.groups.count == 1, !bracketed.head.isEmpty else {
                issues.append(file.issue(line, "expected PHRASE [~CODE] or PHRASE [CODE~]"))
                continue
            }
            let group = bracketed.groups[0].filter { $0 != " " }
            let isPrefix = group.hasSuffix("~")
            let code = group.filter { $0 != "~" }
            guard group.contains("~"), !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                issues.append(file.issue(line, "'[\(bracketed.groups[0])]' is not an agent code (~CODE or CODE~)"))
                continue
            }
            var phrases = [bracketed.head]
            for (name, members) in substitutions where bracketed.head.contains(name) {
                phrases = phrases.flatMap { phrase in members.map { phrase.replacingOccurrences(of: name, with: $0) } }
            }
            if phrases.contains(where: { $0.contains("!") }) {
                issues.append(file.issue(line, "an undefined substitution set in '\(bracketed.head)'"))
                continue
            }
            for phrase in phrases {
                agents.append(
                    DictionaryAgent(
                        phrase: DictionaryPhrase(phrase), plurals: plurals, code: code.uppercased(), isPrefix: isPrefix, line: line.number))
            }
        }
        return DictionaryReading(entries: agents, issues: issues)
    }
}
