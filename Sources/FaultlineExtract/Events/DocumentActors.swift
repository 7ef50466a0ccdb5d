import FaultlineKnowledge
import FaultlineText

/// The actors named in one document: the matcher's mentions tied to the words of the
/// annotation, resolved on the document's day, and the rules that turn an argument of an event
/// ("the Belarusian border service", "Ukrainian drones", "Jordan and Britain") into actors.
struct DocumentActors {
    struct Mention {
        var mention: ActorMention
        var resolved: ResolvedActor
        var words: Range<Int>
    }

    let text: AnnotatedText
    let agents: AgentLexicon
    /// The document's scalars: surfaces are sliced from them, so an actor's text is exactly its span.
    let scalars: [Unicode.Scalar]
    private(set) var mentions: [Mention] = []
    /// For each word, the mention it belongs to.
    private var wordMention: [Int: Int] = [:]
    /// The country the document is about, when one clearly dominates its mentions: what a bare
    /// "border service" or "army" in it refers to.
    private(set) var focusCountry: (code: String, actor: Actor)?
    /// Places, for agents named by their region or town ("Darfur rebels").
    let gazetteer: Gazetteer
    /// The towns and regions the text locates (first word, ISO country), for a bare agent in a
    /// sentence that names no country ("… an apartment block in Dnipro, killing 40 people").
    var towns: [(word: Int, country: String)] = []
    let kb: KnowledgeBase

    init(text source: String, annotated: AnnotatedText, kb: KnowledgeBase, agents: AgentLexicon, day: CalendarDay, gazetteer: Gazetteer) {
        text = annotated
        self.agents = agents
        self.gazetteer = gazetteer
        self.kb = kb
        let starts = annotated.words.map(\.token.start)
        var countryCounts: [ActorID: (Int, Actor, String)] = [:]
        scalars = Array(source.unicodeScalars)
        for found in kb.matcher.matches(in: source) {
            let title = KnowledgeBase.words(before: found.start, in: scalars)
            guard let resolved = kb.resolve(found, on: day, title: title) else { continue }
            var lo = lowerBound(starts, found.start)
            var hi = lo
            while hi < starts.count, starts[hi] < found.end { hi += 1 }
            if lo == hi {
                // The mention starts inside a token ("Belarusian-Ukrainian"): take that token.
                guard lo > 0, annotated.words[lo - 1].token.end > found.start else { continue }
                lo -= 1
                hi = lo + 1
            }
            let index = mentions.count
            mentions.append(Mention(mention: found, resolved: resolved, words: lo..<hi))
            for w in lo..<hi where wordMention[w] == nil { wordMention[w] = index }
            if resolved.actor.kind == .country, let code = resolved.code {
                let old = countryCounts[resolved.actor.id]
                countryCounts[resolved.actor.id] = ((old?.0 ?? 0) + 1, resolved.actor, code)
            }
        }
        // A capital's name that is also a town of a country the document names more often than
        // the capital's own country by its other names ("rival militias in Tripoli … the north
        // Lebanese port") is that town: its country, not the capital's government.
        var byName: [ActorID: Int] = [:]
        for m in mentions where m.resolved.form != .capital { byName[m.resolved.actor.id, default: 0] += 1 }
        for index in mentions.indices where mentions[index].resolved.form == .capital {
            let own = mentions[index].resolved.actor
            let ownByName = byName[own.id, default: 0]
            let towns = gazetteer.candidates(for: mentions[index].mention.text).filter { $0.kind == .city }
            guard
                let other = towns.compactMap({ kb.country(iso2: $0.country) }).filter({ $0.id != own.id })
                    .max(by: { (countryCounts[$0.id]?.0 ?? 0) < (countryCounts[$1.id]?.0 ?? 0) }),
                let (count, _, code) = countryCounts[other.id], count > ownByName
            else { continue }
            mentions[index].resolved.actor = other
            mentions[index].resolved.code = code
            mentions[index].resolved.role = nil
            mentions[index].resolved.form = .name
            byName[other.id, default: 0] += 1
            if let old = countryCounts[own.id] { countryCounts[own.id] = old.0 > 1 ? (old.0 - 1, old.1, old.2) : nil }
            countryCounts[other.id] = (count + 1, other, code)
        }
        // "Ethnic Albanians … in Serbia": an ethnic group is coded by the country the sentence
        // places it in (the codebook's convention, SRB for Kosovo's Albanians), not by the
        // country its name comes from.
        for index in mentions.indices where mentions[index].resolved.actor.kind == .country {
            let first = mentions[index].words.lowerBound
            guard first > 0, annotated.words[first - 1].token.form.lowercased() == "ethnic",
                let sentence = annotated.sentences.first(where: { $0.tokens.contains(first) })
            else { continue }
            let place = mentions.first { n in
                n.resolved.actor.kind == .country && n.resolved.actor.id != mentions[index].resolved.actor.id
                    && sentence.tokens.contains(n.words.lowerBound) && n.resolved.code != nil
                    && sentence.tokens.contains { annotated.words[$0].head == n.words.upperBound - 1 && annotated.words[$0].deprel == "case" && annotated.words[$0].token.form.lowercased() == "in" }
            }
            guard let place else { continue }
            mentions[index].resolved.actor = place.resolved.actor
            mentions[index].resolved.code = place.resolved.code
            mentions[index].resolved.role = nil
        }
        let ranked = countryCounts.values.sorted { $0.0 > $1.0 }
        if let first = ranked.first, first.0 >= 3, ranked.count == 1 || first.0 >= 2 * ranked[1].0 {
            focusCountry = (first.2, first.1)
        }
    }

    /// Institutions that sit in another country's capital.
    static let foreignPosts: Set<String> = ["embassy", "consulate", "mission", "delegation", "ambassador", "envoy", "correspondent"]

    /// Words whose country adjective or complement names a place, not a side ("the Thai border").
    static let borderWords: Set<String> = ["border", "frontier", "boundary", "borderline"]

    /// Gives a bare agent ("border service", "the army") its country: the one country the
    /// sentence names that the other side of the event is not ("Drone flying from Ukraine deep
    /// into Belarus shot down by border service": Belarus), else the document's focus country,
    /// else for a domestic agent (government, opposition…) the other side's country; an agent
    /// no country can be found for is dropped.
    static let domesticAgents: Set<String> = ["GOV", "OPP", "JUD", "LEG", "COP", "ELI", "REB", "REF", "CVL", "REL", "LAB", "EDU"]

    func settle(_ actors: [EventActor], against other: [EventActor], in g: SentenceGraph, scope: Int) -> [EventActor] {
        guard actors.contains(where: { $0.code?.hasPrefix("~") == true }) else { return actors }
        typealias Country = (code: String, id: ActorID, name: String)
        // The countries the sentence names, once each, in text order; those in the event's own
        // clause when it names any, so that a reporter's ("…, a spokeswoman for the U.S.
        // Embassy said") is not taken for the actors'.
        var named: [Country] = []
        let clause = Set(g.subtree(scope))
        // A country that only names a border ("on the Thai border", "the border with Chad")
        // locates the event; it is no side's country.
        let countries = mentions.filter { m in
            guard m.resolved.actor.kind == .country, g.words.contains(m.words.lowerBound) else { return false }
            guard let head = text.words[m.words.upperBound - 1].head, !m.words.contains(head) else { return true }
            return !Self.borderWords.contains(text.words[head].lemma.lowercased())
        }
        let inClause = countries.filter { clause.contains($0.words.lowerBound) }
        // A country inside the other side's phrase but not its name ("Pakistan, a key U.S. ally
        // …, has refused to deploy peacekeepers in Iraq") describes that side: it may still be
        // a domestic agent's home, but it is not the country a bare agent is taken from. (A side
        // still to be settled itself, "Algerian President …" read as a bare GOV, keeps its words.)
        var described = Set<Int>()
        for o in other where o.code?.hasPrefix("~") != true {
            let span = g.words.filter { text.words[$0].token.start >= o.start && text.words[$0].token.end <= o.end }
            for w in span where !(g.head(w).map { span.contains($0) } ?? false) { described.formUnion(g.subtree(w)) }
            described.subtract(span)
        }
        var free: [Country] = []
        for m in inClause.isEmpty ? countries : inClause {
            guard let c = m.resolved.code, c.count == 3 else { continue }
            if !named.contains(where: { $0.code == c }) { named.append((c, m.resolved.actor.id, m.resolved.actor.name)) }
            if !described.contains(m.words.lowerBound), !free.contains(where: { $0.code == c }) { free.append((c, m.resolved.actor.id, m.resolved.actor.name)) }
        }
        let taken = Set(other.compactMap { $0.code.map { String($0.prefix(3)) } })
        // With no country named, a town the sentence names (in the event's clause first) says
        // where it happens, before the document's focus does.
        var local: Country? = nil
        for town in towns.filter({ g.words.contains($0.word) }).sorted(by: { clause.contains($0.word) && !clause.contains($1.word) }) {
            guard let c = kb.country(iso2: town.country), let code = c.cameo, !taken.contains(code) else { continue }
            local = (code: code, id: c.id, name: c.name)
            break
        }
        let untaken: Country? = free.first { !taken.contains($0.code) } ?? local ?? focusCountry.map { ($0.code, $0.actor.id, $0.actor.name) }
        // Rebels, refugees, civilians, the opposition and the government act and suffer at home:
        // with no other country named, the other side's ("Sudanese government accused Darfur
        // rebels", "President Omar El Bashir … curfew imposed in Sudan").
        let home: Country? = other.first { $0.actor?.rawValue.hasPrefix("country:") == true && ($0.code?.count ?? 0) >= 3 }
            .map { (String($0.code!.prefix(3)), $0.actor!, $0.name) } ?? named.first
        return actors.compactMap { a in
            guard let code = a.code, code.hasPrefix("~") else { return a }
            let agent = String(code.dropFirst())
            guard let country = untaken ?? (Self.domesticAgents.contains(agent) ? home : nil) else { return nil }
            var settled = a
            settled.code = country.code + agent
            settled.actor = country.id
            settled.name = country.name
            return settled
        }
    }

    private func lowerBound(_ a: [Int], _ x: Int) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func slice(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }

    func mention(at word: Int) -> Mention? { wordMention[word].map { mentions[$0] } }

    static let conditions: Set<String> = ["siege", "emergency", "war", "alert", "readiness", "mourning", "affairs", "play", "health", "union"]

    /// The agent code of a nominal and the words it spans: "army", "border service" (compound
    /// + head), "air defenses", "Defense Ministry".
    func agentCode(_ g: SentenceGraph, _ h: Int) -> String? {
        let lemma = g.lemma(h)
        // "a state of siege", "state of emergency": a condition, not the state.
        if lemma == "state", g.children(h, "nmod").contains(where: { g.preposition($0) == "of" && Self.conditions.contains(g.lemma($0)) }) {
            return nil
        }
        var modifiers = g.children(h).filter { ["compound", "amod"].contains(g.deprel($0)) && $0 < h }
        modifiers.sort()
        if let last = modifiers.last, let code = agents.code(g.lemma(last) + " " + lemma) { return code }
        if let last = modifiers.last, let code = agents.code(g.lower(last) + " " + lemma) { return code }
        return agents.code(lemma) ?? agents.code(g.lower(h))
    }

    /// The actors an argument headed by `h` refers to: the named actor, a country's agent
    /// ("Belarusian army" = BLRMIL), conjoined actors, and for a thing that is not an actor,
    /// where it came from ("drone flying from Ukraine", "Ukrainian drones").
    func actors(_ g: SentenceGraph, _ h: Int, allowOrigin: Bool = true, depth: Int = 0) -> [EventActor] {
        guard depth < 4 else { return [] }
        var found: [EventActor] = []
        if let one = actor(g, h, allowOrigin: allowOrigin) { found.append(one) }
        // "Hungarian and Romanian officials": the other conjoined modifiers, with the same agent.
        if let one = found.first, let code = one.code {
            let agent = code.count > 3 && one.actor.map({ $0.rawValue.hasPrefix("country:") }) == true ? String(code.dropFirst(3)) : ""
            for c in g.children(h) where ["amod", "compound", "nmod:poss"].contains(g.deprel(c)) {
                // "US and British forces" with "British" read as the head: "US" is one of them too.
                let conjuncts = g.children(c, "conj")
                for k in conjuncts.isEmpty ? [] : [c] + conjuncts {
                    guard let m = mention(at: k), m.resolved.actor.isAgent, !found.contains(where: { $0.actor == m.resolved.actor.id }) else { continue }
                    let isCountry = m.resolved.actor.kind == .country
                    found.append(make(m, code: isCountry ? compose(m.resolved.code, agent.isEmpty ? nil : agent, kind: .country) : m.resolved.code, g: g))
                }
            }
        }
        for c in g.children(h, "conj") {
            for a in actors(g, c, allowOrigin: allowOrigin, depth: depth + 1) where !found.contains(where: { $0.code == a.code && $0.actor == a.actor }) {
                found.append(a)
            }
        }
        return found
    }

    private func make(_ m: Mention, code: String?, inferred: Bool = false, g: SentenceGraph, span: (Int, Int)? = nil) -> EventActor {
        let start = span.map { g.text.words[$0.0].token.start } ?? m.mention.start
        let end = span.map { g.text.words[$0.1].token.end } ?? m.mention.end
        let surface = span == nil ? m.mention.text : slice(start, end)
        return EventActor(
            code: code, actor: m.resolved.actor.id, name: m.resolved.actor.name, text: surface, start: start, end: end,
            inferred: inferred)
    }

    /// A domestic agent named by the region or town it belongs to: "Darfur rebels" (SDNREB),
    /// "Gaza militants". Only capitalised modifiers before the head, not themselves an actor,
    /// whose name the gazetteer places in one country.
    private func placeAgent(_ g: SentenceGraph, _ c: Int, _ h: Int, agent: String) -> EventActor? {
        guard ["compound", "amod"].contains(g.deprel(c)), c < h, Self.domesticAgents.contains(agent) || agent == "MIL" || agent == "UAF" else { return nil }
        var first = c
        while first - 1 >= g.words.lowerBound, g.head(first - 1) == c || g.head(first - 1) == h, g.deprel(first - 1) == "compound" { first -= 1 }
        guard (first...c).allSatisfy({ g.form($0).first?.isUppercase == true && mention(at: $0) == nil }) else { return nil }
        let span = g.span(first, c)
        guard let iso2 = gazetteer.soleCountry(of: slice(span.start, span.end)), let country = kb.country(iso2: iso2), let code = country.cameo, code.count == 3 else { return nil }
        let whole = g.span(first, h)
        return EventActor(code: code + agent, actor: country.id, name: country.name, text: slice(whole.start, whole.end), start: whole.start, end: whole.end, inferred: false)
    }

    /// Adds an agent code to a country's code (BLR + MIL), not to an organisation's own code.
    private func compose(_ base: String?, _ agent: String?, kind: ActorKind) -> String? {
        guard let base else { return nil }
        guard let agent, kind == .country, base.count == 3 else { return base }
        return base + agent
    }

    private func actor(_ g: SentenceGraph, _ h: Int, allowOrigin: Bool) -> EventActor? {
        // The head word itself names an actor.
        if let m = mention(at: h), m.resolved.actor.isAgent {
            return make(m, code: m.resolved.code, g: g)
        }
        var agent = agentCode(g, h)
        // A modifier names it: "Belarusian army", "Russia's forces", "the government of Belarus",
        // "Russian President Boris Yeltsin" (two levels down, through the title).
        let modifierRelations: Set<String> = ["amod", "compound", "nmod:poss", "nmod", "flat", "appos", "obl:npmod", "nmod:npmod", "nmod:desc"]
        var frontier = [h]
        for _ in 0..<2 {
            var next: [Int] = []
            for n in frontier {
                for c in g.children(n) where modifierRelations.contains(g.deprel(c)) {
                    // "the parliament in Vilnius": an institution in a capital is that country's
                    // (an embassy there is not).
                    let inCapital = n == h && agent != nil && g.preposition(c) == "in" && mention(at: c)?.resolved.form == .capital
                        && !Self.foreignPosts.contains(g.lemma(h))
                    if g.deprel(c) == "nmod", let p = g.preposition(c), p != "of", !inCapital { continue }
                    if let m = mention(at: c), m.resolved.actor.isAgent {
                        let isCountry = m.resolved.actor.kind == .country
                        let first = min(c, h), last = max(c, h)
                        var found = isCountry && agent != nil
                            ? make(m, code: compose(m.resolved.code, agent, kind: .country), g: g, span: (first, last))
                            : make(m, code: m.resolved.code, g: g)
                        found.inferred = false
                        return found
                    }
                    if let agent, let found = placeAgent(g, c, h, agent: agent) { return found }
                    if agent == nil, let a = agentCode(g, c) { agent = a }
                    next.append(c)
                }
            }
            frontier = next
        }
        if let agent {
            // A bare "border service": whose it is, ``settle(_:against:in:scope:)`` decides from the
            // sentence and the document.
            var first = h
            for c in g.children(h) where ["compound", "amod"].contains(g.deprel(c)) && c < first { first = c }
            let span = g.span(first, h)
            let surface = slice(span.start, span.end)
            return EventActor(code: "~" + agent, actor: nil, name: surface, text: surface, start: span.start, end: span.end, inferred: true)
        }
        guard allowOrigin, agent == nil else { return nil }
        // A thing, not an actor: who it belongs to or where it came from.
        for c in g.children(h) {
            let r = g.deprel(c)
            if r == "acl" || r == "acl:relcl" {
                for o in g.children(c, "obl") where g.preposition(o) == "from" {
                    if let a = actor(g, o, allowOrigin: false) { return a }
                }
            } else if r == "nmod", g.preposition(c) == "from" {
                if let a = actor(g, c, allowOrigin: false) { return a }
            }
        }
        return nil
    }
}
