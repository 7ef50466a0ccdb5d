import FaultlineKnowledge

/// Finds actor and agent phrases of PETRARCH dictionaries in a sentence's words.
///
/// Phrases match whole words, consecutively, longest first at each word, left to right and
/// without overlap; at equal length an actor wins over an agent. Agents also match their plurals
/// (the `{…}` forms, or regular ones: +S, Y→IES, SS→ES, unless the dictionary gave `{}`).
///
///     let matcher = DictionaryActorMatcher(actors: actors, agents: agents)
///     matcher.mentions(in: ["THE", "GONDOR", "GOVERNMENT"], on: day)   // GON at 1, ~GOV at 2
struct DictionaryActorMatcher: Sendable {
    /// What a phrase stands for.
    enum Meaning: Sendable, Hashable {
        case actor(Int)
        case agent(AgentCode)
    }

    /// An agent's code and whether it goes before the actor's (`IGO~`) or after it (`~GOV`).
    struct AgentCode: Sendable, Hashable {
        var code: String
        var isPrefix: Bool
    }

    struct Entry: Sendable {
        var words: [String]
        var meaning: Meaning
    }

    /// A phrase found in a sentence: its words (sentence-local, half-open) and what it codes.
    struct Mention: Sendable, Hashable {
        var words: Range<Int>
        /// Actor codes (several for TABARI's `FRO/BIL/SAM`); empty for an actor that codes
        /// nothing on the day (`[---]`) and for agents.
        var codes: [String]
        /// The agent's code, for agents.
        var agent: AgentCode?
        var isActor: Bool { agent == nil }
    }

    let actors: [DictionaryActor]
    /// Phrases by first word, longest first.
    private let byFirstWord: [String: [Entry]]

    init(actors: [DictionaryActor], agents: [DictionaryAgent]) {
        self.actors = actors
        var entries: [Entry] = []
        for (index, actor) in actors.enumerated() {
            for phrase in [actor.phrase] + actor.synonyms where !phrase.words.isEmpty {
                entries.append(Entry(words: phrase.words.flatMap { Self.units($0.uppercased()) }, meaning: .actor(index)))
            }
        }
        for agent in agents where !agent.phrase.words.isEmpty {
            let meaning = Meaning.agent(AgentCode(code: agent.code, isPrefix: agent.isPrefix))
            let words = agent.phrase.words.flatMap { Self.units($0.uppercased()) }
            entries.append(Entry(words: words, meaning: meaning))
            for plural in Self.plurals(of: agent) where plural != words {
                entries.append(Entry(words: plural.flatMap { Self.units($0) }, meaning: meaning))
            }
        }
        var table: [String: [Entry]] = [:]
        for entry in entries where !entry.words.isEmpty { table[entry.words[0], default: []].append(entry) }
        for key in table.keys {
            // Longest first; an actor before an agent of the same length; file order otherwise.
            table[key]!.sort { a, b in
                if a.words.count != b.words.count { return a.words.count > b.words.count }
                if case .actor = a.meaning, case .agent = b.meaning { return true }
                return false
            }
        }
        byFirstWord = table
    }

    /// A word as matching units: split at `_`, with each `-` a unit of its own.
    static func units(_ word: String) -> [String] {
        var out: [String] = []
        for part in word.split(separator: "_") {
            var current = ""
            for character in part {
                if character == "-" {
                    if !current.isEmpty { out.append(current) }
                    out.append("-")
                    current = ""
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { out.append(current) }
        }
        return out
    }

    /// An agent's plural phrases: given ones, or the regular plural of its last word.
    static func plurals(of agent: DictionaryAgent) -> [[String]] {
        if let given = agent.plurals {
            return given.map { DictionaryPhrase($0).words.map { $0.uppercased() } }
        }
        var words = agent.phrase.words.map { $0.uppercased() }
        guard let last = words.last else { return [] }
        words[words.count - 1] = EnglishForms.plural(last)
        return [words]
    }

    /// The mentions in a sentence's words on a given day.
    func mentions(in forms: [String], on day: CalendarDay) -> [Mention] {
        // A word written with `_` in the text (`Dol_Amroth`) is several dictionary words.
        // Hyphens are their own unit on both sides, so `BARAD-DUR` matches "Barad-dur" however it was tokenized.
        var units: [String] = []
        var unitWord: [Int] = []
        for (i, form) in forms.enumerated() {
            for part in Self.units(form) {
                units.append(part)
                unitWord.append(i)
            }
        }
        var found: [Mention] = []
        var u = 0
        while u < units.count {
            guard let candidates = byFirstWord[units[u]],
                let entry = candidates.first(where: { entry in
                    u + entry.words.count <= units.count && Array(units[u..<(u + entry.words.count)]) == entry.words
                })
            else {
                u += 1
                continue
            }
            let end = u + entry.words.count
            let words = unitWord[u]..<(unitWord[end - 1] + 1)
            switch entry.meaning {
            case .actor(let index):
                let code = actors[index].code(on: day)
                let codes = code.map { $0.split(separator: "/").map(String.init) } ?? []
                found.append(Mention(words: words, codes: codes, agent: nil))
            case .agent(let code):
                found.append(Mention(words: words, codes: [], agent: code))
            }
            u = end
        }
        return found
    }
}

/// Regular English word forms the dictionaries leave to the program.
enum EnglishForms {
    static func plural(_ word: String) -> String {
        if word.hasSuffix("SS") || word.hasSuffix("SH") || word.hasSuffix("CH") || word.hasSuffix("X") { return word + "ES" }
        if word.hasSuffix("Y"), let before = word.dropLast().last, !"AEIOU".contains(before) { return word.dropLast() + "IES" }
        return word + "S"
    }

    /// A verb's regular forms: base, third person, past, gerund (no consonant doubling: the
    /// dictionaries list those as irregular forms).
    static func verbForms(_ verb: String) -> [String] {
        var forms = [verb]
        let last = verb.last
        let before = verb.dropLast().last
        let consonantY = last == "Y" && before.map { !"AEIOU".contains($0) } == true
        forms.append(plural(verb))
        if last == "E" {
            forms.append(verb + "D")
            forms.append(verb.hasSuffix("EE") ? verb + "ING" : verb.dropLast() + "ING")
        } else if consonantY {
            forms.append(verb.dropLast() + "IED")
            forms.append(verb + "ING")
        } else {
            forms.append(verb + "ED")
            forms.append(verb + "ING")
        }
        return forms
    }
}
