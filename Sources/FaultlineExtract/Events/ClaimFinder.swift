import FaultlineKnowledge
import FaultlineText

/// Finds claims: direct quotes with the speaker and verb that introduce them ("…,” said James
/// Nixey), quotes that go on in the next sentence with no new speaker, and reported speech
/// ("Ukraine is suffering from a shortage of personnel, Nixey believes"; "According to Nixey of
/// Chatham House, the answer lies in …").
struct ClaimFinder {
    static let cueVerbs: Set<String> = StatusCues.reportingVerbs.union([
        "continue", "ask", "reply", "respond", "recall", "emphasize", "emphasise", "remark", "comment", "say",
    ]).subtracting(["report", "quote", "cite", "post", "tweet"])
    static let pronouns: Set<String> = ["he", "she", "they", "i", "we"]

    let kb: KnowledgeBase
    let day: CalendarDay

    struct Speaker {
        var actor: EventActor
        var affiliation: String?
        var affiliationActor: ActorID?
    }

    /// Quotation spans in scalars (content only, without the marks). A mark opens when it
    /// follows a space or starts the text and is followed by a non-space; it closes otherwise.
    static func quotations(_ scalars: [Unicode.Scalar]) -> [(start: Int, end: Int)] {
        var spans: [(Int, Int)] = []
        var open: [Int] = []
        let marks: Set<Unicode.Scalar> = ["\u{201C}", "\u{201D}", "\"", "\u{201E}", "\u{00AB}", "\u{00BB}"]
        for (i, s) in scalars.enumerated() where marks.contains(s) {
            let before = i > 0 ? scalars[i - 1] : " "
            let after = i + 1 < scalars.count ? scalars[i + 1] : " "
            let spaceBefore = before.properties.isWhitespace || "([—–-:".unicodeScalars.contains(before)
            let spaceAfter = after.properties.isWhitespace || ".,;:!?)".unicodeScalars.contains(after)
            let opens = s == "\u{201C}" || s == "\u{00AB}" || s == "\u{201E}" ? !spaceAfter || spaceBefore : spaceBefore && !spaceAfter
            if opens {
                open.append(i + 1)
            } else if let start = open.popLast() {
                if open.isEmpty, i - start < 4000 { spans.append((start, i)) }
            }
            if open.count > 3 { open.removeFirst() }
        }
        return spans
    }

    func claims(_ text: AnnotatedText, scalars: [Unicode.Scalar], graphs: [SentenceGraph], actors: DocumentActors) -> [ExtractedClaim] {
        var out: [ExtractedClaim] = []
        var lastSpeaker: Speaker? = nil
        var lastClaimSentence = -10
        var lastPerson: Speaker? = nil
        var quoted = Array(repeating: false, count: text.words.count)
        let starts = text.words.map(\.token.start)
        func firstWord(from offset: Int) -> Int {
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        // A quote of a few words is a term, not a claim ("balance", "priority target").
        var quotes: [(start: Int, end: Int)] = []
        for q in Self.quotations(scalars) {
            var words = 0
            var i = firstWord(from: q.start)
            let first = i
            while i < text.words.count, text.words[i].token.end <= q.end {
                if text.words[i].upos != "PUNCT" { words += 1 }
                i += 1
            }
            guard words >= 5 else { continue }
            quotes.append(q)
            for w in first..<i { quoted[w] = true }
        }
        var quoteIndex = 0
        /// Records a claim whose content is the text of `start..<end`, and remembers its speaker
        /// for the quotes and pronouns that follow.
        func record(
            _ g: SentenceGraph, _ start: Int, _ end: Int, _ s: Speaker, cue: String, cueSpan: (Int, Int), direct: Bool, continuation: Bool = false
        ) {
            out.append(
                ExtractedClaim(
                    sentence: g.index, start: start, end: end, content: String(String.UnicodeScalarView(scalars[start..<end])),
                    speaker: s.actor, affiliation: s.affiliation, affiliationActor: s.affiliationActor, cue: cue, cueStart: cueSpan.0,
                    cueEnd: cueSpan.1, direct: direct, continuation: continuation))
            lastSpeaker = s
            lastClaimSentence = g.index
        }
        for g in graphs {
            // Remember people named, for "he said".
            for w in g.words {
                if let m = actors.mention(at: w), m.resolved.actor.kind == .person, m.words.lowerBound == w {
                    lastPerson = speaker(g, w, actors: actors)
                }
            }
            let sentence = text.sentences[g.index]
            // Direct quotes that start in this sentence.
            while quoteIndex < quotes.count, quotes[quoteIndex].start < sentence.end {
                let q = quotes[quoteIndex]
                quoteIndex += 1
                guard q.start >= sentence.start - 1 else { continue }
                let outside = g.words.filter { !quoted[$0] }
                var found: (cue: Int, speaker: Speaker?)? = nil
                for w in outside where Self.cueVerbs.contains(g.lemma(w)) && (g.upos(w) == "VERB") {
                    var s: Speaker? = g.child(w, "nsubj").flatMap { speaker(g, $0, actors: actors) }
                    if let head = g.child(w, "nsubj"), Self.pronouns.contains(g.lower(head)) {
                        s = lastSpeaker ?? lastPerson
                    }
                    found = (w, s)
                    break
                }
                if found == nil {
                    for w in outside where g.preposition(w) == "according to" {
                        found = (w, speaker(g, w, actors: actors))
                        break
                    }
                }
                if let found, let s = found.speaker {
                    let cueWord = found.cue
                    let cue = g.preposition(cueWord) == "according to" ? "according to" : g.form(cueWord)
                    let cueSpan = g.preposition(cueWord) == "according to"
                        ? (g.children(cueWord).first(where: { g.deprel($0) == "case" }).map { text.words[$0].token.start } ?? text.words[cueWord].token.start, text.words[cueWord].token.start)
                        : (text.words[cueWord].token.start, text.words[cueWord].token.end)
                    record(g, q.start, q.end, s, cue: cue, cueSpan: cueSpan, direct: true)
                } else if let s = lastSpeaker, g.index - lastClaimSentence <= 1, let previous = out.last {
                    record(g, q.start, q.end, s, cue: previous.cue, cueSpan: (previous.cueStart, previous.cueEnd), direct: true, continuation: true)
                }
            }
            // Reported speech: a cue verb with a clause that is not in quotation marks.
            for w in g.words where !quoted[w] && g.upos(w) == "VERB" && Self.cueVerbs.contains(g.lemma(w)) {
                let clause: [Int]
                if let c = g.children(w, "ccomp").first {
                    clause = g.subtree(c)
                } else if g.deprel(w) == "parataxis", let root = g.head(w) {
                    let mine = Set(g.subtree(w))
                    clause = g.subtree(root).filter { !mine.contains($0) }
                } else {
                    continue
                }
                let content = clause.filter { g.upos($0) != "PUNCT" || ($0 != clause.first && $0 != clause.last) }
                guard content.count >= 3, !content.contains(where: { quoted[$0] }),
                    let subject = g.child(w, "nsubj")
                else { continue }
                var s = speaker(g, subject, actors: actors)
                if Self.pronouns.contains(g.lower(subject)) { s = lastSpeaker ?? lastPerson ?? s }
                guard let s else { continue }
                let first = content.first!, last = content.last!
                record(
                    g, text.words[first].token.start, text.words[last].token.end, s, cue: g.form(w),
                    cueSpan: (text.words[w].token.start, text.words[w].token.end), direct: false)
            }
            // "according to X" whatever the parser calls X (an oblique, or a subject when it misreads).
            for w in g.words where !quoted[w] && g.preposition(w) == "according to" && ["obl", "nsubj", "nmod", "obj", "dep"].contains(where: { g.deprel(w).hasPrefix($0) }) {
                guard var root = g.head(w), !out.contains(where: { $0.sentence == g.index && $0.cue == "according to" }) else { continue }
                // Hung on an infinitive ("Belarus may be preparing to attack …, according to X"),
                // it still reports the clause the infinitive completes.
                while g.deprel(root) == "xcomp", let h = g.head(root) { root = h }
                let mine = Set(g.subtree(w))
                let clause = g.subtree(root).filter { !mine.contains($0) && g.upos($0) != "PUNCT" }
                guard clause.count >= 3, !clause.contains(where: { quoted[$0] }), let s = speaker(g, w, actors: actors) else { continue }
                let first = clause.first!, last = clause.last!
                let case0 = g.children(w).first(where: { g.deprel($0) == "case" }) ?? w
                record(
                    g, text.words[first].token.start, text.words[last].token.end, s, cue: "according to",
                    cueSpan: (text.words[case0].token.start, text.words[w].token.start), direct: false)
            }
        }
        return out.sorted { ($0.start, $0.cueStart) < ($1.start, $1.cueStart) }
    }

    /// The speaker a nominal names: a known actor (a surname alone finds the person named in
    /// full earlier, through the matcher's aliases), else the words themselves; with what the
    /// text adds about them ("head of … at Chatham House"), else the organisation of the role
    /// the person held that day.
    func speaker(_ g: SentenceGraph, _ h: Int, actors: DocumentActors) -> Speaker? {
        var actor = actors.actors(g, h, allowOrigin: false).first
        if actor == nil {
            // Not an adverb the parser hung on the name ("… overnight, local officials said").
            let adverbs = Set(g.children(h, "advmod").flatMap { g.subtree($0) })
            let words = g.subtree(h).filter { w in
                let r = g.deprel(w)
                return !adverbs.contains(w) && (w <= h && !["punct", "case", "det", "cc"].contains(r) || (w > h && r == "flat"))
            }
            guard let first = words.first, let last = words.last else { return nil }
            let span = g.span(first, last)
            let surface = actors.slice(span.start, span.end)
            actor = EventActor(code: nil, actor: nil, name: surface, text: surface, start: span.start, end: span.end)
        }
        guard let actor else { return nil }
        var affiliation: String? = nil
        var affiliationActor: ActorID? = nil
        // What the text adds about the speaker, over all its appositions and modifiers (the
        // parser splits "head of … at the Royal Institute … in London (aka Chatham House)" in
        // several): an organisation before a country, the first of each.
        let named = g.children(h).filter { ["appos", "nmod", "parataxis"].contains(g.deprel($0)) }
            .flatMap { g.subtree($0) }.compactMap { actors.mention(at: $0) }
            .filter { ![.person, .equipment].contains($0.resolved.actor.kind) }
        if let org = named.first(where: { $0.resolved.actor.kind != .country }) ?? named.first {
            affiliationActor = org.resolved.actor.id
            affiliation = org.resolved.actor.name
        }
        if affiliationActor == nil, let id = actor.actor, let role = kb.role(of: id, on: day) {
            affiliationActor = role.holder
            affiliation = kb.actor(role.holder)?.name
        }
        return Speaker(actor: actor, affiliation: affiliation, affiliationActor: affiliationActor)
    }
}
