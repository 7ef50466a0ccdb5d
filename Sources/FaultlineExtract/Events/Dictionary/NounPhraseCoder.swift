/// Codes a noun phrase of the dependency tree from the actor and agent mentions inside it, as
/// PETRARCH codes a noun phrase: the first actor, with the agents around it added after its code
/// (`~GOV`) or before it (`NGO~`); an agent-headed phrase takes its actor from an `of`/`in`/`from`
/// phrase ("the government of Gondor" → GONGOV); conjoined phrases give one code per conjunct
/// ("Gondor and Osgiliath" → GON, OSG), and a conjunct with an agent but no actor shares the
/// actor of its neighbour ("Danish media and government" → DNKMED, DNKGOV). With no actor at all,
/// agents code as `---GOV`.
struct NounPhraseCoder: Sendable {
    typealias Mention = DictionaryActorMatcher.Mention

    let graph: LocalDependencyTree
    let mentions: [Mention]
    /// The mention each word is part of.
    let mentionAt: [Int?]

    init(graph: LocalDependencyTree, mentions: [Mention]) {
        self.graph = graph
        self.mentions = mentions
        var at = [Int?](repeating: nil, count: graph.count)
        for (m, mention) in mentions.enumerated() {
            for w in mention.words where w < at.count { at[w] = m }
        }
        mentionAt = at
    }

    /// Relations that stay inside a conjunct's own words (the rest is coded separately or not at all).
    private static let outside: Set<String> = [
        "conj", "cc", "punct", "acl", "acl:relcl", "appos", "nmod", "parataxis", "advcl", "obl", "ccomp", "xcomp",
        "nsubj", "obj", "iobj", "csubj", "advmod", "mark", "dep", "list", "orphan", "discourse",
    ]
    /// Prepositions whose phrase names who an agent belongs to.
    private static let belonging: Set<String> = ["OF", "IN", "FROM", "'S"]

    /// The word a mention hangs from: the one whose head lies outside it.
    func head(of mention: Mention) -> Int {
        for w in mention.words where w < graph.count {
            guard let h = graph.heads[w], mention.words.contains(h) else { return w }
        }
        return mention.words.lowerBound
    }

    /// The head of the phrase a word belongs to: up through modifiers, then to the first conjunct.
    func phraseHead(of word: Int) -> Int {
        var w = word
        var hops = 0
        while hops < graph.count, let h = graph.heads[w],
            ["compound", "flat", "amod", "nmod:poss", "det", "nummod", "fixed", "goeswith"].contains(graph.deprels[w])
                || graph.relation(w) == "flat" || graph.relation(w) == "compound"
                || (graph.relation(w) == "nmod" && graph.casemarker(w) == nil)
        {
            w = h
            hops += 1
        }
        while hops < graph.count, graph.relation(w) == "conj", let h = graph.heads[w], graph.isNominal(h) {
            w = h
            hops += 1
        }
        return w
    }

    /// The conjuncts of a phrase head: itself and the nominal words conjoined to it.
    func conjuncts(_ h: Int) -> [Int] {
        var out = [h]
        var k = 0
        while k < out.count, out.count <= graph.count {
            for c in graph.children[out[k]] where graph.isNominal(c) && !out.contains(c) {
                // An actor name in apposition to another is a list the parse misread ("Arnor, Calenardhon and Gondor").
                let appositeActor = graph.relation(c) == "appos" && graph.upos[c] == "PROPN" && mentionAt[c].map { mentions[$0].isActor } == true
                if graph.relation(c) == "conj" || appositeActor { out.append(c) }
            }
            k += 1
        }
        return out.sorted()
    }

    /// One conjunct's reading: its actor codes, the agents on it, and which of them modify (rather than head) it.
    private struct Conjunct {
        var actors: [String] = []
        var agents: [DictionaryActorMatcher.AgentCode] = []
        var modifierAgents: [DictionaryActorMatcher.AgentCode] = []
    }

    /// The words of a conjunct that belong to its own phrase (not its conjuncts, clauses or
    /// prepositional phrases; a bare nmod as in "Prime Minister Romendacil" stays).
    func local(_ c: Int) -> [Int] {
        graph.subtree(c) { child in
            if graph.relation(child) == "nmod" { return graph.casemarker(child) != nil && graph.deprels[child] != "nmod:poss" }
            return Self.outside.contains(graph.deprels[child]) || Self.outside.contains(String(graph.relation(child)))
        }
    }

    /// The codes of the phrase headed by `h`, one per actor (compounds give several), and the
    /// words used. `extra` words join `h`'s own phrase (a subject the parse split in two).
    func codes(_ h: Int, extra: [Int] = [], depth: Int = 0) -> (codes: [String], words: [Int]) {
        guard depth < 4 else { return ([], []) }
        var readings: [Conjunct] = []
        var used: [Int] = []
        for c in conjuncts(h) {
            let words = (c == h ? extra : []) + local(c)
            used += words
            var reading = Conjunct()
            var seenMentions = Set<Int>()
            for w in words.sorted() {
                guard let m = mentionAt[w], seenMentions.insert(m).inserted else { continue }
                let mention = mentions[m]
                if let agent = mention.agent {
                    reading.agents.append(agent)
                    if !mention.words.contains(c) { reading.modifierAgents.append(agent) }
                } else if reading.actors.isEmpty, !mention.codes.isEmpty {
                    reading.actors = mention.codes
                    // "Eriadori and Calenardhon leaders": the actor's own conjuncts inside this phrase.
                    let mh = head(of: mention)
                    if mh != c {
                        for other in conjuncts(mh).dropFirst() {
                            if let om = mentionAt[other], mentions[om].isActor { reading.actors += mentions[om].codes }
                        }
                    }
                }
            }
            if reading.actors.isEmpty {
                // "the government of Gondor", "lawmakers in Fornost and Gondor": the actors of the phrase it heads.
                for child in graph.children[c] where graph.relation(child) == "nmod" && graph.deprels[child] != "nmod:poss" {
                    guard Self.belonging.contains(graph.casemarker(child) ?? "") else { continue }
                    let inner = codes(child, depth: depth + 1)
                    guard !inner.codes.isEmpty else { continue }
                    reading.actors = inner.codes
                    used += inner.words
                    break
                }
            }
            readings.append(reading)
        }
        var out: [String] = []
        let lead = readings.first { !$0.actors.isEmpty }
        for reading in readings {
            if !reading.actors.isEmpty {
                out += reading.actors.map { Self.combine($0, reading.agents) }
            } else if !reading.agents.isEmpty {
                if let lead {
                    out += lead.actors.map { Self.combine($0, lead.modifierAgents + reading.agents) }
                } else {
                    out.append(Self.combine("---", reading.agents))
                }
            }
        }
        var seen = Set<String>()
        return (out.filter { seen.insert($0).inserted }, used.sorted())
    }

    /// An actor code with agents: prefixes before it, suffixes after it, each once (a code
    /// already there, in three-letter steps, is not added again: USAGOV + ~GOV is USAGOV).
    static func combine(_ actor: String, _ agents: [DictionaryActorMatcher.AgentCode]) -> String {
        var code = actor
        for agent in agents where agent.isPrefix && !contains(code, agent.code) { code = agent.code + code }
        for agent in agents where !agent.isPrefix && !contains(code, agent.code) { code += agent.code }
        return code
    }

    static func contains(_ code: String, _ part: String) -> Bool {
        let c = Array(code)
        let p = Array(part)
        guard !p.isEmpty, p.count <= c.count else { return false }
        for start in stride(from: 0, through: c.count - p.count, by: 3) where Array(c[start..<(start + p.count)]) == p {
            return true
        }
        return false
    }
}
