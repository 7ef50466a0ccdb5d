/// Chooses the article's blocks from a ``PageModel``.
///
/// The idea: every text block gets a value — positive for prose (long, punctuated, few
/// links), negative for link lists and short labels — and every element the sum of the
/// values below it, where a child that names itself furniture (`nav`, `aside`, a
/// `related-posts` or `share` class, a `navigation` role) counts against its parent instead of
/// for it. The article is the element with the largest sum: it holds the most prose for the
/// least furniture, and going one level higher only pays when the extra prose outweighs the
/// extra furniture. This is the maximum-weight subtree of the page, found in one pass from
/// the leaves up. Inside it, blocks are kept unless they sit in furniture, are mostly links,
/// repeat the page title, label an advertisement, or are short labels (bylines, datelines,
/// photo credits) before the article's first sentence.
///
/// The constants in ``Tuning`` sit in a flat region of the benchmark: halving or doubling
/// each one moves F1 by at most 0.006.
struct ContentSelector {
    let page: PageModel
    /// How strongly each element names itself furniture (``Furniture``).
    let furniture: [Furniture]

    /// Furniture by its own name or tag. Strong furniture (`nav`, `aside`, `footer`, a
    /// caption, a `comment` or `sidebar` class, a section whose heading says `related`) is
    /// never the article; weak furniture (`widget`, `meta`, `author`) may be, at half weight,
    /// since page builders put such words on everything.
    enum Furniture: UInt8, Comparable {
        case none, weak, strong
        static func < (a: Furniture, b: Furniture) -> Bool { a.rawValue < b.rawValue }
    }

    init(page: PageModel) {
        self.page = page
        let elements = page.elements
        var furniture = [Furniture](repeating: .none, count: elements.count)
        var inFurniture = [Bool](repeating: false, count: elements.count)
        // Which elements hold an element named as the article body (`article-body`,
        // `entry-content`, `itemprop="articleBody"`) below them.
        var holdsBody = [Bool](repeating: false, count: elements.count)
        for index in stride(from: elements.count - 1, through: 0, by: -1) {
            let element = elements[index]
            let parent = Int(element.parent)
            if parent >= 0, holdsBody[index] || element.isMarkedBody { holdsBody[parent] = true }
        }
        for (index, element) in elements.enumerated() {
            if element.kind == .furniture || element.kind == .caption {
                furniture[index] = .strong
            } else if (element.hint < 0 || element.kind == .form) && holdsBody[index] {
                // A wrapper named for what sits beside the article ("sticky-sidebar") that
                // holds the article body is no furniture.
                furniture[index] = .none
            } else if element.hint <= -3 {
                furniture[index] = .strong
            } else if element.hint < 0 || element.kind == .form {
                furniture[index] = .weak
            }
            // A section whose first element is a heading named as furniture ("related posts",
            // "comments") is that furniture.
            let parent = Int(element.parent)
            if parent >= 0, parent == index - 1, element.kind == .heading || element.kind == .heading1,
                element.hint <= -2, !holdsBody[parent]
            {
                furniture[parent] = .strong
            }
        }
        for (index, element) in elements.enumerated() {
            let parent = Int(element.parent)
            if parent >= 0 { inFurniture[index] = furniture[parent] == .strong || inFurniture[parent] }
        }
        self.furniture = furniture
        self.inFurniture = inFurniture
    }

    /// Whether an element lies inside strong furniture (a paragraph of a comment).
    let inFurniture: [Bool]

    /// The tunable numbers, kept together so each earns its place by the benchmark.
    enum Tuning {
        /// A block with at least this share of its characters in links is a link.
        static let linkDensity = 0.5
        /// Characters (non-link) from which a punctuated block reads as prose.
        static let proseChars: Int32 = 80
        /// What each character of a furniture child costs its parent.
        static let furniturePenalty = 0.7
        /// What each character of a short, unpunctuated block costs, up to `shortCap`.
        static let shortPenalty = 0.5
        static let shortCap: Int32 = 30
    }

    /// The value of one block as evidence of article text (in characters).
    func value(_ block: TextBlock) -> Double {
        let chars = Double(block.chars)
        let link = Double(block.linkChars)
        if link >= chars * Tuning.linkDensity { return -chars }
        let kind = page.elements[Int(block.element)].kind
        if kind == .heading || kind == .heading1 { return 0 }
        let text = Double(block.chars - block.linkChars)
        let prose = block.chars - block.linkChars
        if prose >= Tuning.proseChars && (block.punctuation > 0 || block.words >= 12) { return text }
        if prose >= 150 { return text * 0.7 }
        if prose >= 30 && (block.punctuation > 0 || block.words >= 6) { return text * 0.3 }
        return -Double(min(block.chars, Tuning.shortCap)) * Tuning.shortPenalty
    }

    /// Whether an element counts against the element holding it.
    func isFurniture(_ index: Int) -> Bool {
        furniture[index] != .none
    }

    /// The index of the element holding the article, or nil for a page with no prose.
    func root() -> Int? {
        rootAndScores().root
    }

    /// The root, and every element's score (for ``explain``).
    func rootAndScores() -> (root: Int?, scores: [Double]) {
        let elements = page.elements
        guard !elements.isEmpty else { return (nil, []) }
        var scores = [Double](repeating: 0, count: elements.count)
        var sums = [Double](repeating: 0, count: elements.count)
        var chars = [Double](repeating: 0, count: elements.count)
        for block in page.blocks {
            sums[Int(block.element)] += value(block)
            chars[Int(block.element)] += Double(block.chars)
        }
        // Children come after their parents in document order: one pass from the end adds
        // every element to its parent after all of its own children were added to it.
        var best: Int?
        var bestScore = 0.0
        var fallback: Int?
        var fallbackScore = 0.0
        for index in stride(from: elements.count - 1, through: 0, by: -1) {
            let element = elements[index]
            var score = sums[index]
            // A content name counts for containers; on a paragraph it would make one
            // paragraph outweigh the article around it.
            if element.hint > 0, element.kind != .paragraph {
                score *= 1 + 0.1 * Double(min(element.hint, 5))
            }
            if element.isMarkedBody, element.kind != .paragraph { score *= 1.5 }
            if furniture[index] == .weak { score *= 0.5 }
            scores[index] = score
            // Descendants come first here: on a tie the smaller element stays. Furniture
            // (a long comment, a related story) is the article only when nothing else is.
            if furniture[index] == .strong || inFurniture[index] {
                if score > fallbackScore {
                    fallback = index
                    fallbackScore = score
                }
            } else if score > bestScore {
                best = index
                bestScore = score
            }
            let parent = Int(element.parent)
            guard parent >= 0 else { continue }
            chars[parent] += chars[index]
            sums[parent] += isFurniture(index) ? -chars[index] * Tuning.furniturePenalty : sums[index]
        }
        return (best ?? fallback, scores)
    }

    /// The best candidates with their scores and names, for tuning by hand.
    func explain() -> String {
        let (root, scores) = rootAndScores()
        var lines: [String] = []
        for index in scores.indices.sorted(by: { scores[$0] > scores[$1] }).prefix(8) + (root.map { [$0] } ?? []) {
            let node = MarkupNode(pointer: page.elements[index].node)
            let label = "\(node.name) class=\(node.attribute("class") ?? "") id=\(node.attribute("id") ?? "")"
            let mark = index == root ? "*" : " "
            lines.append("\(mark) \(index) score \(Int(scores[index])) hint \(page.elements[index].hint) \(label)")
        }
        return lines.joined(separator: "\n")
    }

    /// Whether element `inner` is `outer` or below it.
    func isInside(_ inner: Int, _ outer: Int) -> Bool {
        inner >= outer && inner < Int(page.elements[outer].end)
    }

    /// The blocks of the article, in document order.
    func select(titles: [String]) -> [Int] {
        guard let root = root() else { return [] }
        let element = page.elements[root]
        let first = Int(element.firstBlock)
        let last = Int(element.blockEnd)
        // Furniture below the root, and everything inside it, is out.
        var excluded = [Bool](repeating: false, count: Int(element.end) - root)
        for index in (root + 1)..<Int(element.end) {
            let parent = Int(page.elements[index].parent) - root
            excluded[index - root] = isFurniture(index) || (parent > 0 && excluded[parent])
        }
        let normalizedTitles = titles.map(Self.normalize).filter { !$0.isEmpty }
        var kept: [Int] = []
        for index in first..<last {
            let block = page.blocks[index]
            if excluded[Int(block.element) - root] { continue }
            let kind = page.elements[Int(block.element)].kind
            if kind == .heading1 { continue }
            if block.linkChars * 2 >= block.chars && block.chars < 400 { continue }
            if kind == .heading || kept.isEmpty, !normalizedTitles.isEmpty {
                let text = Self.normalize(page.string(block))
                if normalizedTitles.contains(where: { Self.sameTitle($0, text) }) { continue }
            }
            if Self.isAdLabel(block, page) { continue }
            kept.append(index)
        }
        // Short labels before the article's first sentence (a dateline, "By admin", a photo
        // credit, a kicker) belong to the page around it. At the end, short lines are as often
        // the article's own (a sign-off, a last list item): the benchmark says trim the start only.
        // An article of short lines only keeps them all.
        if let start = kept.firstIndex(where: { value(page.blocks[$0]) >= 0 }) { kept.removeFirst(start) }
        return kept
    }

    /// Words that label an advertisement slot, in the languages of the pages we read.
    static let adLabels: Set<String> = [
        "advertisement", "advertisements", "advert", "adverts", "advertising", "ad", "ads", "sponsored",
        "sponsoredlinks", "sponsoredcontent", "anzeige", "werbung", "publicite", "publicité", "publicidad",
        "pubblicità", "pubblicita", "reklama", "реклама", "iklan", "advertentie", "mainos", "reklame",
    ]

    /// Whether a short block is an advertisement's label ("Advertisement", "Anzeige").
    static func isAdLabel(_ block: TextBlock, _ page: PageModel) -> Bool {
        guard block.chars <= 24 else { return false }
        return adLabels.contains(normalize(page.string(block)))
    }

    /// The blocks of a fragment (a feed item's content): all but furniture, since a fragment
    /// was cut from its page by its publisher already.
    func fragmentBlocks() -> [Int] {
        var excluded = [Bool](repeating: false, count: page.elements.count)
        for (index, element) in page.elements.enumerated() {
            let parent = Int(element.parent)
            excluded[index] = isFurniture(index) || (parent >= 0 && excluded[parent])
        }
        return page.blocks.indices.filter { !excluded[Int(page.blocks[$0].element)] }
    }

    /// Lowercased letters and digits only, for comparing a heading with the page title.
    static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            for byte in text.utf8 {
                if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                    bytes.append(byte)
                } else if byte >= 0x41 && byte <= 0x5A {
                    bytes.append(byte + 0x20)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars
        where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            out.append(scalar)
        }
        return String(out)
    }

    static func sameTitle(_ title: String, _ text: String) -> Bool {
        if title == text { return true }
        guard text.count >= 20 else { return false }
        let (shorter, longer) = (min(title.count, text.count), max(title.count, text.count))
        return (title.hasPrefix(text) || text.hasPrefix(title)) && shorter * 5 >= longer * 4
    }
}
