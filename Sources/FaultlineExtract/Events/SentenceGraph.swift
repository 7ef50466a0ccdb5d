import FaultlineText

/// The dependency tree of one sentence of an ``AnnotatedText``, with children lists and the
/// questions event coding asks of it. Word indices are document-wide, as in the annotation.
struct SentenceGraph {
    let text: AnnotatedText
    let index: Int
    let words: Range<Int>
    private let children: [[Int]]

    init(_ text: AnnotatedText, sentence: Int) {
        self.text = text
        index = sentence
        words = text.sentences[sentence].tokens
        var children = Array(repeating: [Int](), count: words.count)
        for i in words {
            if let head = text.words[i].head, words.contains(head) { children[head - words.lowerBound].append(i) }
        }
        self.children = children
    }

    func word(_ i: Int) -> AnnotatedText.Word { text.words[i] }
    func lemma(_ i: Int) -> String { text.words[i].lemma.lowercased() }
    func form(_ i: Int) -> String { text.words[i].token.form }
    func lower(_ i: Int) -> String { text.words[i].token.form.lowercased() }
    func upos(_ i: Int) -> String { text.words[i].upos }
    func xpos(_ i: Int) -> String { text.words[i].xpos }
    func deprel(_ i: Int) -> String { text.words[i].deprel }
    func head(_ i: Int) -> Int? {
        guard let h = text.words[i].head, words.contains(h) else { return nil }
        return h
    }

    func children(_ i: Int) -> [Int] { children[i - words.lowerBound] }

    /// Children whose relation is `relation` or a subtype of it (`nsubj` finds `nsubj:pass`
    /// only when `exact` is false).
    func children(_ i: Int, _ relation: String, exact: Bool = false) -> [Int] {
        children(i).filter { c in
            let r = deprel(c)
            return r == relation || (!exact && r.hasPrefix(relation + ":"))
        }
    }

    func child(_ i: Int, _ relation: String, exact: Bool = true) -> Int? {
        let found = children(i, relation, exact: exact)
        guard relation.hasPrefix("nsubj"), found.count > 1 else { return found.first }
        // Two subjects is a misparse ("On 24 May, the ministry said" with "May" as a subject):
        // a date is never the one, nor a phrase with a preposition ("According to Nixey, the
        // answer lies …"), and of the rest the nearest to the verb is.
        var real = found.filter { !Self.isDateWord(lower($0)) && preposition($0) == nil }
        // Nor the object a subject's own clause left behind ("a member of the team trying to
        // broker | a peace pact | has said"): a phrase right after an object-less verb inside
        // another candidate's subtree.
        let strays = real.filter { c in
            guard let before = subtree(c).first.map({ $0 - 1 }), words.contains(before), upos(before) == "VERB",
                children(before, "obj").isEmpty
            else { return false }
            return real.contains { $0 != c && path(from: before).contains($0) }
        }
        if strays.count < real.count { real.removeAll { strays.contains($0) } }
        return real.min { abs($0 - i) < abs($1 - i) } ?? found.first
    }

    static let relativeDays: Set<String> = ["today", "yesterday", "tonight"]

    /// A weekday, "today" or "yesterday" (the words that stand between subject and verb in news).
    static func isDayWord(_ lower: String) -> Bool { TimexLexicon.weekdays[lower] != nil || relativeDays.contains(lower) }

    /// A month or a day word.
    static func isDateWord(_ lower: String) -> Bool { TimexLexicon.months[lower] != nil || isDayWord(lower) }

    /// The preposition (case marker) of a nominal, lowercased: "from", "according to".
    func preposition(_ i: Int) -> String? {
        guard let c = children(i).first(where: { deprel($0) == "case" }) else { return nil }
        var words = [lower(c)]
        for f in children(c) where deprel(f) == "fixed" { words.append(lower(f)) }
        return words.joined(separator: " ")
    }

    /// Whether `i` is passive: a passive subject or auxiliary, or a past participle with a "by" agent.
    func isPassive(_ i: Int) -> Bool {
        for c in children(i) {
            let r = deprel(c)
            if r == "nsubj:pass" || r == "aux:pass" || r == "obl:agent" { return true }
        }
        if xpos(i) == "VBN", deprel(i) == "acl" { return true }
        return false
    }

    /// The subtree's words, in order.
    func subtree(_ i: Int) -> [Int] {
        var out: [Int] = []
        var stack = [i]
        while let n = stack.popLast() {
            out.append(n)
            stack.append(contentsOf: children(n))
        }
        return out.sorted()
    }

    /// Every word from `i` up to the root, `i` first.
    func path(from i: Int) -> [Int] {
        var out = [i]
        var seen: Set<Int> = [i]
        var n = i
        while let h = head(n), seen.insert(h).inserted {
            out.append(h)
            n = h
        }
        return out
    }

    /// The sentence's root word.
    var root: Int? { words.first(where: { head($0) == nil && text.words[$0].head == nil }) ?? words.first }

    /// The scalar span of words `a...b`.
    func span(_ a: Int, _ b: Int) -> (start: Int, end: Int) { (text.words[a].token.start, text.words[b].token.end) }
}
