import FaultlineText

/// One sentence of an ``AnnotatedText`` seen as a dependency tree with sentence-local indices:
/// the words' upper-case forms (as the dictionaries write them), tags, relations, children.
///
/// Invariant: `heads[i]` is nil for the root or a local index in `0..<count`, never `i` itself.
struct LocalDependencyTree: Sendable {
    /// Document index of the sentence's first word (local index 0).
    let base: Int
    let forms: [String]
    let upos: [String]
    let xpos: [String]
    let deprels: [String]
    let heads: [Int?]
    let children: [[Int]]

    init(_ text: AnnotatedText, sentence: Int) {
        let range = text.sentences[sentence].tokens
        let words = text.words[range]
        base = range.lowerBound
        forms = words.map { $0.token.form.uppercased() }
        upos = words.map(\.upos)
        xpos = words.map(\.xpos)
        // UD subtypes matter only where asked for by name (nsubj:pass, nmod:poss); keep them.
        deprels = words.map(\.deprel)
        let count = words.count
        heads = words.map { word in
            guard let head = word.head, range.contains(head) else { return nil }
            return head - range.lowerBound
        }
        var children = [[Int]](repeating: [], count: count)
        for (i, head) in heads.enumerated() {
            if let head, head != i { children[head].append(i) }
        }
        self.children = children
    }

    var count: Int { forms.count }

    /// The word and everything below it, in word order.
    func subtree(_ i: Int, excluding cut: (Int) -> Bool = { _ in false }) -> [Int] {
        var out: [Int] = []
        var stack = [i]
        var seen = Set<Int>()
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }  // a malformed tree must not loop
            out.append(next)
            for child in children[next] where !cut(child) { stack.append(child) }
        }
        return out.sorted()
    }

    /// The relation without its subtype (`nsubj:pass` → `nsubj`).
    func relation(_ i: Int) -> Substring { deprels[i].split(separator: ":").first ?? "" }

    func isVerb(_ i: Int) -> Bool { upos[i] == "VERB" || xpos[i].hasPrefix("VB") }

    func isNominal(_ i: Int) -> Bool { ["NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"].contains(upos[i]) }

    /// The words this word governs by one of `relations` (relation without subtype unless written with it).
    func dependents(_ i: Int, _ relations: Set<String>) -> [Int] {
        children[i].filter { relations.contains(deprels[$0]) || relations.contains(String(relation($0))) }
    }

    /// The preposition (`case`) a nominal carries, upper case.
    func casemarker(_ i: Int) -> String? {
        children[i].first { relation($0) == "case" }.map { forms[$0] }
    }

    /// The ancestors of a word, nearest first.
    func ancestors(_ i: Int) -> [Int] {
        var out: [Int] = []
        var current = heads[i]
        while let c = current, !out.contains(c), out.count < count {
            out.append(c)
            current = heads[c]
        }
        return out
    }

    func depth(_ i: Int) -> Int { ancestors(i).count }
}
