import FaultlineKnowledge
import FaultlineText

/// Headlines and list lines drop articles and auxiliaries ("Belarusian army deploys MLRS
/// Polonez squadron", "Drone … shot down by border service"), and a tagger trained on EWT
/// reads their verbs as nouns. For a line without final punctuation, the first word after a
/// nominal that reads as an inflected trigger verb is fixed as that verb, and the line is
/// re-tagged and re-parsed around it.
enum HeadlineRepair {
    /// The XPOS tags of a finite verb or modal.
    static let finiteTags: Set<String> = ["VBD", "VBZ", "VBP", "MD"]

    static let wrapper: Set<String> = ["*", "•", "-", "–", "—", "·", "▪", "\u{201C}", "\u{201D}", "\"", "'", "\u{2018}", "\u{2019}", "«", "»"]

    static func repair(_ text: inout AnnotatedText, source scalars: [Unicode.Scalar], pipeline: LanguagePipeline, lexicon: EventLexicon) {
        for (index, sentence) in text.sentences.enumerated() {
            // The line's words without its bullet and quotation marks, which the parser would
            // otherwise take for the root.
            var lower = sentence.tokens.lowerBound, upper = sentence.tokens.upperBound
            while lower < upper, wrapper.contains(text.words[lower].token.form) { lower += 1 }
            while upper > lower, wrapper.contains(text.words[upper - 1].token.form) { upper -= 1 }
            let range = lower..<upper
            guard range.count >= 3 else { continue }
            // Only lines without final punctuation: a headline, a list item, a title.
            var fixed: [Int: (upos: String, xpos: String)] = [:]
            guard ![".", "!", "?", ":", ";"].contains(text.words[range.upperBound - 1].token.form) else {
                // A sentence: a past tense read as a participle hangs off a noun as a reduced
                // relative ("Hungarian officials agreed on …" → "officials [who were] agreed"),
                // leaving the sentence without a verb or its verb without a subject.
                if let w = pastTenseReadAsParticiple(text, range) { fixed[w - range.lowerBound] = ("VERB", "VBD") }
                for w in adverbsEndingNounPhrases(text, range) + adjectivesEndingSubjects(text, range) { fixed[w - range.lowerBound] = ("NOUN", "NN") }
                if !fixed.isEmpty { reanalyse(&text, index, sentence, range, fixed, scalars, pipeline) }
                // Relabelling after any new parse, which would undo it.
                reportingConjunctsAsParataxis(&text, range)
                subjectlessTrailingAttribution(&text, range)
                strandedObjectsToTheirVerb(&text, range)
                controlledInfinitives(&text, range)
                dayWordsHeadingSubjects(&text, range)
                continue
            }
            if range.contains(where: { text.words[$0].upos == "VERB" && lexicon.hasVerb(text.words[$0].lemma.lowercased()) }) { continue }
            var previous: String? = nil
            var verb: Int? = nil
            for i in range {
                let w = text.words[i]
                defer { if w.upos != "PUNCT" { previous = w.upos } }
                guard let before = previous, ["NOUN", "PROPN", "ADJ", "PRON"].contains(before),
                    ["NOUN", "PROPN", "ADJ"].contains(w.upos)
                else { continue }
                let form = w.token.form
                let lower = form.lowercased()
                guard lower.count > 2, lower.allSatisfy({ $0.isLetter }) else { continue }
                var xpos: String
                if lower.hasSuffix("s") && !lower.hasSuffix("ss") {
                    xpos = "VBZ"
                } else {
                    let next = range.contains(i + 1) ? text.words[i + 1].token.form.lowercased() : ""
                    let after = range.contains(i + 2) ? text.words[i + 2].token.form.lowercased() : ""
                    xpos = next == "by" || after == "by" ? "VBN" : "VBD"
                }
                var lemma = pipeline.verbLemma(lower, xpos: xpos)
                if !lexicon.hasVerb(lemma), xpos == "VBD" {
                    xpos = "VBN"
                    lemma = pipeline.verbLemma(lower, xpos: xpos)
                }
                guard lexicon.hasVerb(lemma), lemma != lower || xpos == "VBZ" || xpos == "VBN" || xpos == "VBD" else { continue }
                fixed[i - range.lowerBound] = ("VERB", xpos)
                verb = i - range.lowerBound
                break
            }
            guard let verb else { continue }
            for i in range where text.words[i].upos == "VERB" {
                let form = text.words[i].token.form
                if form.count >= 2, form.allSatisfy({ $0.isUppercase || $0.isNumber }) { fixed[i - range.lowerBound] = ("PROPN", "NNP") }
            }
            // The repaired verb is the line's predicate: an earlier participle ("Drone flying
            // from Ukraine … shot down by …") must not take the root from it.
            reanalyse(&text, index, sentence, range, fixed, scalars, pipeline, root: verb)
        }
        text.entities.sort { $0.start < $1.start }
    }

    /// "…, the Czechoslovak news agency Ceteka reported from Kabul today." parsed as a second
    /// conjunct of the main verb, or "…, US officials warned." as an adverbial clause: a
    /// reporting verb with its own subject, after a comma, with no "and" or conjunction ("as",
    /// "when"), no object, and nothing after its clause, is the sentence's reporting frame (UD's
    /// parataxis), so that the event is the agency's report, not the agency's deed.
    static func reportingConjunctsAsParataxis(_ text: inout AnnotatedText, _ range: Range<Int>) {
        let end = range.last { text.words[$0].upos != "PUNCT" } ?? range.lowerBound
        for i in range where ["conj", "advcl", "advcl:relcl", "acl:relcl"].contains(text.words[i].deprel) && text.words[i].upos == "VERB" {
            guard let head = text.words[i].head, head < i, StatusCues.reportingVerbs.contains(text.words[i].lemma.lowercased()) else { continue }
            let kids = range.filter { text.words[$0].head == i }
            guard kids.contains(where: { text.words[$0].deprel.hasPrefix("nsubj") }), !kids.contains(where: { ["cc", "mark"].contains(text.words[$0].deprel) })
            else { continue }
            // An adverbial clause with a thing said or done of its own is no frame ("… since
            // September 1, when Belarusian Railways quietly added four freight paths").
            if text.words[i].deprel != "conj", kids.contains(where: { ["obj", "iobj", "ccomp", "xcomp"].contains(text.words[$0].deprel) }) { continue }
            // The verb's clause, which must run from just after a comma to the sentence's end.
            var clause: [Int] = []
            var stack = [i]
            while let n = stack.popLast(), clause.count <= range.count {
                clause.append(n)
                stack += range.filter { text.words[$0].head == n }
            }
            // The comma may follow an adverb the parser pulled into the clause ("… in the Bryansk
            // region overnight, a source … told Reuters").
            guard var first = clause.min(), let last = clause.max(), last >= end else { continue }
            while clause.contains(first), text.words[first].upos == "ADV", first + 1 < last, text.words[first + 1].token.form == "," { first += 2 }
            guard first > range.lowerBound, text.words[first - 1].token.form == "," else { continue }
            // A true relative clause has its relative word ("…, which the minister said").
            if clause.contains(where: { ["WDT", "WP", "WP$", "WRB"].contains(text.words[$0].xpos) }) { continue }
            text.words[i].deprel = "parataxis"
        }
    }

    /// "… was killed in a plane crash, Russian authorities confirmed." parsed with
    /// "authorities" conjoined to "crash" and "confirmed" modifying it: a closing comma, a noun
    /// phrase and a reporting verb with no subject of its own is the sentence's reporting frame,
    /// the noun phrase its subject.
    static func subjectlessTrailingAttribution(_ text: inout AnnotatedText, _ range: Range<Int>) {
        guard let comma = trailingAttribution(text, range), let root = range.first(where: { text.words[$0].head == nil }), root < comma,
            let v = range.first(where: { $0 > comma && text.words[$0].upos == "VERB" && StatusCues.reportingVerbs.contains(text.words[$0].lemma.lowercased()) }),
            !["parataxis", "root"].contains(text.words[v].deprel),
            !range.contains(where: { text.words[$0].head == v && text.words[$0].deprel.hasPrefix("nsubj") })
        else { return }
        let phrase = (comma + 1)..<v
        guard !phrase.isEmpty, !phrase.contains(where: { ["VERB", "AUX", "SCONJ", "CCONJ"].contains(text.words[$0].upos) || text.words[$0].token.form == "," }),
            let subject = phrase.last(where: { ["NOUN", "PROPN", "PRON"].contains(text.words[$0].upos) })
        else { return }
        text.words[v].head = root
        text.words[v].deprel = "parataxis"
        text.words[subject].head = v
        text.words[subject].deprel = "nsubj"
        text.words[comma].head = v
        for w in phrase where w != subject {
            if let h = text.words[w].head, !phrase.contains(h) { text.words[w].head = subject }
        }
    }

    /// "Zelensky urged Western allies to send more air defence systems" parsed with "to send"
    /// modifying "allies": after a verb whose object does what it asks (urge, ask, order …),
    /// the object's infinitive is the verb's open complement, whose doer is the object and
    /// which is as unreal as any request.
    static func controlledInfinitives(_ text: inout AnnotatedText, _ range: Range<Int>) {
        for v in range where text.words[v].upos == "VERB" && EventCoder.objectControl.contains(text.words[v].lemma.lowercased()) {
            // The one asked: the object, or "on" someone ("called on Lukashenko to release …").
            guard let o = range.first(where: { text.words[$0].head == v && text.words[$0].deprel == "obj" })
                ?? range.first(where: { w in
                    text.words[w].head == v && text.words[w].deprel == "obl"
                        && range.contains { text.words[$0].head == w && text.words[$0].deprel == "case" && ["on", "upon"].contains(text.words[$0].token.form.lowercased()) }
                }),
                !range.contains(where: { text.words[$0].head == v && text.words[$0].deprel == "xcomp" }),
                let c = range.first(where: {
                    $0 > o && text.words[$0].upos == "VERB"
                        && ((text.words[$0].head == o && text.words[$0].deprel == "acl") || (text.words[$0].head == v && text.words[$0].deprel == "advcl"))
                }),
                !range.contains(where: { text.words[$0].head == c && text.words[$0].deprel.hasPrefix("nsubj") })
            else { continue }
            let marked = range.contains { text.words[$0].head == c && text.words[$0].deprel == "mark" && text.words[$0].token.form.lowercased() == "to" }
            guard marked else { continue }
            text.words[c].head = v
            text.words[c].deprel = "xcomp"
        }
    }

    /// "A roadside bombing … killed one U.S. soldier and wounded two others, the military said"
    /// parsed with "killed" and "soldier" both hanging on "said": a noun phrase right after a
    /// verb that has no object, hanging on the verb's own head as a clause, is the verb's object.
    static func strandedObjectsToTheirVerb(_ text: inout AnnotatedText, _ range: Range<Int>) {
        let clausal: Set<String> = ["ccomp", "dep", "parataxis"]
        for v in range where text.words[v].upos == "VERB" {
            guard let top = text.words[v].head,
                !range.contains(where: { text.words[$0].head == v && ["obj", "ccomp", "xcomp", "nsubj:pass"].contains(text.words[$0].deprel) })
            else { continue }
            var h = v + 1
            while range.contains(h), ["DET", "NUM", "ADJ", "PROPN"].contains(text.words[h].upos) { h += 1 }
            guard range.contains(h), text.words[h].upos == "NOUN", text.words[h].head == top, clausal.contains(text.words[h].deprel),
                (v + 1..<h).allSatisfy({ text.words[$0].head.map { $0 > v && $0 <= h } ?? false })
            else { continue }
            text.words[h].head = v
            text.words[h].deprel = "obj"
        }
    }

    /// Wire copy puts the day between subject and verb ("Oxfam Canada today called on …"), and
    /// the parser reads "Oxfam Canada today" as one noun phrase headed by the day: the verb is
    /// left without a subject. The name before the day becomes the verb's subject, and the day
    /// its time.
    static func dayWordsHeadingSubjects(_ text: inout AnnotatedText, _ range: Range<Int>) {
        for d in range where SentenceGraph.relativeDays.contains(text.words[d].token.form.lowercased()) {
            guard let v = text.words[d].head, range.contains(v), v > d, text.words[v].upos == "VERB",
                !range.contains(where: { text.words[$0].head == v && text.words[$0].deprel.hasPrefix("nsubj") })
            else { continue }
            let modifiers = range.filter { $0 < d && text.words[$0].head == d && ["compound", "flat", "amod", "det", "nmod:poss"].contains(text.words[$0].deprel) }
            guard let h = modifiers.last(where: { ["PROPN", "NOUN"].contains(text.words[$0].upos) }), h == d - 1 else { continue }
            for m in modifiers where m != h { text.words[m].head = h }
            text.words[h].head = v
            text.words[h].deprel = "nsubj"
            text.words[d].deprel = "obl:tmod"
        }
    }

    /// Nouns ending in -ly that the tagger read as adverbs ("Pakistan, a key U.S. ally in the war
    /// …", "his family, …"): an adverb cannot close a noun phrase that a determiner opens, so a
    /// -ly word after a determiner and its modifiers, before a preposition or punctuation, is
    /// the phrase's noun.
    static func adverbsEndingNounPhrases(_ text: AnnotatedText, _ range: Range<Int>) -> [Int] {
        range.dropFirst().filter { i in
            let form = text.words[i].token.form.lowercased()
            return text.words[i].xpos == "RB" && form.count > 3 && form.hasSuffix("ly") && range.contains(i + 1)
                && ["ADP", "PUNCT"].contains(text.words[i + 1].upos) && closesDeterminerPhrase(text, range, i)
        }
    }

    /// Nouns the tagger read as adjectives at the end of a subject ("A top U.S. official today
    /// praised …", "the official said"): after a determiner and its modifiers, an adjective
    /// followed by a day word or a finite verb closes the noun phrase, so it is its noun.
    static func adjectivesEndingSubjects(_ text: AnnotatedText, _ range: Range<Int>) -> [Int] {
        return range.dropFirst().filter { i in
            guard text.words[i].xpos == "JJ", range.contains(i + 1) else { return false }
            let next = text.words[i + 1]
            return (finiteTags.contains(next.xpos) || SentenceGraph.isDayWord(next.token.form.lowercased())) && closesDeterminerPhrase(text, range, i)
        }
    }

    /// Word `i` follows a determiner (or a possessive) and only modifiers between: "a key U.S. —",
    /// "his —", "the top —".
    static func closesDeterminerPhrase(_ text: AnnotatedText, _ range: Range<Int>, _ i: Int) -> Bool {
        var j = i - 1
        while j > range.lowerBound, ["ADJ", "PROPN", "NOUN", "NUM"].contains(text.words[j].upos) { j -= 1 }
        return text.words[j].upos == "DET" || text.words[j].xpos == "PRP$"
    }

    /// Where a sentence's closing attribution starts: the last comma, when the words after it
    /// (none of them a comma) hold a reporting verb (", officials said", ", the agency reported").
    static func trailingAttribution(_ text: AnnotatedText, _ range: Range<Int>) -> Int? {
        guard let comma = range.last(where: { text.words[$0].token.form == "," }), comma > range.lowerBound else { return nil }
        let after = (comma + 1)..<range.upperBound
        guard after.contains(where: { text.words[$0].upos == "VERB" && StatusCues.reportingVerbs.contains(text.words[$0].lemma.lowercased()) }) else { return nil }
        return comma
    }

    /// The first participle (VBN) with no auxiliary and no "by" agent that is the root without
    /// a subject, or a reduced relative on a root noun: a simple past read wrongly.
    static func pastTenseReadAsParticiple(_ text: AnnotatedText, _ range: Range<Int>) -> Int? {
        func children(_ i: Int) -> [Int] { range.filter { text.words[$0].head == i } }
        guard let root = range.first(where: { text.words[$0].head == nil }) else { return nil }
        // A trailing attribution (", a senior Zambian official said") is not the main clause's
        // verb: "Zambia extradited …, an official said" has no finite verb of its own.
        let main = range.lowerBound..<(trailingAttribution(text, range) ?? range.upperBound)
        let noFiniteVerb = !main.contains { finiteTags.contains(text.words[$0].xpos) }
        for i in range where text.words[i].xpos == "VBN" {
            let kids = children(i)
            if kids.contains(where: { ["aux", "aux:pass", "obl:agent", "cop"].contains(text.words[$0].deprel) }) { continue }
            // "The United Nations on Tuesday reduced food supplies": the news order puts the day
            // between subject and verb, where a participle cannot stand before any finite verb.
            if i > range.lowerBound, SentenceGraph.isDayWord(text.words[i - 1].token.form.lowercased()),
                !(range.lowerBound..<i).contains(where: { finiteTags.contains(text.words[$0].xpos) })
            {
                return i
            }
            // "President Omar El Bashir on Thursday shortened …": an active subject and no
            // auxiliary make a participle impossible.
            if kids.contains(where: { text.words[$0].deprel == "nsubj" }) { return i }
            // "The Israeli army forced out … refugees …, residents said": a participle on a
            // subject of a verb that has another subject is the first subject's own verb.
            if text.words[i].deprel == "acl", let n = text.words[i].head, range.contains(n), text.words[n].deprel == "nsubj",
                let r = text.words[n].head, range.contains(where: { $0 != n && text.words[$0].head == r && text.words[$0].deprel.hasPrefix("nsubj") })
            {
                return i
            }
            if kids.contains(where: { text.words[$0].deprel.hasPrefix("nsubj") }) { continue }
            let isRoot = i == root
            let onRootNoun = text.words[i].deprel == "acl" && text.words[i].head == root && ["NOUN", "PROPN", "ADJ"].contains(text.words[root].upos)
            // "Russian President Boris Yeltsin on Saturday hosted …": no finite verb anywhere, so
            // the participle is the sentence's verb wherever the parse hung it.
            let byFollows = range.contains(i + 1) && text.words[i + 1].token.form.lowercased() == "by"
            // "Israeli tanks fired four shell bombs": a reduced relative is passive and takes no
            // direct object, so a participle on a noun with one is a simple past.
            let takesObject = text.words[i].deprel == "acl" && kids.contains { text.words[$0].deprel == "obj" }
            // "Hamas fired rockets at Israel": with no finite verb, a participle between a name
            // or noun and the noun it was read to modify is the verb between subject and object.
            let betweenNouns = text.words[i].deprel == "amod" && i > range.lowerBound
                && ["NOUN", "PROPN"].contains(text.words[i - 1].upos) && text.words[i].head.map { $0 > i } == true
            if isRoot || onRootNoun || takesObject || (noFiniteVerb && !byFollows && (text.words[i].deprel == "acl" || betweenNouns)) { return i }
        }
        return nil
    }

    static func reanalyse(
        _ text: inout AnnotatedText, _ index: Int, _ sentence: Sentence, _ range: Range<Int>, _ fixed: [Int: (upos: String, xpos: String)],
        _ scalars: [Unicode.Scalar], _ pipeline: LanguagePipeline, root: Int? = nil
    ) {
        let forms = range.map { text.words[$0].token.form }
        let analysis = pipeline.analyse(forms, fixing: fixed, root: root)
        let base = range.lowerBound
        for (k, i) in range.enumerated() {
            text.words[i].upos = analysis.upos[k]
            text.words[i].xpos = analysis.xpos[k]
            text.words[i].lemma = analysis.lemmas[k]
            text.words[i].head = analysis.heads[k] == 0 ? nil : base + analysis.heads[k] - 1
            text.words[i].deprel = analysis.deprels[k]
            text.words[i].entity = analysis.entities[k]
        }
        let root = analysis.heads.firstIndex(of: 0).map { base + $0 }
        for i in sentence.tokens where !range.contains(i) {
            text.words[i].head = root
            text.words[i].deprel = "punct"
        }
        text.entities.removeAll { $0.sentence == index }
        for span in analysis.spans {
            let start = text.words[base + span.words.lowerBound].token.start
            let end = text.words[base + span.words.upperBound - 1].token.end
            text.entities.append(
                AnnotatedText.Entity(
                    sentence: index, words: (base + span.words.lowerBound)..<(base + span.words.upperBound), type: span.type,
                    start: start, end: end, text: String(String.UnicodeScalarView(scalars[start..<end]))))
        }
    }
}
