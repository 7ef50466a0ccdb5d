/// What an element's `class` and `id` say about it: `article-body` leans towards content,
/// `share-buttons`, `related-posts` or `cookie-banner` towards page furniture.
///
/// Every element with a class or id is scored, so matching is one pass over the attribute's
/// bytes through an Aho–Corasick automaton (built once, shared, immutable) instead of a
/// substring search per pattern. Names are lowercased, and a run of `-` and `_` reads as one
/// separator, so `article__body` (BEM), `article-body` and `article_body` are the same name;
/// white space and other punctuation separate names; camelCase `articleBody` needs its own
/// pattern.
///
/// A pattern written `=ad` matches a whole word only (`ad`, `ad-slot`, not `head` or
/// `download`), `==hidden` a whole name only (`hidden`, not `field-label-hidden`); others
/// match anywhere (`share` in `sharebar`).
struct ClassHints: Sendable {
    /// The weight of every hint pattern. Sums above zero favour content, below zero furniture;
    /// strong content names (+3) outweigh one furniture word, so `entry-content sharing-on`
    /// stays content while `comment-content` does not.
    static let patterns: [(String, Int)] = [
        // Content.
        ("article", 1), ("content", 1), ("=entry", 1), ("=post", 1), ("story", 1), ("=body", 1),
        ("=text", 1), ("=main", 1), ("=blog", 1), ("prose", 1), ("rich-text", 2), ("richtext", 2),
        ("article-body", 3), ("articlebody", 3), ("article-content", 3), ("articlecontent", 3),
        ("article-text", 3), ("articletext", 3), ("story-body", 3), ("storybody", 3), ("story-content", 3),
        ("storycontent", 3), ("story-text", 3), ("entry-content", 3), ("entrycontent", 3), ("post-content", 3),
        ("postcontent", 3), ("post-body", 3), ("postbody", 3), ("post-text", 3), ("main-content", 2),
        ("maincontent", 2), ("body-text", 2), ("bodytext", 2), ("article-main", 2), ("page-content", 1),
        ("news-text", 2), ("news-body", 2), ("text-body", 2),
        // Layout modifiers naming the sidebar next to the content, not the sidebar.
        ("has-sidebar", 3), ("no-sidebar", 3), ("with-sidebar", 3), ("sidebar-left", 3), ("sidebar-right", 3),
        ("left-sidebar", 3), ("right-sidebar", 3), ("full-width", 0),
        // Furniture.
        ("comment", -3), ("disqus", -3), ("share", -2), ("sharing", -2), ("social", -2), ("related", -3),
        ("recommend", -2), ("newsletter", -3), ("subscri", -2), ("signup", -2), ("sign-up", -2),
        ("promo", -2), ("advert", -3), ("sponsor", -2), ("cookie", -3), ("consent", -3), ("gdpr", -3),
        ("popup", -2), ("modal", -2), ("sidebar", -3), ("widget", -1), ("footer", -3), ("masthead", -2),
        ("breadcrumb", -3), ("navigation", -3), ("navbar", -3), ("=nav", -3), ("menu", -2),
        ("author-bio", -3), ("authorbio", -3), ("=bio", -2), ("byline", -2), ("=tags", -2), ("tag-list", -2),
        ("taglist", -2), ("toolbar", -2), ("outbrain", -3), ("taboola", -3), ("trending", -2), ("popular", -2),
        ("most-read", -2), ("mostread", -2), ("more-stories", -2), ("read-more", -2), ("readmore", -2),
        ("caption", -2), ("pagination", -2), ("=pager", -2), ("skip-link", -3), ("sr-only", -3),
        ("screen-reader", -3), ("visually-hidden", -3), ("visuallyhidden", -3), ("==hidden", -3), ("==hide", -3),
        ("==invisible", -3), ("=ad", -2),
        ("=ads", -2), ("ad-slot", -2), ("adslot", -2), ("ad-container", -2), ("ad-wrapper", -2), ("=dfp", -2),
        ("banner", -2), ("=login", -2), ("=meta", -1), ("timestamp", -1), ("=author", -1),
        ("=print", -1), ("=email", -1), ("carousel", -1), ("=logo", -2), ("=jump", -1), ("subnav", -3),
        ("submenu", -3), ("=alert", -1), ("=overlay", -2), ("=sticky", -1), ("=rail", -2), ("=tools", -1),
        ("=follow", -2), ("=donate", -2), ("=donation", -2), ("=shop", -1),
    ]

    /// Names that mark a byline (for the metadata's authors), besides their weight above.
    static let bylinePatterns = ["byline", "author-name", "article-author"]

    /// The weight of an element's names, and whether they name a byline.
    struct Hint {
        var weight = 0
        var byline = false
        /// A strong content name matched (`article-body`, `entry-content`: weight 3 or more).
        var namesBody = false
    }

    private static let alphabet = 39
    /// `-` and `_`: a break between the words of one name.
    private static let separator = 36
    /// White space and other ASCII punctuation: a break between two names.
    private static let space = 37
    private static let other = 38

    /// The goto table of the automaton: `next[state * alphabet + symbol]`.
    private let next: [Int32]
    /// Patterns ending at each state (through failure links), as (length, weight, wholeWord).
    private let outputs: [[(length: Int, weight: Int, boundary: Int, byline: Bool, id: Int)]]

    static let shared = ClassHints()

    /// The symbol of a byte: letters (lowercased), digits, a separator, anything else.
    @inline(__always)
    static func symbol(_ byte: UInt8) -> Int {
        switch byte {
        case 0x61...0x7A: Int(byte - 0x61)
        case 0x41...0x5A: Int(byte - 0x41)
        case 0x30...0x39: 26 + Int(byte - 0x30)
        case 0x80...0xFF: other
        case 0x2D, 0x5F: separator
        default: space
        }
    }

    private init() {
        var trie: [[Int: Int]] = [[:]]
        var ends: [[(Int, Int, Int, Bool, Int)]] = [[]]
        let all = Self.patterns.map { ($0.0, $0.1, false) } + Self.bylinePatterns.map { ($0, 0, true) }
        precondition(all.count <= 256, "the matched-pattern set holds 256 patterns")
        for (id, (raw, weight, byline)) in all.enumerated() {
            let boundary = raw.prefix(while: { $0 == "=" }).count
            let body = Array(raw.dropFirst(boundary).utf8).map(Self.symbol)
            // Invariant the match's start position relies on (collapsed `__` would shift it).
            precondition(boundary == 0 || !body.contains(Self.separator), "\(raw): a bounded pattern is one word")
            var state = 0
            for s in body {
                if let n = trie[state][s] {
                    state = n
                } else {
                    trie.append([:])
                    ends.append([])
                    trie[state][s] = trie.count - 1
                    state = trie.count - 1
                }
            }
            ends[state].append((body.count, weight, boundary, byline, id))
        }
        let count = trie.count
        var table = [Int32](repeating: 0, count: count * Self.alphabet)
        var fail = [Int](repeating: 0, count: count)
        var outputs = ends
        // Breadth-first: a state's failure link is settled before its children need it.
        var queue: [Int] = []
        for s in 0..<Self.alphabet {
            if let n = trie[0][s] {
                table[s] = Int32(n)
                queue.append(n)
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state].append(contentsOf: outputs[fail[state]])
            for s in 0..<Self.alphabet {
                if let n = trie[state][s] {
                    fail[n] = Int(table[fail[state] * Self.alphabet + s])
                    table[state * Self.alphabet + s] = Int32(n)
                    queue.append(n)
                } else {
                    table[state * Self.alphabet + s] = table[fail[state] * Self.alphabet + s]
                }
            }
        }
        self.next = table
        self.outputs = outputs.map { $0.map { (length: $0.0, weight: $0.1, boundary: $0.2, byline: $0.3, id: $0.4) } }
    }

    /// The summed weight of the hint patterns in `bytes` (a `class` or `id` value).
    func score(_ bytes: UnsafeBufferPointer<UInt8>) -> Hint {
        var state = 0
        var total = Hint()
        // Each pattern counts once: `post post-123 type-post` is one "post".
        var seen: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let n = bytes.count
        var i = 0
        var previous = -1
        while i < n {
            let s = Self.symbol(bytes[i])
            // `__` and `--` (BEM) read as one separator.
            if s == Self.separator && previous == Self.separator {
                i += 1
                continue
            }
            previous = s
            state = Int(next[state * Self.alphabet + s])
            if !outputs[state].isEmpty {
                for match in outputs[state] {
                    if match.boundary > 0 {
                        // `=`: not inside a longer word; `==`: a whole name, not part of one.
                        let limit = match.boundary == 1 ? Self.separator : Self.space
                        let start = i - match.length + 1
                        if start > 0, Self.symbol(bytes[start - 1]) < limit { continue }
                        if i + 1 < n, Self.symbol(bytes[i + 1]) < limit { continue }
                    }
                    let bit = UInt64(1) << UInt64(match.id & 63)
                    switch match.id >> 6 {
                    case 0: if seen.0 & bit != 0 { continue } else { seen.0 |= bit }
                    case 1: if seen.1 & bit != 0 { continue } else { seen.1 |= bit }
                    case 2: if seen.2 & bit != 0 { continue } else { seen.2 |= bit }
                    default: if seen.3 & bit != 0 { continue } else { seen.3 |= bit }
                    }
                    total.weight += match.weight
                    if match.byline { total.byline = true }
                    if match.weight >= 3 { total.namesBody = true }
                }
            }
            i += 1
        }
        return total
    }

    /// Scores a C string (an attribute value as libxml2 stores it).
    func score(cString: UnsafePointer<UInt8>) -> Hint {
        var length = 0
        while cString[length] != 0 && length < 4096 { length += 1 }
        return score(UnsafeBufferPointer(start: cString, count: length))
    }

    func score(_ text: String) -> Hint {
        var copy = text
        return copy.withUTF8 { score($0) }
    }
}
