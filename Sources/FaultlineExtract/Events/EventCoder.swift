import FaultlineKnowledge
import FaultlineText

/// Codes the events of one sentence from its dependency tree: finds trigger verbs and nouns in
/// the lexicon, checks each entry's conditions (particle, object class, preposition,
/// complement), and fills the source and target from the arguments — subjects, objects,
/// passive "by" agents, oblique phrases, controllers of infinitives, conjoined (compound)
/// actors, and the owner or origin of a thing that is not an actor.
struct EventCoder {
    struct Coded {
        var trigger: Int
        var words: [Int]
        var code: String
        var sources: [EventActor]
        var targets: [EventActor]
    }

    let lexicon: EventLexicon

    static let targetPrepositions = ["against", "on", "upon", "at", "into", "to", "toward", "towards", "with", "over", "in", "for", "of"]
    static let nounTargetPrepositions = ["on", "against", "at", "into", "upon", "to", "toward", "towards", "with", "of", "in"]
    static let lightVerbs: Set<String> = [
        "launch", "carry", "conduct", "hold", "mount", "stage", "make", "begin", "start", "continue", "resume", "intensify",
        "step", "wage", "open", "announce", "issue", "impose", "order", "plan", "sign", "reach", "complete", "undertake",
        "perform", "deliver", "commit", "execute", "renew", "end", "continue", "take", "resort", "hold",
    ]
    /// Verbs whose "that Y must …" clause is a demand on Y.
    static let demandingVerbs = StatusCues.reportingVerbs.union(["declare", "announce", "conclude", "demand"])
    /// Verbs of going somewhere "for talks".
    static let travelVerbs: Set<String> = ["return", "travel", "arrive", "come", "go", "head", "fly", "meet", "gather", "convene", "visit", "leave"]
    /// Nouns of a message whose "that Y must …" clause is a demand on Y.
    static let messageNouns: Set<String> = ["reminder", "warning", "message", "call", "ultimatum", "demand", "appeal", "letter", "statement", "note"]
    /// Participles that read as an attitude of their subject with "be … to" ("opposed to").
    static let stativeParticiples: Set<String> = ["oppose", "commit", "dedicate", "devote"]
    static let objectControl: Set<String> = [
        "order", "urge", "ask", "force", "allow", "help", "tell", "push", "encourage", "permit", "instruct", "call",
        "persuade", "convince", "pressure", "invite", "authorize", "enable", "let", "get",
    ]

    func code(_ g: SentenceGraph, actors: DocumentActors) -> [Coded] {
        var out: [Coded] = []
        var coveredNouns: Set<Int> = []
        for v in g.words where g.upos(v) == "VERB" {
            let entries = lexicon.entries(for: g.lemma(v), noun: false)
            guard !entries.isEmpty else { continue }
            guard let (entry, frame) = match(entries, g, v, actors: actors) else { continue }
            for o in frame.objects { coveredNouns.insert(o) }
            var sources = role(entry.sourceRole, default: .subject, g, v, frame, actors: actors)
            var targets = role(entry.targetRole, default: .object, g, v, frame, actors: actors)
            if entry.targetRole == nil, targets.isEmpty, !frame.objects.isEmpty {
                // "Drone flying from Ukraine … shot down": where the thing acted on came from.
                for c in g.children(v) where ["advcl", "acl"].contains(g.deprel(c)) && g.upos(c) == "VERB" {
                    for o in g.children(c) where g.deprel(o).hasPrefix("obl") && g.preposition(o) == "from" {
                        targets += actors.actors(g, o, allowOrigin: false)
                    }
                }
            }
            if entry.targetRole == nil, targets.isEmpty {
                for p in Self.targetPrepositions {
                    targets = frame.actors(after: p, g, actors)
                    if !targets.isEmpty { break }
                }
            }
            if entry.targetRole == nil, targets.isEmpty, !sources.isEmpty {
                targets = nearestActor(g, from: v, excluding: sources, subject: frame.subject, actors: actors)
            }
            dropOverlap(&sources, &targets, g, actors, scope: v)
            guard !sources.isEmpty || !targets.isEmpty else { continue }
            var words = [v] + g.children(v, "compound:prt")
            words.sort()
            out.append(Coded(trigger: v, words: words, code: entry.code, sources: sources, targets: targets))
        }
        // "X said that Y must …": a demand by X on Y (CAMEO 10), whatever the clause then codes.
        for r in g.words where g.upos(r) == "VERB" {
            // "issued a stern reminder to Iraq that it must cooperate": the message noun's clause.
            let messages = g.children(r, "obj").filter { Self.messageNouns.contains(g.lemma($0)) }
            guard Self.demandingVerbs.contains(g.lemma(r)) || !messages.isEmpty else { continue }
            // The clause is the reporting verb's complement, or (misattached) hangs below one of
            // its phrases ("said on Tuesday that Sudan must return" with "return" on "Tuesday").
            let clauses = g.children(r, "ccomp") + (g.children(r).filter { g.deprel($0).hasPrefix("obl") } + messages).flatMap { g.children($0) }
                .filter { ["acl", "acl:relcl", "ccomp"].contains(g.deprel($0)) && g.children($0, "mark").contains { g.lower($0) == "that" } }
            guard let c = clauses.first(where: { c in g.children(c).contains { g.deprel($0) == "aux" && ["must", "should"].contains(g.lower($0)) } }),
                let speaker = subject(g, r), let addressee = g.child(c, "nsubj")
            else { continue }
            var sources = actors.actors(g, speaker)
            var targets = actors.actors(g, addressee)
            if targets.isEmpty {
                // "… to Iraq that it must …": the message's recipient.
                targets = ([r] + messages).flatMap { g.children($0) }.filter { g.preposition($0) == "to" }.flatMap { actors.actors(g, $0) }
            }
            dropOverlap(&sources, &targets, g, actors, scope: r)
            guard !sources.isEmpty else { continue }
            out.append(Coded(trigger: r, words: [r], code: "100", sources: sources, targets: targets))
        }
        for n in g.words where g.upos(n) == "NOUN" && !coveredNouns.contains(n) {
            let entries = lexicon.entries(for: g.lemma(n), noun: true)
            guard !entries.isEmpty, let (entry, frame) = match(entries, g, n, actors: actors) else { continue }
            var sources = nounSources(entry, g, n, frame, actors: actors)
            var targets = nounTargets(entry, g, n, frame, actors: actors)
            dropOverlap(&sources, &targets, g, actors, scope: n)
            guard !sources.isEmpty || !targets.isEmpty else { continue }
            var words = [n]
            var k = n - 1
            while k >= g.words.lowerBound, g.head(k) == n, g.deprel(k) == "compound", actors.mention(at: k) == nil {
                words.insert(k, at: 0)
                k -= 1
            }
            out.append(Coded(trigger: n, words: words, code: entry.code, sources: sources, targets: targets))
        }
        // "Fundamentalists went on hunger strike to demand the resignation of Y": an act done
        // for a purpose is aimed at whom the purpose is.
        for i in out.indices where out[i].targets.isEmpty && !out[i].sources.isEmpty {
            guard let purpose = out.first(where: { p in
                !p.targets.isEmpty && g.head(p.trigger) == out[i].trigger && ["acl", "advcl", "xcomp"].contains(g.deprel(p.trigger))
                    && g.children(p.trigger, "mark").contains { g.lower($0) == "to" }
            }) else { continue }
            let sources = out[i].sources
            out[i].targets = purpose.targets.filter { t in !sources.contains { (t.code != nil && $0.code == t.code) || $0.start == t.start } }
        }
        // In the order of the text, so the main clause's event comes before what it reports.
        return out.enumerated().sorted { ($0.element.trigger, $0.offset) < ($1.element.trigger, $1.offset) }.map(\.element)
    }

    /// The first actor in the predicate's own subtree, nearest first ("threatened to impose
    /// restrictions against German goods", "held their first meeting with President Obama",
    /// "demanded that the DPRK forsake …"), outside the predicate's own subject and not the
    /// source itself.
    func nearestActor(_ g: SentenceGraph, from v: Int, excluding sources: [EventActor], subject: Int?, actors: DocumentActors) -> [EventActor] {
        func isReportingFrame(_ c: Int) -> Bool { g.deprel(c) == "parataxis" && StatusCues.reportingVerbs.contains(g.lemma(c)) }
        let sourceActors = Set(sources.compactMap(\.actor))
        let sourceCodes = Set(sources.compactMap { $0.code.map { String($0.prefix(3)) } })
        let sourceFull = Set(sources.compactMap(\.code))
        // The reporter's clause ("…, the agency reported from Kabul") is no argument of the predicate.
        var frontier = g.children(v).filter { !g.deprel($0).hasPrefix("nsubj") && $0 != subject && g.deprel($0) != "punct" && !isReportingFrame($0) }
        for _ in 0..<4 {
            var next: [Int] = []
            for n in frontier.sorted() {
                // The source's own country is no target, but another of its domestic agents is
                // ("Egyptian demonstrators … calling for the removal of President Mubarak").
                let found = actors.actors(g, n, allowOrigin: false).filter { a in
                    !(a.actor.map { sourceActors.contains($0) } ?? false)
                        && !(a.code.map { c in sourceCodes.contains(String(c.prefix(3))) && (c.count == 3 || sourceFull.contains(c)) } ?? false)
                }
                if !found.isEmpty { return found }
                // Below the predicate, a clause's subject is fair game: "demanded that the DPRK forsake …".
                next += g.children(n).filter { g.deprel($0) != "punct" && !isReportingFrame($0) }
            }
            frontier = next
        }
        return []
    }

    private func dropOverlap(_ sources: inout [EventActor], _ targets: inout [EventActor], _ g: SentenceGraph, _ actors: DocumentActors, scope: Int) {
        let settledSources = actors.settle(sources, against: targets, in: g, scope: scope)
        targets = actors.settle(targets, against: settledSources, in: g, scope: scope)
        sources = settledSources
        targets.removeAll { t in sources.contains { $0.start == t.start && $0.end == t.end } }
    }

    // MARK: - Frames

    struct Frame {
        var subject: Int?
        /// Direct objects (a passive's subject; a noun's "of" complement).
        var objects: [Int] = []
        var obliques: [(preposition: String, word: Int)] = []
        var complements: [Int] = []
        var particles: [String] = []
        var modifiers: [Int] = []

        /// The actors of the oblique phrases with this preposition. A capital after "in" or "at"
        /// is where it happened ("signed a trade agreement in Beijing"), not the government it
        /// stands for elsewhere.
        func actors(after preposition: String, _ g: SentenceGraph, _ actors: DocumentActors) -> [EventActor] {
            let locative = preposition == "in" || preposition == "at"
            return obliques.filter { o in
                o.preposition == preposition && !(locative && actors.mention(at: o.word)?.resolved.form == .capital)
            }.flatMap { actors.actors(g, $0.word) }
        }
    }

    private func frame(_ g: SentenceGraph, _ w: Int) -> Frame {
        var f = Frame()
        var passive = g.isPassive(w)
        let isNoun = g.upos(w) == "NOUN"
        // "Israel is opposed to French mediation": a stative participle whose subject holds the
        // attitude; the "to" phrase is what it is held about.
        var stative: Int?
        if passive, Self.stativeParticiples.contains(g.lemma(w)), let s = g.child(w, "nsubj:pass"),
            !g.children(w).contains(where: { g.deprel($0) == "obl:agent" || g.preposition($0) == "by" }),
            g.children(w).contains(where: { g.deprel($0).hasPrefix("obl") && g.preposition($0) == "to" })
        {
            stative = s
            passive = false
        }
        for c in g.children(w) {
            var r = g.deprel(c)
            // A nominal with a preposition is oblique whatever its label ("into Belarus" is not a subject).
            if ["nsubj", "nsubj:pass", "obj", "iobj"].contains(r), g.preposition(c) != nil { r = "obl" }
            switch r {
            case "obj", "iobj":
                f.objects.append(c)
            case "nsubj:pass":
                if c != stative { f.objects.append(c) }
            case "compound:prt":
                f.particles.append(g.lower(c))
            case "xcomp":
                f.complements.append(c)
            case "amod", "compound":
                f.modifiers.append(c)
            case "obl", "obl:agent", "obl:tmod", "obl:npmod", "nmod", "advmod", "advcl":
                if let p = g.preposition(c) {
                    if (isNoun && p == "of") || (stative != nil && p == "to") {
                        f.objects.append(c)
                    } else {
                        f.obliques.append((p, c))
                    }
                } else if r == "advmod", ["down", "up", "off", "out"].contains(g.lower(c)) {
                    f.particles.append(g.lower(c))
                }
            default: break
            }
        }
        // A noun conjoined to a verb that has an object is the object's conjunct, misattached
        // ("obtaining weapons, supplies, and other equipment from Belarus").
        if !isNoun, !f.objects.isEmpty {
            f.objects += g.children(w, "conj").filter { ["NOUN", "PROPN"].contains(g.upos($0)) && g.child($0, "nsubj") == nil }
        }
        // "from" and "to" phrases often attach to the object ("extracting ammunition from bases").
        for o in f.objects + f.objects.flatMap({ g.children($0, "conj") }) {
            for c in g.children(o) where ["nmod", "acl", "obl"].contains(g.deprel(c)) {
                if let p = g.preposition(c), p != "of" { f.obliques.append((p, c)) }
            }
        }
        if passive, f.objects.isEmpty, g.deprel(w) == "acl", let h = g.head(w) { f.objects.append(h) }
        if !isNoun { f.subject = stative ?? subject(g, w) }
        return f
    }

    /// The agent of a verb: its subject, a passive's "by" phrase, an infinitive's controller,
    /// a conjoined verb's subject, a participle's noun.
    func subject(_ g: SentenceGraph, _ v: Int, depth: Int = 0) -> Int? {
        guard depth < 6 else { return nil }
        if g.isPassive(v) {
            if let agent = g.children(v).first(where: {
                g.deprel($0) == "obl:agent" || (g.deprel($0).hasPrefix("obl") && g.preposition($0) == "by")
            }) {
                return agent
            }
            return nil
        }
        // "it is willing to withdraw" with "it" read as an expletive: still the subject.
        if let s = g.child(v, "nsubj") ?? g.children(v, "expl").first(where: { ["it", "they"].contains(g.lower($0)) }) {
            if g.upos(s) == "PRON", ["who", "which", "that"].contains(g.lower(s)), let h = g.head(v) { return h }
            // "Hungary has said it will support …": a pronoun subject is the reporting clause's subject.
            if g.upos(s) == "PRON", ["it", "they", "he", "she", "we"].contains(g.lower(s)) {
                var n = v
                while let h = g.head(n), ["ccomp", "xcomp", "advcl", "conj", "parataxis"].contains(g.deprel(n)) {
                    // "Ukraine refused to withdraw … like he requested": a clause with its own
                    // conjunction (like, because, after …) names someone else as often as not.
                    if g.deprel(n) == "advcl", g.children(n, "mark").contains(where: { g.lower($0) != "to" }) { break }
                    if let other = g.child(h, "nsubj"), g.upos(other) != "PRON" { return other }
                    n = h
                }
            }
            return s
        }
        guard let h = g.head(v) else { return nil }
        switch g.deprel(v) {
        case "xcomp":
            if Self.objectControl.contains(g.lemma(h)), let o = g.child(h, "obj")
                ?? g.children(h).first(where: { g.deprel($0) == "obl" && ["on", "upon"].contains(g.preposition($0) ?? "") })
            {
                return o
            }
            return subject(g, h, depth: depth + 1)
        case "conj", "advcl":
            return g.upos(h) == "VERB" || g.upos(h) == "AUX" ? subject(g, h, depth: depth + 1) : nil
        case "acl", "acl:relcl":
            return h
        default:
            return nil
        }
    }

    private func match(_ entries: [EventLexicon.Entry], _ g: SentenceGraph, _ w: Int, actors: DocumentActors) -> (EventLexicon.Entry, Frame)? {
        let f = frame(g, w)
        for entry in entries where entry.conditions.allSatisfy({ holds($0, g, f, actors) }) {
            return (entry, f)
        }
        return nil
    }

    private func holds(_ condition: EventLexicon.Condition, _ g: SentenceGraph, _ f: Frame, _ actors: DocumentActors) -> Bool {
        switch condition {
        case .particle(let p):
            return f.particles.contains(p)
        case .preposition(let p):
            return f.obliques.contains { $0.preposition == p }
        case .object(let set):
            if case .actor = set { return f.objects.contains { !actors.actors(g, $0, allowOrigin: false).isEmpty } }
            return f.objects.contains { o in set.contains(g.lemma(o)) || g.children(o, "conj").contains { set.contains(g.lemma($0)) } }
        case .complement(let set):
            return f.complements.contains { set.contains(g.lemma($0)) }
        case .modifier(let set):
            return f.modifiers.contains { set.contains(g.lemma($0)) || set.contains(g.lower($0)) }
        case .agent(let agent):
            guard let s = f.subject else { return false }
            return actors.actors(g, s).contains { $0.code?.dropFirst(3).hasPrefix(agent) == true }
        }
    }

    private func role(
        _ roles: [EventLexicon.Role]?, default fallback: EventLexicon.Role, _ g: SentenceGraph, _ v: Int, _ f: Frame,
        actors: DocumentActors
    ) -> [EventActor] {
        for role in roles ?? [fallback] {
            let found = role1(role, g, v, f, actors: actors)
            if !found.isEmpty { return found }
        }
        return []
    }

    private func role1(_ role: EventLexicon.Role, _ g: SentenceGraph, _ v: Int, _ f: Frame, actors: DocumentActors) -> [EventActor] {
        switch role {
        case .subject:
            if let s = f.subject {
                let found = actors.actors(g, s)
                if !found.isEmpty { return found }
            }
            // "Fundamentalists continued their hunger strike to demand …": the purpose clause of
            // a thing done is its doer's.
            if g.deprel(v) == "acl", g.children(v, "mark").contains(where: { g.lower($0) == "to" }), let n = g.head(v),
                g.upos(n) == "NOUN", g.deprel(n) == "obj", let h = g.head(n), g.upos(h) == "VERB", let s = subject(g, h)
            {
                return actors.actors(g, s)
            }
            return []
        case .object:
            return f.objects.flatMap { actors.actors(g, $0) }
        case .preposition(let p):
            return f.actors(after: p, g, actors)
        }
    }

    // MARK: - Nominal triggers

    private func nounSources(_ entry: EventLexicon.Entry, _ g: SentenceGraph, _ n: Int, _ f: Frame, actors: DocumentActors) -> [EventActor] {
        for r in entry.sourceRole ?? [] {
            guard case .preposition(let p) = r else { continue }
            let found = f.actors(after: p, g, actors)
            if !found.isEmpty { return found }
        }
        // "Russia's attack", "a Russian attack", "attacks by Russia", "drone attacks from Lithuania".
        for c in g.children(n) {
            let r = g.deprel(c)
            if r == "nmod:poss" || r == "amod" || (r == "compound" && actors.mention(at: c)?.resolved.actor.isAgent == true) {
                let found = actors.actors(g, c, allowOrigin: false)
                if !found.isEmpty { return found }
            }
        }
        for p in ["by", "from"] {
            let found = f.actors(after: p, g, actors)
            if !found.isEmpty { return found }
        }
        // "Russia launched an attack": the light verb's subject; "negotiators return to Geneva
        // for talks": the traveller's.
        if let h = g.head(n), let s = subject(g, h),
            ((g.deprel(n) == "obj" || g.deprel(n) == "nsubj:pass") && Self.lightVerbs.contains(g.lemma(h)))
                || (g.deprel(n).hasPrefix("obl") && g.preposition(n) == "for" && Self.travelVerbs.contains(g.lemma(h)))
        {
            return actors.actors(g, s)
        }
        return []
    }

    private func nounTargets(_ entry: EventLexicon.Entry, _ g: SentenceGraph, _ n: Int, _ f: Frame, actors: DocumentActors) -> [EventActor] {
        if let roles = entry.targetRole {
            for r in roles {
                guard case .preposition(let p) = r else { continue }
                let found = f.actors(after: p, g, actors)
                if !found.isEmpty { return found }
            }
            return []
        }
        for p in Self.nounTargetPrepositions {
            let found = f.actors(after: p, g, actors)
            if !found.isEmpty { return found }
        }
        return f.objects.flatMap { actors.actors(g, $0) }
    }
}
