import FaultlineKnowledge

/// The verbs of a PETRARCH (or TABARI) verb dictionary, ready to find in a sentence, and their
/// patterns, ready to match around the verb.
///
/// A pattern is read as TABARI reads it, over the words: the part before `*` must occur before
/// the verb and the part after it after the verb, in order; a space lets other words come in
/// between, `_` does not. `&SET` matches any member of a synonym set (regular plurals added unless
/// the set's name or the member ends in `_`); `$` and `+` match an actor mention and make it the
/// source or target; `%` before the verb asks for a compound source (the event then runs between
/// its members), after it it marks a (compound) target; `^` is TABARI's skip-a-phrase, which the
/// gaps already allow. The matching pattern with the most elements wins; ties go to the first in
/// the file. Codes `+++` and `###` are TABARI's own markers, not events, so such patterns are skipped.
struct VerbPatternMatcher: Sendable {
    enum Item: Sendable, Hashable {
        case word(String)
        case synset(String)
        case source, target, compound, skip
    }

    /// A pattern element; `tight` binds it to its neighbour towards the verb (`_` in the file).
    struct Element: Sendable, Hashable {
        var item: Item
        var tight: Bool
    }

    struct Pattern: Sendable {
        var before: [Element]
        var after: [Element]
        var code: String?
        var line: Int
        var size: Int { (before + after).filter { $0.item != .skip }.count }
    }

    /// A verb entry: its words (several for `+CORDON_OFF`), which one is the verb, its block and code.
    struct Verb: Sendable {
        var words: [String]
        var verbAt: Int
        var block: Int
        var name: String
        var code: String?
    }

    /// A verb found in a sentence: the dictionary verbs it is, and its words.
    struct Found: Sendable {
        var verbs: [Int]
        var words: Range<Int>
    }

    /// What matched: the code, the mentions bound to `$`, `+` and `%`, and the pattern's line.
    struct Match: Sendable {
        var code: String?
        var source: Int?
        var target: Int?
        var compoundSource = false
        var line: Int?
    }

    let verbs: [Verb]
    /// Every surface form of every verb word → (verb, the form's words, the verb word's index).
    private let forms: [String: [(verb: Int, words: [String], verbAt: Int)]]
    private let patternsByBlock: [Int: [Pattern]]
    private let patternsByVerb: [String: [Pattern]]
    private let synsets: [String: [[String]]]

    init(_ dictionary: VerbDictionary) {
        var synsets: [String: [[String]]] = [:]
        for set in dictionary.synsets {
            let name = set.name.hasSuffix("_") ? String(set.name.dropLast()) : set.name
            let plurals = !set.name.hasSuffix("_")
            var members: [[String]] = []
            for member in set.members {
                let words = member.words.map { $0.uppercased() }
                // A member may itself be a set defined earlier (`+&TIETYPES`).
                if words.count == 1, words[0].hasPrefix("&"), let inner = synsets[words[0]] {
                    members += inner
                    continue
                }
                members.append(words)
                if plurals, !member.endsHere, let last = words.last {
                    members.append(words.dropLast() + [EnglishForms.plural(last)])
                }
            }
            synsets[name.uppercased()] = members
        }
        self.synsets = synsets

        var verbs: [Verb] = []
        var forms: [String: [(verb: Int, words: [String], verbAt: Int)]] = [:]
        for entry in dictionary.verbs {
            let (words, verbAt) = Self.verbWords(entry.phrase.text)
            guard !words.isEmpty else { continue }
            let index = verbs.count
            verbs.append(Verb(words: words, verbAt: verbAt, block: entry.block, name: entry.phrase.text.uppercased(), code: entry.code))
            var variants: [([String], Int)] = EnglishForms.verbForms(words[verbAt]).map { form in
                var w = words
                w[verbAt] = form
                return (w, verbAt)
            }
            for form in entry.forms {
                let (w, at) = Self.verbWords(form)
                if !w.isEmpty { variants.append((w, at)) }
            }
            for (w, at) in variants {
                forms[w[at], default: []].append((index, w, at))
            }
        }
        self.verbs = verbs
        self.forms = forms

        var byBlock: [Int: [Pattern]] = [:]
        var byVerb: [String: [Pattern]] = [:]
        for pattern in dictionary.patterns {
            guard let compiled = Self.compile(pattern) else { continue }
            if pattern.block > 0 {
                byBlock[pattern.block, default: []].append(compiled)
            } else {
                byVerb[pattern.verb.uppercased(), default: []].append(compiled)
            }
        }
        patternsByBlock = byBlock
        patternsByVerb = byVerb
    }

    /// `KLM_NOP_+RST` → (["KLM", "NOP", "RST"], 2): the `+` marks the verb word, else the first.
    static func verbWords(_ text: String) -> ([String], Int) {
        let parts = text.uppercased().split(whereSeparator: { $0 == "_" || $0 == " " }).map(String.init)
        let at = parts.firstIndex { $0.hasPrefix("+") } ?? 0
        return (parts.map { $0.hasPrefix("+") ? String($0.dropFirst()) : $0 }, at)
    }

    static func compile(_ pattern: DictionaryPattern) -> Pattern? {
        if let code = pattern.code, code.contains("+++") || code.contains("###") { return nil }
        // Flatten to (item, joined to the next by `_`).
        var items: [(item: Item?, joined: Bool)] = []
        for chunk in pattern.pattern.uppercased().split(separator: " ") {
            let pieces = chunk.split(separator: "_", omittingEmptySubsequences: false)
            for (k, piece) in pieces.enumerated() {
                let text = piece.filter { !"{}()".contains($0) }
                let joined = k < pieces.count - 1
                if text.isEmpty {
                    if k > 0, !items.isEmpty { items[items.count - 1].joined = joined || items[items.count - 1].joined }
                    continue
                }
                let item: Item?
                switch text {
                case "*": item = nil
                case "$": item = .source
                case "+": item = .target
                case "%": item = .compound
                case "^": item = .skip
                default: item = text.hasPrefix("&") ? .synset(String(text)) : .word(String(text))
                }
                items.append((item, joined))
            }
        }
        guard let star = items.firstIndex(where: { $0.item == nil }) else { return nil }
        let before = items[..<star].map { Element(item: $0.item!, tight: $0.joined) }
        var after: [Element] = []
        for k in (star + 1)..<items.count {
            guard let item = items[k].item else { return nil }  // two verbs: not a pattern we can read
            after.append(Element(item: item, tight: items[k - 1].joined))
        }
        return Pattern(before: before, after: after, code: pattern.code, line: pattern.line)
    }

    // MARK: - Finding verbs

    /// The dictionary verb at word `i`, if its form is one of a verb's (multi-word verbs need
    /// their other words next to it); the longest reading wins.
    func verb(at i: Int, in words: [String]) -> Found? {
        guard let candidates = forms[words[i]] else { return nil }
        var best: Found? = nil
        for candidate in candidates {
            let start = i - candidate.verbAt
            let end = start + candidate.words.count
            guard start >= 0, end <= words.count, Array(words[start..<end]) == candidate.words else { continue }
            if let b = best, b.words.count > end - start { continue }
            if let b = best, b.words.count == end - start {
                if !b.verbs.contains(candidate.verb) { best?.verbs.append(candidate.verb) }
            } else {
                best = Found(verbs: [candidate.verb], words: start..<end)
            }
        }
        return best
    }

    /// The code a found verb gives by itself: its first entry's with a code.
    func ownCode(_ found: Found) -> String? {
        found.verbs.lazy.compactMap { self.verbs[$0].code }.first
    }

    // MARK: - Matching patterns

    /// The best pattern of a found verb in `words` (post-verb elements only up to `end`), given
    /// the mentions (`$`, `+`, `%` bind to them) and whether the source is compound.
    func match(_ found: Found, words: [String], end: Int, mentions: [Range<Int>], compoundSource: Bool) -> Match? {
        var seen = Set<Int>()
        var patterns: [Pattern] = []
        for v in found.verbs {
            let verb = verbs[v]
            let list = verb.block > 0 ? patternsByBlock[verb.block] ?? [] : patternsByVerb[verb.name] ?? []
            for p in list where seen.insert(p.line).inserted { patterns.append(p) }
        }
        var best: (size: Int, match: Match)? = nil
        for pattern in patterns.sorted(by: { $0.line < $1.line }) {
            if let b = best, b.size >= pattern.size { continue }
            if pattern.before.contains(where: { $0.item == .compound }) && !compoundSource { continue }
            var bindings = Bindings()
            let context = Context(words: words, mentions: mentions, synsets: synsets)
            guard context.before(pattern.before, k: pattern.before.count - 1, limit: found.words.lowerBound, bindings: &bindings),
                context.after(pattern.after, k: 0, from: found.words.upperBound, end: min(end, words.count), bindings: &bindings)
            else { continue }
            let hasCompound = pattern.before.contains { $0.item == .compound }
            best = (
                pattern.size,
                Match(code: pattern.code, source: bindings.source, target: bindings.target, compoundSource: hasCompound, line: pattern.line)
            )
        }
        return best?.match
    }

    struct Bindings {
        var source: Int?
        var target: Int?
    }

    /// One sentence's words and mentions, for the backtracking matcher.
    private struct Context {
        let words: [String]
        let mentions: [Range<Int>]
        let synsets: [String: [[String]]]

        /// The spans an item can cover ending at `end` (before the verb), with the mention bound.
        func spans(_ item: Item, endingAt end: Int) -> [(start: Int, mention: Int?)] {
            switch item {
            case .word(let w): return words[end] == w ? [(end, nil)] : []
            case .synset(let name):
                return (synsets[name] ?? []).compactMap { m in
                    let start = end - m.count + 1
                    return start >= 0 && Array(words[start...end]) == m ? (start, nil) : nil
                }
            case .source, .target, .compound:
                return mentions.indices.filter { mentions[$0].upperBound - 1 == end }.map { (mentions[$0].lowerBound, $0) }
            case .skip: return []
            }
        }

        /// The spans an item can cover starting at `start` (after the verb).
        func spans(_ item: Item, startingAt start: Int, end: Int) -> [(end: Int, mention: Int?)] {
            switch item {
            case .word(let w): return words[start] == w ? [(start + 1, nil)] : []
            case .synset(let name):
                return (synsets[name] ?? []).compactMap { m in
                    let stop = start + m.count
                    return stop <= end && Array(words[start..<stop]) == m ? (stop, nil) : nil
                }
            case .source, .target, .compound:
                return mentions.indices.filter { mentions[$0].lowerBound == start && mentions[$0].upperBound <= end }.map {
                    (mentions[$0].upperBound, $0)
                }
            case .skip: return []
            }
        }

        func bind(_ item: Item, _ mention: Int?, _ b: inout Bindings) {
            guard let mention else { return }
            if item == .source { b.source = mention } else if item == .target || item == .compound { b.target = mention }
        }

        /// Elements `0...k` before `limit`, element `k` right before it when tight; nearest first.
        func before(_ elements: [Element], k: Int, limit: Int, bindings: inout Bindings) -> Bool {
            guard k >= 0 else { return true }
            let element = elements[k]
            if element.item == .compound {
                // `%` before the verb is a condition on the source, checked by the caller.
                return before(elements, k: k - 1, limit: limit, bindings: &bindings)
            }
            if element.item == .skip {
                // `^` skips one phrase: up to a mention among the next few words (articles and
                // adjectives come first), else one word.
                guard limit > 0 else { return false }
                let start = mentions.first { $0.upperBound <= limit && $0.upperBound >= limit - 2 }?.lowerBound ?? limit - 1
                return before(elements, k: k - 1, limit: start, bindings: &bindings)
            }
            let ends = element.tight ? [limit - 1] : Array(stride(from: limit - 1, through: 0, by: -1))
            for end in ends where end >= 0 {
                for span in spans(element.item, endingAt: end) {
                    var b = bindings
                    bind(element.item, span.mention, &b)
                    if before(elements, k: k - 1, limit: span.start, bindings: &b) {
                        bindings = b
                        return true
                    }
                }
            }
            return false
        }

        /// Elements `k...` after `from`, element `k` right at it when tight; nearest first.
        func after(_ elements: [Element], k: Int, from: Int, end: Int, bindings: inout Bindings) -> Bool {
            guard k < elements.count else { return true }
            let element = elements[k]
            if element.item == .skip {
                // `^` skips one phrase, as before the verb.
                guard from < end else { return false }
                let next = mentions.filter { $0.lowerBound >= from && $0.lowerBound <= from + 2 }.min { $0.lowerBound < $1.lowerBound }?.upperBound ?? from + 1
                return after(elements, k: k + 1, from: next, end: end, bindings: &bindings)
            }
            let starts = element.tight ? [from] : Array(from..<max(from, end))
            for start in starts where start < end {
                for span in spans(element.item, startingAt: start, end: end) {
                    var b = bindings
                    bind(element.item, span.mention, &b)
                    if after(elements, k: k + 1, from: span.end, end: end, bindings: &b) {
                        bindings = b
                        return true
                    }
                }
            }
            return false
        }
    }
}
