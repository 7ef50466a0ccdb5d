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
/// repeat the page title, or are the short labels around an article (bylines, dates,
/// "Advertisement") at its edges.
struct ContentSelector {
    let page: PageModel

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
        if prose >= Tuning.proseChars && block.punctuation > 0 { return text }
        if prose >= 150 { return text * 0.7 }
        if prose >= 40 && block.punctuation > 0 { return text * 0.5 }
        return -Double(min(block.chars, Tuning.shortCap)) * Tuning.shortPenalty
    }

    /// Whether an element counts against the element holding it.
    func isFurniture(_ element: PageElement) -> Bool {
        element.hint < 0 || element.kind == .furniture || element.kind == .caption
    }

    /// The index of the element holding the article, or nil for a page with no prose.
    func root() -> Int? {
        let elements = page.elements
        guard !elements.isEmpty else { return nil }
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
        for index in stride(from: elements.count - 1, through: 0, by: -1) {
            let element = elements[index]
            var score = sums[index]
            if element.hint > 0 { score *= 1 + 0.1 * Double(min(element.hint, 5)) }
            if element.isMarkedBody { score *= 1.5 }
            if isFurniture(element) { score *= 0.5 }
            // Descendants come first here: on a tie the smaller element stays.
            if score > bestScore {
                best = index
                bestScore = score
            }
            let parent = Int(element.parent)
            guard parent >= 0 else { continue }
            chars[parent] += chars[index]
            sums[parent] += isFurniture(element) ? -chars[index] * Tuning.furniturePenalty : sums[index]
        }
        return best
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
            let e = page.elements[index]
            let parent = Int(e.parent) - root
            excluded[index - root] = isFurniture(e) || (parent > 0 && excluded[parent])
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
            kept.append(index)
        }
        return kept
    }

    /// The blocks of a fragment (a feed item's content): all but furniture, since a fragment
    /// was cut from its page by its publisher already.
    func fragmentBlocks() -> [Int] {
        var excluded = [Bool](repeating: false, count: page.elements.count)
        for (index, element) in page.elements.enumerated() {
            let parent = Int(element.parent)
            excluded[index] = isFurniture(element) || (parent >= 0 && excluded[parent])
        }
        return page.blocks.indices.filter { !excluded[Int(page.blocks[$0].element)] }
    }

    /// Lowercased letters and digits only, for comparing a heading with the page title.
    static func normalize(_ text: String) -> String {
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
        return (title.hasPrefix(text) || text.hasPrefix(title)) && min(title.count, text.count) * 5 >= max(title.count, text.count) * 4
    }
}
