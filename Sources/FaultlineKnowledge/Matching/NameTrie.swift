/// A trie over words for many names at once: the matcher walks it from every word of the text
/// and keeps the leftmost, longest name that matches.
///
/// Node 0 is the root. Each node records the case rule of the word that leads into it and,
/// when a name ends there, the index of that name's entry (-1 otherwise).
struct NameTrie: Sendable {
    private var table = TransitionTable(expected: 1024)
    private var rules: [CaseRule] = [.any]
    private var entries: [Int32] = [-1]
    private(set) var longestName = 0

    /// A match: tokens `first..<end` of the scanned text, and the entry of the name.
    struct Match {
        var first: Int
        var end: Int
        var entry: Int32
    }

    var nodeCount: Int { entries.count }

    static let theHash = TokenScanner.tokens(of: "the")[0].hash

    /// The node reached by a name's words, created as needed; nil for a name with no words.
    mutating func node(for words: [TextToken]) -> Int32? {
        guard !words.isEmpty else { return nil }
        var node: Int32 = 0
        for word in words {
            let rule = CaseRule(nameToken: word)
            let child = table.child(of: node, word: word.hash)
            if child >= 0 {
                rules[Int(child)] = rules[Int(child)].loosest(rule)
                node = child
            } else {
                let new = Int32(entries.count)
                rules.append(rule)
                entries.append(-1)
                table.insert(node: node, word: word.hash, child: new)
                node = new
            }
        }
        longestName = max(longestName, words.count)
        return node
    }

    func entry(at node: Int32) -> Int32 { entries[Int(node)] }
    mutating func setEntry(_ entry: Int32, at node: Int32) { entries[Int(node)] = entry }

    /// The longest name starting at token `first`, if any. A name may cross spaces and joining
    /// punctuation but no other; its last word may carry a plural "s" ("F-16s").
    @inline(__always)
    func longestMatch(in tokens: UnsafeBufferPointer<TextToken>, from first: Int, checkCase: Bool = true) -> Match? {
        var node: Int32 = 0
        var best: Match? = nil
        var index = first
        while index < tokens.count {
            let token = tokens[index]
            if index > first && token.gap == .punctuation { break }
            let child = table.child(of: node, word: token.hash)
            if child >= 0 && (!checkCase || rules[Int(child)].admits(token.shape)) {
                node = child
                index += 1
                if entries[Int(child)] >= 0 { best = Match(first: first, end: index, entry: entries[Int(child)]) }
                continue
            }
            if token.pluralHash != 0 {
                let stem = table.child(of: node, word: token.pluralHash)
                if stem >= 0, entries[Int(stem)] >= 0, !checkCase || rules[Int(stem)].admits(token.shape) {
                    best = Match(first: first, end: index + 1, entry: entries[Int(stem)])
                }
            }
            break
        }
        return best
    }

    /// Every leftmost-longest, non-overlapping match in the tokens, except that a match opened
    /// by "the" yields to one from the next word that reaches as far: "The Union State" is the
    /// Union State, not "the Union" (the EU) and a stray "State"; "the Kremlin" is "Kremlin".
    func matches(in tokens: UnsafeBufferPointer<TextToken>, _ found: (Match) -> Void) {
        var index = 0
        while index < tokens.count {
            if var match = longestMatch(in: tokens, from: index) {
                if tokens[index].hash == Self.theHash, match.end - index > 1,
                    let next = longestMatch(in: tokens, from: index + 1), next.end >= match.end
                {
                    match = next
                }
                found(match)
                index = match.end
            } else {
                index += 1
            }
        }
    }
}
