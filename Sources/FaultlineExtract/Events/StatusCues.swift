import FaultlineText
import Foundation

/// Decides how the text stands behind an event: it walks from the trigger up the dependency
/// tree to the root and collects the cues on the way — negation, modals, hedges, conditionals,
/// denials, reporting verbs and nouns, "according to" — with the source each attribution names.
///
/// Hedges and negation count only inside the innermost reported clause ("ISW says Russia
/// *might* attack" is hypothetical; "ISW *appears* to confirm reports that Russia is obtaining
/// weapons" is reported: the hedge is on the confirming). The attribution kept is the outermost
/// one, the source the author cites. "A said B did X" never becomes an event by A: the event is
/// B's, reported, attributed to A.
struct StatusCues {
    struct Decision {
        var status: EventStatus
        var cue: String?
        /// The words naming who the event is attributed to.
        var attribution: (head: Int, start: Int, end: Int)?
    }

    static let reportingVerbs: Set<String> = [
        "say", "tell", "report", "claim", "state", "announce", "confirm", "add", "write", "note", "explain", "argue",
        "assert", "insist", "stress", "declare", "suggest", "believe", "think", "estimate", "conclude", "indicate",
        "reveal", "quote", "cite", "allege", "accuse", "contend", "maintain", "acknowledge", "admit", "testify", "assess",
        "observe", "predict", "warn", "charge", "tweet", "post", "reiterate", "repeat", "emphasize", "emphasise",
    ]
    static let allegingVerbs: Set<String> = ["allege", "accuse", "charge", "suspect", "rumor", "rumour"]
    static let denyingVerbs: Set<String> = ["deny", "refute", "dismiss", "disavow"]
    static let reportingNouns: Set<String> = [
        "report", "claim", "statement", "allegation", "assessment", "estimate", "rumor", "rumour", "data", "footage",
        "information", "account", "evidence", "reporting", "announcement", "word",
    ]
    static let hedgeAdverbs: [String: EventStatus] = [
        "likely": .alleged, "probably": .alleged, "possibly": .hypothetical, "perhaps": .hypothetical,
        "maybe": .hypothetical, "apparently": .alleged, "reportedly": .alleged, "allegedly": .alleged,
        "presumably": .alleged, "supposedly": .alleged, "purportedly": .alleged, "potentially": .hypothetical,
        "unlikely": .hypothetical,
    ]
    static let modals: Set<String> = ["might", "may", "could", "would", "should", "must", "can"]
    /// Words that make an event a stated intention: "will support", "is willing to send",
    /// "offered to negotiate" — an event of its own in CAMEO (03, or 13 for force).
    static let intentAuxiliaries: Set<String> = ["will", "would", "shall", "'ll", "wo"]
    static let intentGovernors: Set<String> = ["willing", "ready", "prepared", "offer", "agree", "promise", "pledge", "vow", "plan", "intend", "want", "seek", "propose"]

    /// Whether the trigger is stated as an intention: a future or conditional auxiliary, or a
    /// governing "willing to", "offered to", "agreed to", within its own clause.
    static func isIntent(_ g: SentenceGraph, trigger: Int) -> Bool {
        intentAuxiliary(g, trigger: trigger) != nil || complements(g, trigger).dropFirst().contains { intentGovernors.contains(g.lemma($0)) }
    }

    /// The future auxiliary that states the trigger as an intention ("will attack", "would
    /// send"), on the trigger or a verb it completes; nil when the intention comes from a
    /// governing word ("ready to", "offered to"), which says what the subject itself wants.
    static func intentAuxiliary(_ g: SentenceGraph, trigger: Int) -> Int? {
        for n in complements(g, trigger).prefix(4) {
            if let aux = g.children(n).first(where: { g.deprel($0) == "aux" && intentAuxiliaries.contains(g.lower($0)) }) { return aux }
        }
        return nil
    }

    /// The trigger and the verbs it completes, nearest first ("preparing to attack": attack,
    /// preparing), at most five: its own clause, where an intention is stated.
    private static func complements(_ g: SentenceGraph, _ trigger: Int) -> [Int] {
        var chain = [trigger]
        while chain.count < 5, g.deprel(chain.last!) == "xcomp", let h = g.head(chain.last!) { chain.append(h) }
        return chain
    }

    /// People whose "X will …" is a forecast about X.
    static let forecasters: Set<String> = [
        "analyst", "expert", "observer", "commentator", "forecaster", "economist", "scholar", "researcher", "pundit",
        "strategist", "historian", "columnist",
    ]

    /// "Russia will attack Ukraine in spring, Western analysts said": a "will" that someone
    /// outside the act reports is their forecast of it, not the actor's stated intent or threat.
    /// Outside: the speaker resolves to another country than every party (for a hostile act the
    /// sources; for a cooperative one the targets too: a host's embassy announcing a visit has
    /// agreed to it), or is named by a forecaster's word. A speaker of the actor's own country
    /// ("the US will impose …, the State Department said"), the actor's own words, or an
    /// unresolved speaker ("officials said") keep the intention.
    static func isForecast(speaker: EventActor?, speakerWord: String, parties: [EventActor]) -> Bool {
        guard !parties.isEmpty else { return false }
        if let speaker, let code = speaker.code, !code.hasPrefix("~") {
            if parties.contains(where: { $0.start == speaker.start || (speaker.actor != nil && $0.actor == speaker.actor) }) { return false }
            let country = code.prefix(3)
            return !parties.contains { p in p.code.map { $0.prefix(3) == country } ?? true }
        }
        return forecasters.contains(speakerWord)
    }

    /// The CAMEO code of an intention to do `code`: to cooperate (03x), or for a hostile act
    /// its threat (13x, as `threatCode` gives it).
    static func intentCode(_ code: String) -> String? {
        switch code.prefix(2) {
        case "04": "036"
        case "05": "032"
        case "06": "031"
        case "07": "033"
        case "08": "035"
        case "15", "16", "17", "18", "19", "20": threatCode(code)
        default: nil
        }
    }
    /// "African states announced that they will withdraw their peacekeeping force … unless …",
    /// "The European Community may halt mediation efforts … if …, the minister said": a hostile
    /// act or a withdrawal someone is reported to promise on a condition is a threat (CAMEO 13),
    /// not the act. Unreported ("Ukraine will attack if Russia refuses" in an analyst's text), it
    /// is the writer's conditional, and stays the act, hypothetical.
    static func isConditionalThreat(_ g: SentenceGraph, trigger v: Int) -> Bool {
        guard g.upos(v) == "VERB" else { return false }
        let reports = { (w: Int) in g.upos(w) == "VERB" && reportingVerbs.contains(g.lemma(w)) }
        let reported = (g.deprel(v) == "ccomp" && g.head(v).map(reports) == true)
            || g.children(v).contains { ["parataxis", "advcl", "conj"].contains(g.deprel($0)) && reports($0) }
        return reported && g.children(v, "aux").contains { ["will", "would", "may", "might", "could", "shall", "'ll"].contains(g.lower($0)) }
            // The condition, also where the parser hung it as a complement ("may halt … if the talks fail").
            && g.children(v).contains { c in
                ["advcl", "ccomp"].contains(g.deprel(c)) && g.children(c, "mark").contains { ["if", "unless"].contains(g.lower($0)) }
            }
    }

    /// The threat of an act: CAMEO's threat code for the act's kind (sanctions 1312, halting
    /// talks 134, force 138 …), 130 for a rejection, the code itself for the rest.
    static func threatCode(_ code: String) -> String {
        switch code.prefix(2) {
        case "16": return ["161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136"][String(code.prefix(3))] ?? "131"
        case "17": return code.hasPrefix("172") ? "132" : "137"
        case "15", "18", "19", "20": return "138"
        case "14": return "133"
        case "08" where code.hasPrefix("087"): return "136"
        case "12": return "130"
        default: return code
        }
    }

    static let seemingVerbs: Set<String> = ["appear", "seem"]
    static let unrealVerbs: Set<String> = [
        "plan", "intend", "want", "expect", "hope", "aim", "prepare", "seek", "try", "attempt", "threaten", "consider",
        "propose", "wish", "plot", "vow", "pledge", "promise", "offer", "need", "fear", "urge", "call", "ask", "demand",
        "order", "risk",
    ]
    static let negatingVerbs: Set<String> = ["refrain", "fail", "decline", "avoid", "cease", "stop"]
    static let negations: Set<String> = ["not", "n't", "never", "no", "neither", "nor"]

    /// The strength order: a stronger status replaces a weaker one.
    static func rank(_ s: EventStatus) -> Int {
        switch s {
        case .asserted: 0
        case .reported: 1
        case .alleged: 2
        case .hypothetical: 3
        case .unconfirmed: 4
        case .denied: 5
        case .negated: 6
        }
    }

    /// `threat`: the trigger is a threat read from a promise on a condition, whose condition
    /// makes the act unreal but not the threat.
    static func decide(_ g: SentenceGraph, trigger: Int, intent: Bool = false, threat: Bool = false) -> Decision {
        var status = EventStatus.asserted
        var cue: String? = nil
        var attribution: (head: Int, start: Int, end: Int)? = nil
        var inside = true  // still inside the innermost reported clause
        var reported = false  // a reporting word governs the event, named source or not
        func raise(_ s: EventStatus, _ c: String) {
            if rank(s) > rank(status) {
                status = s
                cue = c
            }
        }
        func attribute(_ head: Int) {
            // The preposition, and an adverb the parser hung on the name ("… overnight, a source …").
            let marker = Set(g.children(head).filter { ["case", "advmod"].contains(g.deprel($0)) }.flatMap { g.subtree($0) })
            let words = g.subtree(head).filter { g.deprel($0) != "punct" && !marker.contains($0) }
            let first = words.first ?? head, last = words.last ?? head
            attribution = (head, g.text.words[first].token.start, g.text.words[last].token.end)
        }
        // A reporting word before the trigger with "that" or a colon between them reports the
        // trigger's clause even when the parse attached the clause elsewhere; hedges before it
        // are on the reporting, not on the event.
        var barrier = -1
        for r in g.words where r < trigger {
            let lemma = g.lemma(r)
            let reports = (g.upos(r) == "NOUN" && reportingNouns.contains(lemma)) || (g.upos(r) == "VERB" && reportingVerbs.contains(lemma))
            guard reports, (r + 1..<trigger).contains(where: { g.lower($0) == "that" || g.form($0) == ":" }) else { continue }
            barrier = r
            if let s = g.children(r).first(where: {
                g.deprel($0).hasPrefix("nsubj") || g.deprel($0) == "nmod:poss" || ["from", "by"].contains(g.preposition($0) ?? "")
            }) ?? g.children(g.head(r) ?? r).first(where: { ["from", "by"].contains(g.preposition($0) ?? "") && $0 > r }) {
                attribute(s)
            }
            if status == .asserted { cue = g.form(r) }
        }
        let path = g.path(from: trigger)
        for (k, n) in path.enumerated() {
            if n < barrier { inside = false }
            if k > 0, g.preposition(n) == "according to" {
                attribute(n)
                if status == .asserted { cue = "according to" }
            }
            let came = k > 0 ? g.deprel(path[k - 1]) : ""
            let lemma = g.lemma(n)
            if k > 0, g.upos(n) == "VERB" || g.upos(n) == "AUX" || g.upos(n) == "ADJ" {
                let clausal = came == "ccomp" || came == "xcomp" || came == "parataxis" || came == "obj" || came == "advcl"
                if clausal, denyingVerbs.contains(lemma) {
                    // "denied reports that …": denying the report denies what it reports.
                    let deniedReport = came == "obj" && reportingNouns.contains(g.lemma(path[k - 1]))
                    if inside || deniedReport { raise(.denied, g.form(n)) }
                    if let s = g.child(n, "nsubj") { attribute(s) }
                    inside = false
                } else if clausal || came == "nsubj", reportingVerbs.contains(lemma), came != "advcl" {
                    if inside, allegingVerbs.contains(lemma) { raise(.alleged, g.form(n)) }
                    if let s = g.child(n, "nsubj") ?? g.children(n, "obl:agent").first {
                        attribute(s)
                    }
                    if status == .asserted { cue = g.form(n) }
                    inside = false
                    reported = true
                }
            }
            if k > 0, g.upos(n) == "NOUN" || g.upos(n) == "PROPN", reportingNouns.contains(lemma),
                ["acl", "ccomp", "acl:relcl", "nmod", "appos"].contains(came)
            {
                if inside, lemma == "allegation" || lemma == "rumor" || lemma == "rumour" { raise(.alleged, g.form(n)) }
                if let s = g.children(n).first(where: {
                    g.deprel($0) == "nmod:poss" || (g.deprel($0) == "nmod" && ["from", "by", "of"].contains(g.preposition($0) ?? ""))
                }) {
                    attribute(s)
                }
                if status == .asserted { cue = g.form(n) }
                inside = false
                reported = true
            }
            for c in g.children(n) {
                let r = g.deprel(c), l = g.lemma(c), lower = g.lower(c)
                if k > 0, c == path[k - 1] { continue }  // the way we came
                // Whatever the parser calls it ("According to Nixey, the answer lies …" read as a subject).
                if ["obl", "advmod", "nmod", "nsubj", "obj", "dep"].contains(r), let p = g.preposition(c), p == "according to" {
                    attribute(c)
                    if status == .asserted { cue = "according to" }
                    continue
                }
                guard inside, c > barrier else { continue }
                if (r == "advmod" || r == "neg") && negations.contains(lower), k == 0 || came == "xcomp" || came == "conj" {
                    raise(.negated, g.form(c))
                } else if r == "aux", modals.contains(lower), !(k == 0 && intent && lower == "would") {
                    raise(.hypothetical, g.form(c))
                } else if r == "advmod" || r == "amod", let s = hedgeAdverbs[lower] {
                    raise(s, g.form(c))
                } else if r == "amod", l == "alleged" || l == "suspected" || l == "purported" || l == "possible" || l == "potential" {
                    raise(l == "possible" || l == "potential" ? .hypothetical : .alleged, g.form(c))
                } else if r == "mark", ["if", "unless", "whether"].contains(lower), g.deprel(n) == "advcl" || k == 0 {
                    raise(.hypothetical, g.form(c))
                } else if r == "mark", k == 0, let phrase = conditionalPhrase(g, clause: n) {
                    raise(.hypothetical, phrase)
                } else if r == "advcl", k == 0, !threat, let phrase = conditionalPhrase(g, clause: c) {
                    // "If Russia refuses, Ukraine will attack": the consequence is as unreal as its condition.
                    raise(.hypothetical, phrase)
                }
            }
            if inside, k > 0, came == "xcomp" {
                if seemingVerbs.contains(lemma) { raise(.alleged, g.form(n)) }
                if unrealVerbs.contains(lemma) { raise(.hypothetical, g.form(n)) }
                if negatingVerbs.contains(lemma) { raise(.negated, g.form(n)) }
            }
            if inside, k > 0, came == "advcl", negatingVerbs.contains(lemma) == false,
                g.children(path[k - 1]).contains(where: { g.deprel($0) == "mark" && ["if", "unless"].contains(g.lower($0)) })
            {
                raise(.hypothetical, "if")
            }
            if inside, k > 0, negatingVerbs.contains(lemma), came == "advcl" || came == "obl",
                g.children(path[k - 1]).contains(where: { g.lower($0) == "from" })
            {
                raise(.negated, g.form(n))
            }
        }
        // "…, a senior official said": a reporting verb beside the root, not above the trigger.
        if attribution == nil, let root = path.last {
            for c in g.children(root, "parataxis") where reportingVerbs.contains(g.lemma(c)) && !path.contains(c) {
                if let s = g.child(c, "nsubj") { attribute(s) }
                if status == .asserted { cue = g.form(c) }
            }
        }
        if attribution != nil || reported || barrier >= 0, status == .asserted { status = .reported }
        return Decision(status: status, cue: cue, attribution: attribution)
    }

    /// The words that make a clause a condition: its "if" or "unless", or a longer conjunction
    /// ending in its "that" ("in the event that", "on condition that", "provided that", "in case").
    static func conditionalPhrase(_ g: SentenceGraph, clause: Int) -> String? {
        let marks = g.children(clause, "mark")
        if let m = marks.first(where: { ["if", "unless"].contains(g.lower($0)) }) { return g.form(m) }
        guard let first = g.subtree(clause).min() else { return nil }
        var before: [String] = []
        var k = first - 1
        while k >= g.words.lowerBound, before.count < 3 {
            before.insert(g.lower(k), at: 0)
            k -= 1
        }
        let opening = (before + [g.lower(first)]).joined(separator: " ")
        for phrase in conditionalConjunctions where opening.hasSuffix(phrase) { return phrase }
        return nil
    }

    static let conditionalConjunctions = [
        "in the event that", "in the event of", "on condition that", "provided that", "providing that", "in case", "as long as",
        "so long as",
    ]

    /// Sentence-level cues: a question, and "not confirmed" notes, which often sit in a
    /// parenthesis the splitter may have cut off (`extra` is that following text).
    static func sentenceCue(_ sentence: String, extra: String = "") -> (EventStatus, String)? {
        let text = (sentence + " " + extra).lowercased()
        for phrase in [
            "not confirmed", "unconfirmed", "not been confirmed", "could not be verified", "cannot be verified",
            "could not be independently verified", "not independently verified", "not been verified", "no confirmation",
        ] where text.contains(phrase) {
            return (.unconfirmed, phrase)
        }
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "”\"’'»)")))
        if trimmed.hasSuffix("?") { return (.unconfirmed, "?") }
        return nil
    }

    /// A last check that no event called asserted sits in a sentence that hedges: the words
    /// whose scope the tree did not settle still keep it from being asserted.
    static func hedgeWord(_ g: SentenceGraph) -> (EventStatus, String)? {
        for w in g.words {
            let lower = g.lower(w)
            if g.upos(w) == "AUX", ["might", "may", "could", "would"].contains(lower) { return (.hypothetical, g.form(w)) }
            if let s = hedgeAdverbs[lower] { return (s, g.form(w)) }
            if lower == "alleged" || lower == "allegedly" { return (.alleged, g.form(w)) }
            if (lower == "appears" || lower == "seems" || lower == "appear" || lower == "seem"), g.upos(w) == "VERB" {
                return (.alleged, g.form(w))
            }
        }
        return nil
    }
}
