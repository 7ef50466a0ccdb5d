import FaultlineKnowledge
import FaultlineText

/// Codes who-did-what-to-whom events with PETRARCH/TABARI dictionaries over Faultline's own
/// dependency parse.
///
/// For every word that is a dictionary verb (its form, or a regular form the program makes), the
/// coder takes the best verb pattern around it (see ``VerbPatternMatcher``), or the verb's own
/// code; the source is the verb's subject (through `xcomp` and `conj` to the clause that has one,
/// and through a subject pronoun to the governing clause's subject), in the passive the `by`
/// phrase; the target is the first coded phrase after the verb in its clause. Pattern markers
/// `$` and `+` override both. Compound phrases give one event per actor pair; a paired code
/// `[042:043]` gives the source→target event its first code and target→source its second.
/// Verbs deepest in the tree are coded first, and a clause that gave an event is not searched
/// again for an outer verb's target ("A said B attacked C" codes B→C, not A→C).
///
///     let coder = DictionaryEventCoder(verbs: verbs, actors: actors, agents: agents, discards: discards)
///     let text = pipeline.annotate("Arnor restored diplomatic ties with Gondor.")
///     coder.code(text, sentence: 0, on: CalendarDay(year: 1995, month: 1, day: 1))
///     // [ARN → GON 064]
public struct DictionaryEventCoder: Sendable {
    /// A coded event with where it came from.
    public struct Event: Sendable, Hashable, Codable {
        public var source: String
        public var target: String
        public var code: String
        /// Document index of the verb word.
        public var verb: Int
        /// Document word spans of the source and target phrases (nil for `---`).
        public var sourceWords: Range<Int>?
        public var targetWords: Range<Int>?
        /// The verb-dictionary line of the pattern that gave the code (nil: the verb's own code).
        public var patternLine: Int?
    }

    public struct Options: Sendable {
        /// Drop events that miss a source or a target (PETRARCH's `require_dyad`); when false the
        /// missing side is coded `---`.
        public var requireDyad: Bool

        public init(requireDyad: Bool = true) {
            self.requireDyad = requireDyad
        }
    }

    let verbs: VerbPatternMatcher
    let actors: DictionaryActorMatcher
    let discards: [DiscardListReader.Discard]

    public init(verbs: VerbDictionary, actors: [DictionaryActor], agents: [DictionaryAgent], discards: [DiscardListReader.Discard] = []) {
        self.verbs = VerbPatternMatcher(verbs)
        self.actors = DictionaryActorMatcher(actors: actors, agents: agents)
        self.discards = discards
    }

    // MARK: - Discards

    /// Whether a discard phrase occurs in the words (a phrase ending in `_` must end at a word's
    /// end, otherwise it is a stem); `storyLevel` limits the check to `+` entries.
    public func discarded(_ words: [String], storyLevel: Bool = false) -> Bool {
        let joined = " " + words.map { $0.uppercased() }.joined(separator: " ") + " "
        return discards.contains { discard in
            guard !storyLevel || discard.wholeStory else { return false }
            let phrase = " " + discard.phrase.words.map { $0.uppercased() }.joined(separator: " ")
            return joined.contains(discard.phrase.endsHere ? phrase + " " : phrase)
        }
    }

    /// Whether a story-level (`+`) discard occurs anywhere in the text.
    public func discardsStory(_ text: AnnotatedText) -> Bool {
        discarded(text.words.map(\.token.form), storyLevel: true)
    }

    // MARK: - Coding

    /// The events of one sentence of an annotated text, on the day of publication (dated actor codes).
    public func code(_ text: AnnotatedText, sentence: Int, on day: CalendarDay, options: Options = Options()) -> [Event] {
        let graph = LocalDependencyTree(text, sentence: sentence)
        guard graph.count > 0, !discarded(graph.forms) else { return [] }
        let mentions = actors.mentions(in: graph.forms, on: day)
        let phrases = NounPhraseCoder(graph: graph, mentions: mentions)

        var found: [(word: Int, verb: VerbPatternMatcher.Found)] = []
        var i = 0
        while i < graph.count {
            if Self.mayBeVerb(i, graph), let f = verbs.verb(at: i, in: graph.forms) {
                found.append((i, f))
                i = max(i + 1, f.words.upperBound)
            } else {
                i += 1
            }
        }
        // Deepest first, so an inner clause's event is known before its governor looks for a target.
        found.sort { (graph.depth($0.word), $1.word) > (graph.depth($1.word), $0.word) }

        var consumed = Set<Int>()
        var events: [Event] = []
        for (word, verb) in found {
            let made = code(verb: verb, at: word, graph: graph, phrases: phrases, consumed: consumed, options: options)
            if !made.isEmpty {
                consumed.formUnion(graph.subtree(word))
                events += made
            }
        }
        var seen = Set<String>()
        return events.filter { seen.insert("\($0.source)|\($0.target)|\($0.code)").inserted }
    }

    private struct Side {
        var codes: [String] = []
        var words: [Int] = []
        var range: Range<Int>? { words.isEmpty ? nil : words.min()!..<(words.max()! + 1) }
    }

    private func code(
        verb: VerbPatternMatcher.Found, at word: Int, graph: LocalDependencyTree, phrases: NounPhraseCoder, consumed: Set<Int>, options: Options
    ) -> [Event] {
        // The parse's source, and in the passive the `by` phrase in its place.
        var source = Side()
        var passiveSubject: Side? = nil
        let subjects = self.subjects(of: word, graph: graph)
        for group in Self.adjacentGroups(subjects, graph: graph, phrases: phrases) {
            // Subjects with nothing between them are one phrase the parse split ("Bree | Prime Minister Romendacil").
            let extra = group.dropLast().flatMap { phrases.local($0) }
            let np = phrases.codes(group.last!, extra: extra)
            source.codes += np.codes.filter { !source.codes.contains($0) }
            source.words += np.words
        }
        if subjects.isEmpty, Self.misattached(word, graph) {
            // The parse gave this verb no clause of its own: take the first coded phrase before it, as TABARI would.
            source = firstPhrase(in: Array(0..<verb.words.lowerBound), phrases: phrases, avoiding: [])
        }
        let passive =
            subjects.contains { graph.deprels[$0] == "nsubj:pass" } || graph.children[word].contains { graph.deprels[$0] == "aux:pass" }
        if passive, let agent = graph.children[word].first(where: { graph.relation($0) == "obl" && graph.casemarker($0) == "BY" }) {
            let np = phrases.codes(agent)
            if !np.codes.isEmpty {
                passiveSubject = source
                source = Side(codes: np.codes, words: np.words)
            }
        }

        // The verb's clause after the verb, without the clauses already coded.
        // A verb the parse left without dependents after it ("will abandon" read as an adverb) looks in its head's clause.
        let leaf = !graph.children[word].contains { $0 > word }
        let top = leaf ? graph.heads[word] ?? word : word
        let clause = graph.subtree(top) { child in
            ["nsubj", "csubj", "conj", "parataxis", "punct"].contains(String(graph.relation(child))) && graph.heads[child] == top
        }
        let region = clause.filter { $0 >= verb.words.upperBound && !consumed.contains($0) }
        let end = (clause.max() ?? word) + 1
        let ranges = phrases.mentions.map(\.words)

        guard
            let match = verbs.match(verb, words: graph.forms, end: end, mentions: ranges, compoundSource: source.codes.count > 1)
                ?? (verbs.ownCode(verb).map { VerbPatternMatcher.Match(code: $0) })
        else { return [] }
        guard let code = match.code else { return [] }

        var target = Side()
        if let m = match.target {
            let np = phrases.codes(phrases.phraseHead(of: phrases.head(of: phrases.mentions[m])))
            target = Side(codes: np.codes, words: np.words)
            if !Set(target.words).isDisjoint(with: source.words) {
                // `+` took the verb's own subject ("noted Cirith Ungol regretted…"): the source is the governing clause's.
                source = Side()
                for ancestor in graph.ancestors(word) where graph.isVerb(ancestor) {
                    if let s = self.subjects(of: ancestor, graph: graph).first, !Set(graph.subtree(s)).contains(word) {
                        let np = phrases.codes(s)
                        source = Side(codes: np.codes, words: np.words)
                        break
                    }
                }
            }
        } else if let passiveSubject {
            target = passiveSubject
        } else if !match.compoundSource {
            target = firstPhrase(in: region, phrases: phrases, avoiding: Set(source.words))
        }
        if let m = match.source {
            let np = phrases.codes(phrases.phraseHead(of: phrases.head(of: phrases.mentions[m])))
            source = Side(codes: np.codes, words: np.words)
        }

        let (first, second) = Self.split(code)
        var events: [Event] = []
        func add(_ s: String?, _ t: String?, _ c: String, _ sw: Range<Int>?, _ tw: Range<Int>?) {
            guard s != nil || t != nil, s != t else { return }
            guard !options.requireDyad || (s != nil && t != nil) else { return }
            events.append(
                Event(
                    source: s ?? "---", target: t ?? "---", code: c, verb: graph.base + word,
                    sourceWords: sw.map { (graph.base + $0.lowerBound)..<(graph.base + $0.upperBound) },
                    targetWords: tw.map { (graph.base + $0.lowerBound)..<(graph.base + $0.upperBound) }, patternLine: match.line))
        }
        if match.compoundSource {
            // `%`: the members of the compound source act on each other.
            for (a, s) in source.codes.enumerated() {
                for (b, t) in source.codes.enumerated() where a < b {
                    add(s, t, first, source.range, source.range)
                    add(t, s, second ?? first, source.range, source.range)
                }
            }
            return events
        }
        let sources: [String?] = source.codes.isEmpty ? [nil] : source.codes
        let targets: [String?] = target.codes.isEmpty ? [nil] : target.codes
        for s in sources {
            for t in targets {
                add(s, t, first, source.range, target.range)
                if let second, s != nil, t != nil { add(t, s, second, target.range, source.range) }
            }
        }
        return events
    }

    /// `042:043` → ("042", "043"); a plain code has no second part.
    static func split(_ code: String) -> (String, String?) {
        let parts = code.split(separator: ":", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : (code, nil)
    }

    /// The first phrase in `region` (word order) that codes to something.
    private func firstPhrase(in region: [Int], phrases: NounPhraseCoder, avoiding: Set<Int>) -> Side {
        var tried = Set<Int>()
        for w in region where !avoiding.contains(w) {
            guard let m = phrases.mentionAt[w], tried.insert(m).inserted else { continue }
            let head = phrases.phraseHead(of: phrases.head(of: phrases.mentions[m]))
            let np = phrases.codes(head)
            if !np.codes.isEmpty, Set(np.words).isDisjoint(with: avoiding) { return Side(codes: np.codes, words: np.words) }
        }
        return Side()
    }

    /// The subjects of a verb (several when the parse split a list of actors): its own, else
    /// (through `xcomp` and `conj`) its governor's; a pronoun subject stands for the subject of the
    /// clause that governs it ("Ethiopia indicated it would act").
    func subjects(of verb: Int, graph: LocalDependencyTree) -> [Int] {
        var current = verb
        for _ in 0..<graph.count {
            let own = graph.children[current].filter { ["nsubj", "csubj"].contains(String(graph.relation($0))) }
            if !own.isEmpty {
                guard own.allSatisfy({ graph.upos[$0] == "PRON" }) else { return own.filter { graph.upos[$0] != "PRON" } }
                for ancestor in graph.ancestors(current) {
                    let named = graph.children[ancestor].filter { graph.relation($0) == "nsubj" && graph.upos[$0] != "PRON" }
                    if !named.isEmpty { return named }
                }
                return own
            }
            // "Ithilen's militia vowed…" parsed as a noun with a reduced relative: a sentence needs a
            // verb, so a verb on a root noun is the main one and the noun its subject.
            if graph.relation(current) == "acl", let h = graph.heads[current], graph.heads[h] == nil,
                ["NOUN", "PROPN"].contains(graph.upos[h]), ["VBD", "VBN", "VBZ", "VBP"].contains(graph.xpos[current])
            {
                return [h]
            }
            // "Ethiopia departs from Libya" read as a compound noun: the name before it is the subject.
            if graph.upos[current] != "VERB" {
                let names = graph.children[current].filter { $0 < current && graph.relation($0) == "compound" && graph.upos[$0] == "PROPN" }
                if !names.isEmpty { return names }
            }
            guard ["xcomp", "conj"].contains(String(graph.relation(current))), let h = graph.heads[current] else { return [] }
            current = h
        }
        return []
    }

    /// Subject heads in word order, grouped when only their own words lie between them.
    static func adjacentGroups(_ subjects: [Int], graph: LocalDependencyTree, phrases: NounPhraseCoder) -> [[Int]] {
        var groups: [[Int]] = []
        for s in subjects.sorted() {
            if let last = groups.last?.last {
                let end = phrases.local(last).max() ?? last
                let start = phrases.local(s).min() ?? s
                if start == end + 1 {
                    groups[groups.count - 1].append(s)
                    continue
                }
            }
            groups.append([s])
        }
        return groups
    }

    /// Whether a dictionary verb form may be a verb here: tagged so, or standing where a verb
    /// stands (it has a subject or auxiliary, follows a modal or `to`, or is the root), since the
    /// tagger misreads verbs in these short, odd sentences ("Ethiopia departs from Libya").
    static func mayBeVerb(_ i: Int, _ graph: LocalDependencyTree) -> Bool {
        if graph.isVerb(i) { return true }
        guard graph.upos[i] != "PROPN", graph.upos[i] != "ADP", graph.upos[i] != "DET" else { return false }
        // A predicate noun ("was in an accord") or a noun after a determiner is no verb.
        if graph.children[i].contains(where: { graph.relation($0) == "cop" }) || (i > 0 && graph.upos[i - 1] == "DET") { return false }
        if graph.children[i].contains(where: { ["nsubj", "aux"].contains(String(graph.relation($0))) }) { return true }
        if i > 0, graph.upos[i - 1] == "AUX" || graph.forms[i - 1] == "TO" || graph.xpos[i - 1] == "MD" { return true }
        return graph.heads[i] == nil && graph.upos[i] == "NOUN"
    }

    /// A verb hanging from the tree by a relation no clause has (a compound, a modifier, an
    /// oblique), or a root without a subject: the parse went wrong around it.
    static func misattached(_ i: Int, _ graph: LocalDependencyTree) -> Bool {
        guard graph.heads[i] != nil else { return true }
        return !["acl", "advcl", "xcomp", "ccomp", "conj", "csubj", "parataxis"].contains(String(graph.relation(i)))
    }
}
