import Foundation

/// Reads verb dictionaries: PETRARCH's (`CAMEO.2.0.txt`) and TABARI's (`.verbs`).
///
/// PETRARCH: synonym sets (`&NAME` then `+MEMBER` lines), verb blocks (`---  BLAME   [112]  ---`)
/// of verb lines (`SPEED {SPEEDING SPEEDS SPED}`, `+CORDON_OFF {…} [code]` for multi-word verbs)
/// and patterns (`- * (OF TORTURE)  [1122]  # ACCUSE`), then transformations (`~ a (a b ATTACK) SAY = a b 015`).
/// TABARI: a `<SYNSETS>` block, a `<TIME>` block (skipped), then verb lines `ABANDON [345]` each
/// followed by its patterns.
public enum VerbDictionaryReader {
    public static func read(_ url: URL) throws -> DictionaryReading<VerbDictionary> {
        try read(DictionaryLines(url: url))
    }

    public static func read(name: String, text: String) throws -> DictionaryReading<VerbDictionary> {
        try read(DictionaryLines(name: name, data: Data(text.utf8)))
    }

    private enum Section { case none, synset, block, tabariSynsets, time }

    static func read(_ file: DictionaryLines) -> DictionaryReading<VerbDictionary> {
        var dictionary = VerbDictionary()
        var issues: [KnowledgeFileError] = []
        var section = Section.none
        var blockCode: String? = nil
        var blockName = ""
        for line in file.lines {
            let text = line.trimmed
            switch text.uppercased() {
            case "<SYNSETS>": section = .tabariSynsets; continue
            case "<TIME>": section = .time; continue
            case "</SYNSETS>", "</TIME>": section = .none; continue
            default: break
            }
            if text.hasPrefix("~~") { break }  // TABARI: ~~FINISH ends the dictionary
            if section == .time { continue }
            if text.hasPrefix("&") {
                dictionary.synsets.append(DictionarySynset(name: text, members: [], line: line.number))
                if section != .tabariSynsets { section = .synset }
            } else if text.hasPrefix("+") && (section == .synset || section == .tabariSynsets) {
                guard !dictionary.synsets.isEmpty else {
                    issues.append(file.issue(line, "a synonym-set member before any &SET"))
                    continue
                }
                dictionary.synsets[dictionary.synsets.count - 1].members.append(DictionaryPhrase(String(text.dropFirst())))
            } else if text.hasPrefix("---") {
                let bracketed = BracketedLine(text.trimmingCharacters(in: CharacterSet(charactersIn: "- ")))
                guard !bracketed.groups.isEmpty, !bracketed.unbalanced else {
                    issues.append(file.issue(line, "a verb block header needs a [CODE]: ---  NAME  [CODE]  ---"))
                    continue
                }
                section = .block
                blockName = bracketed.head
                blockCode = code(bracketed.groups[0])
                dictionary.blockCount += 1
            } else if text.hasPrefix("-") {
                let bracketed = BracketedLine(String(text.dropFirst()))
                guard let last = bracketed.groups.last, !bracketed.unbalanced, isCode(last) else {
                    issues.append(file.issue(line, "a pattern needs a [CODE] at its end"))
                    continue
                }
                let pattern = String(text.dropFirst()).components(separatedBy: "[" + last).first!
                let verb = dictionary.verbs.last.map { $0.phrase.text } ?? blockName
                dictionary.patterns.append(
                    DictionaryPattern(
                        pattern: pattern.trimmingCharacters(in: .whitespaces), code: code(last), verb: verb, line: line.number,
                        block: dictionary.blockCount))
            } else if text.hasPrefix("~") {
                dictionary.transformations.append(text)
            } else if text.hasPrefix("{") {
                // TABARI: a verb's irregular forms on their own line.
                guard !dictionary.verbs.isEmpty, let close = text.firstIndex(of: "}") else {
                    issues.append(file.issue(line, "a list of forms with no verb, or no '}'"))
                    continue
                }
                dictionary.verbs[dictionary.verbs.count - 1].forms += text[text.index(after: text.startIndex)..<close].split(separator: " ").map(String.init)
            } else {
                var head = text
                var forms: [String] = []
                if let open = head.firstIndex(of: "{") {
                    guard let close = head[open...].firstIndex(of: "}") else {
                        issues.append(file.issue(line, "a '{' without its '}'"))
                        continue
                    }
                    forms = head[head.index(after: open)..<close].split(separator: " ").map(String.init)
                    head = String(head[..<open]) + String(head[head.index(after: close)...])
                }
                let bracketed = BracketedLine(head)
                let phrase = bracketed.head.hasPrefix("+") ? String(bracketed.head.dropFirst()) : bracketed.head
                guard !phrase.isEmpty, !bracketed.unbalanced, bracketed.groups.count <= 1, bracketed.groups.allSatisfy(isCode),
                    !phrase.contains(where: { "{}[]".contains($0) })
                else {
                    issues.append(file.issue(line, "expected a verb line: VERB {FORMS} [CODE]"))
                    continue
                }
                if section == .synset { section = .block }
                dictionary.verbs.append(
                    DictionaryVerb(
                        phrase: DictionaryPhrase(phrase), code: bracketed.groups.first.map(code) ?? blockCode, forms: forms,
                        line: line.number, block: dictionary.blockCount))
            }
        }
        return DictionaryReading(entries: dictionary, issues: issues)
    }

    /// A CAMEO code group: digits (`0874`), a pair (`042:043`), `---`, TABARI's flags (`[023?]`,
    /// `[080!]`) and the letters of its validation verbs (`[sdf]`, `[075A]`).
    static func isCode(_ group: String) -> Bool {
        let compact = group.filter { $0 != " " }
        return !compact.isEmpty && compact.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ":-+#!?".contains($0)) }
    }

    static func code(_ group: String) -> String? {
        let compact = group.filter { $0 != " " }
        return compact == "---" ? nil : compact
    }
}
