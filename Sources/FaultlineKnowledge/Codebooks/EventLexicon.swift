import Foundation

/// Faultline's event lexicon: which trigger words (verbs and nouns, by lemma) code which CAMEO
/// events, under which conditions, with which roles. Read from `codebooks/events.tsv` (the
/// format is described at the top of that file); users can load their own file the same way.
///
/// ```swift
/// let lexicon = try EventLexicon.load()
/// lexicon.entries(for: "deploy", noun: false).first?.code  // "154"
/// ```
public struct EventLexicon: Sendable {
    /// One way a trigger codes an event.
    public struct Entry: Sendable, Hashable {
        public var lemma: String
        public var isNoun: Bool
        public var code: String
        public var conditions: [Condition]
        /// Where the source and target come from, when not the defaults: the first of the
        /// alternatives that names an actor (`target=to|at|near`).
        public var sourceRole: [Role]?
        public var targetRole: [Role]?
        public var line: Int
    }

    /// A condition on the words around the trigger.
    public enum Condition: Sendable, Hashable {
        case particle(String)
        case object(WordSet)
        case preposition(String)
        case complement(WordSet)
        case modifier(WordSet)
        /// The subject is an actor of this CAMEO agent ("MIL": "Serb forces killed …").
        case agent(String)
    }

    /// Where an actor comes from: the subject, the object, or an oblique argument's preposition.
    public enum Role: Sendable, Hashable {
        case subject, object, preposition(String)
    }

    /// Words a condition accepts: one lemma, a class, any actor, or anything.
    public enum WordSet: Sendable, Hashable {
        case word(String)
        case words(Set<String>)
        case actor
        case any

        /// Also true for a plural the lemmatizer kept whole (UD EWT lemmatizes "supplies" as itself).
        public func contains(_ lemma: String) -> Bool {
            switch self {
            case .word(let w): return w == lemma || w == Self.singular(lemma)
            case .words(let set): return set.contains(lemma) || Self.singular(lemma).map(set.contains) == true
            case .actor, .any: return true
            }
        }

        static func singular(_ word: String) -> String? {
            if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
            if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
            return nil
        }
    }

    private let byTrigger: [String: [Entry]]
    public let entryCount: Int

    public init(entries: [Entry]) {
        var index: [String: [Entry]] = [:]
        for entry in entries { index[(entry.isNoun ? "N:" : "V:") + entry.lemma, default: []].append(entry) }
        // Most specific first, then file order.
        byTrigger = index.mapValues { list in
            list.enumerated().sorted { a, b in
                a.element.conditions.count != b.element.conditions.count
                    ? a.element.conditions.count > b.element.conditions.count : a.offset < b.offset
            }.map(\.element)
        }
        entryCount = entries.count
    }

    /// The entries for a trigger lemma, most specific first.
    public func entries(for lemma: String, noun: Bool) -> [Entry] {
        byTrigger[(noun ? "N:" : "V:") + lemma] ?? []
    }

    /// Whether a lemma is a trigger verb.
    public func hasVerb(_ lemma: String) -> Bool { byTrigger["V:" + lemma] != nil }

    /// The shipped lexicon.
    public static func load() throws -> EventLexicon {
        try load(url: Codebook.shippedFile("events.tsv"))
    }

    public static func load(url: URL) throws -> EventLexicon {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "cannot be read: \(error.localizedDescription)")
        }
        return try parse(String(decoding: data, as: UTF8.self), name: url.lastPathComponent)
    }

    /// Reads the lexicon format; a malformed line is an error naming the file and line.
    public static func parse(_ text: String, name: String) throws -> EventLexicon {
        var classes: [String: Set<String>] = [:]
        var raw: [(fields: [String], line: Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("lemma\t") { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if trimmed.hasPrefix("&") {
                guard fields.count >= 2 else {
                    throw KnowledgeFileError(file: name, line: number + 1, message: "a word class needs its words after a tab")
                }
                classes[fields[0]] = Set(fields[1].split(separator: " ").map(String.init))
                continue
            }
            raw.append((fields, number + 1))
        }
        var entries: [Entry] = []
        for (fields, line) in raw {
            guard fields.count >= 3, !fields[0].isEmpty, fields[1] == "V" || fields[1] == "N",
                !fields[2].isEmpty, fields[2].allSatisfy(\.isNumber)
            else {
                throw KnowledgeFileError(file: name, line: line, message: "expected lemma<TAB>V|N<TAB>CAMEO code[<TAB>conditions[<TAB>roles]]")
            }
            var entry = Entry(
                lemma: fields[0].lowercased(), isNoun: fields[1] == "N", code: fields[2], conditions: [], sourceRole: nil,
                targetRole: nil, line: line)
            func words(_ spec: String) throws -> WordSet {
                if spec.hasPrefix("&") {
                    guard let set = classes[spec] else {
                        throw KnowledgeFileError(file: name, line: line, message: "unknown word class \(spec)")
                    }
                    if set == ["~actor"] { return .actor }
                    if set == ["~any"] { return .any }
                    return .words(set)
                }
                return .word(spec.lowercased())
            }
            if fields.count > 3 {
                for part in fields[3].split(separator: " ") {
                    let pair = part.split(separator: ":", maxSplits: 1).map(String.init)
                    guard pair.count == 2 else {
                        throw KnowledgeFileError(file: name, line: line, message: "a condition is KIND:VALUE, not \(part)")
                    }
                    switch pair[0] {
                    case "prt": entry.conditions.append(.particle(pair[1]))
                    case "obj": entry.conditions.append(.object(try words(pair[1])))
                    case "prep": entry.conditions.append(.preposition(pair[1]))
                    case "xcomp": entry.conditions.append(.complement(try words(pair[1])))
                    case "adj": entry.conditions.append(.modifier(try words(pair[1])))
                    case "agent": entry.conditions.append(.agent(pair[1].uppercased()))
                    default: throw KnowledgeFileError(file: name, line: line, message: "unknown condition \(pair[0])")
                    }
                }
            }
            if fields.count > 4 {
                for part in fields[4].split(separator: " ") {
                    let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                    guard pair.count == 2, pair[0] == "source" || pair[0] == "target" else {
                        throw KnowledgeFileError(file: name, line: line, message: "a role is source=… or target=…, not \(part)")
                    }
                    let role: [Role] = pair[1].split(separator: "|").map { alternative in
                        switch alternative {
                        case "subject": .subject
                        case "object": .object
                        default: .preposition(String(alternative))
                        }
                    }
                    if pair[0] == "source" { entry.sourceRole = role } else { entry.targetRole = role }
                }
            }
            entries.append(entry)
        }
        return EventLexicon(entries: entries)
    }
}

/// Agent nouns: words for kinds of actors and the CAMEO agent code they add to a country code
/// ("Belarusian army" is BLR + MIL). Read from `codebooks/agents.tsv`.
public struct AgentLexicon: Sendable {
    /// Phrase (lowercased lemmas joined by spaces) to agent code.
    public let codes: [String: String]
    /// The longest phrase, in words.
    public let longest: Int

    public init(codes: [String: String]) {
        self.codes = codes
        longest = codes.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    public static func load() throws -> AgentLexicon {
        let table = try TabularFile(url: Codebook.shippedFile("agents.tsv"))
        let word = try table.column("word"), code = try table.column("code")
        var codes: [String: String] = [:]
        for row in table.rows { codes[String(row[word]).lowercased()] = String(row[code]) }
        return AgentLexicon(codes: codes)
    }

    /// The agent code of a phrase of lemmas ("border service", "army"), or nil.
    public func code(_ phrase: String) -> String? { codes[phrase] }
}
