import Foundation

/// A greedy arc-hybrid dependency parser with an averaged-perceptron classifier over rich
/// non-local features (stack and buffer words, their tags, their nearest children and labels,
/// distance and valency), predicting labelled UD relations.
///
///     let tree = parser.parse(words: keys, tags: tagKeys)   // heads (1-based, 0 = root), labels
public struct DependencyParser: Sendable {
    public let model: PerceptronModel
    public let labels: [String]

    init(model: PerceptronModel, labels: [String]) {
        self.model = model
        self.labels = labels
    }

    /// A parse: heads are 1-based word numbers (0 for the root), labels index `labels`.
    public struct Tree: Sendable {
        public var heads: [Int]
        public var labels: [Int]
    }

    /// Parses one sentence given its words and tag keys (`tagger.classKeys[class]`, the hash of
    /// "UPOS\tXPOS"), so parser and tagger need not share class numbers.
    ///
    /// `coarse` holds the hash of each word's UPOS alone (`FeatureHash.string(upos)`).
    ///
    /// `root` (0-based), when given, must be the tree's root: the word is shifted only onto an
    /// empty stack and leaves it only as the root's dependent, so everything before it attaches
    /// within or to it. How a caller that knows the main verb (a repaired headline) keeps an
    /// earlier participle from taking over the sentence.
    public func parse(words: [WordKeys], tags: [UInt64], coarse: [UInt64], root: Int? = nil) -> Tree {
        let (w, p, k) = Self.wordTable(words, tags, coarse)
        var state = ParseState(count: words.count)
        let classCount = model.classCount
        var scores = [Float](repeating: 0, count: classCount)
        var features: [UInt64] = []
        features.reserveCapacity(96)
        // The sums of the features of the buffer's front alone (they change only when it
        // moves) and of each word on top of the stack, or second on it, alone (a word is there
        // again after the words above it are reduced): kept across steps instead of looked up
        // again. Scoring happens only with two or more words on the stack, so s0 and s1 exist.
        var frontSums = [Int32](repeating: 0, count: classCount)
        var sumsFront = Int.min
        var topSums = [Int32](repeating: 0, count: classCount * (words.count + 1))
        var topKnown = [Bool](repeating: false, count: words.count + 1)
        var secondSums = [Int32](repeating: 0, count: classCount * (words.count + 1))
        var secondKnown = [Bool](repeating: false, count: words.count + 1)
        var sums = [Int32](repeating: 0, count: classCount)
        while !state.isTerminal {
            // With only the root on the stack SHIFT is the one valid move (about a fifth of
            // all steps): no need to score it.
            if state.stack.count == 1 {
                state.shift()
                continue
            }
            let s0 = state.s0, s1 = state.s1, b0 = state.b0
            if sumsFront != b0 {
                features.removeAll(keepingCapacity: true)
                Self.appendFront(b0, state.n, w, p, k, into: &features)
                frontSums.withUnsafeMutableBufferPointer { f in
                    for c in 0..<classCount { f[c] = 0 }
                    model.add(features, into: f.baseAddress!)
                }
                sumsFront = b0
            }
            if !topKnown[s0] {
                features.removeAll(keepingCapacity: true)
                Self.appendTop(s0, state.n, w, p, k, into: &features)
                topSums.withUnsafeMutableBufferPointer { t in model.add(features, into: t.baseAddress! + s0 * classCount) }
                topKnown[s0] = true
            }
            if !secondKnown[s1] {
                features.removeAll(keepingCapacity: true)
                Self.appendSecond(s1, w, p, k, into: &features)
                secondSums.withUnsafeMutableBufferPointer { t in model.add(features, into: t.baseAddress! + s1 * classCount) }
                secondKnown[s1] = true
            }
            features.removeAll(keepingCapacity: true)
            Self.appendRest(state, w, p, k, into: &features)
            sums.withUnsafeMutableBufferPointer { out in
                frontSums.withUnsafeBufferPointer { f in
                    topSums.withUnsafeBufferPointer { t in
                        secondSums.withUnsafeBufferPointer { u in
                            let top = t.baseAddress! + s0 * classCount
                            let second = u.baseAddress! + s1 * classCount
                            for c in 0..<classCount { out[c] = f[c] &+ top[c] &+ second[c] }
                        }
                    }
                }
                model.add(features, into: out.baseAddress!)
                model.finish(out.baseAddress!, into: &scores)
            }
            let c = root.map { Self.bestValid(scores, state, root: $0 + 1) } ?? Self.bestValid(scores, state)
            ParserTransition.apply(c, &state)
        }
        return Tree(heads: Array(state.heads.dropFirst()), labels: Array(state.labels.dropFirst()))
    }

    /// The best valid transition that keeps word `root` (1-based) reachable as the root.
    static func bestValid(_ scores: [Float], _ state: ParseState, root: Int) -> Int {
        let s0 = state.s0
        // SHIFT of the root word only onto an empty stack; the root word leaves the stack only
        // for the root (RIGHT with nothing else left); no other word goes to the root.
        let shift = state.canShift && (state.b0 != root || state.stack.count == 1)
        let left = state.canLeft && s0 != root
        let right = state.canRight && (s0 == root ? state.stack.count == 2 && state.b0 < 0 : state.s1 != 0)
        let best = Self.best(scores, shift: shift, left: left, right: right)
        return best >= 0 ? best : bestValid(scores, state)
    }

    @inline(__always)
    static func bestValid(_ scores: [Float], _ state: ParseState) -> Int {
        best(scores, shift: state.canShift, left: state.canLeft, right: state.canRight)
    }

    /// The highest-scoring class among the allowed kinds of transition (-1 if none is).
    @inline(__always)
    static func best(_ scores: [Float], shift: Bool, left: Bool, right: Bool) -> Int {
        var best = -1
        var bestScore = -Float.infinity
        for c in 0..<scores.count where scores[c] > bestScore {
            let ok = c == 0 ? shift : (c % 2 == 1 ? left : right)
            if ok {
                best = c
                bestScore = scores[c]
            }
        }
        return best
    }

    /// Per word, indexed 0…n (0 is the root): in `w` the lowercased form, then (at n+1…) the
    /// suffix; in `p` the tag, then (at n+1…) the coarse tag; in `k` the word's group of 256,
    /// then (at n+1…) its group of 1024. Flat arrays keep the feature function's lookups cheap.
    static func wordTable(_ words: [WordKeys], _ tags: [UInt64], _ coarse: [UInt64]) -> ([UInt64], [UInt64], [UInt64]) {
        let n = words.count
        var w = [UInt64](repeating: 0, count: 2 * (n + 1))
        var p = [UInt64](repeating: 0, count: 2 * (n + 1))
        var k = [UInt64](repeating: 0x5155, count: 2 * (n + 1))
        w[0] = 0x5151
        p[0] = 0x5152
        w[n + 1] = 0x5153
        p[n + 1] = 0x5154
        for i in 0..<n {
            w[i + 1] = words[i].lower
            w[n + 2 + i] = words[i].suffix3 == 0 ? words[i].lower : words[i].suffix3
            p[i + 1] = tags[i]
            p[n + 2 + i] = coarse[i]
            k[i + 1] = words[i].cluster256
            k[n + 2 + i] = words[i].cluster1024
        }
        return (w, p, k)
    }

    /// The feature templates (after Zhang and Nivre's for transition parsing, adapted to arc-hybrid).
    ///
    /// Four groups: the buffer front's own (`appendFront`), the stack top's own
    /// (`appendTop`), the stack's second word's own (`appendSecond`), and those of the whole
    /// configuration; parsing keeps the first three's sums across steps, training takes all four.
    static func features(_ st: ParseState, _ w: [UInt64], _ p: [UInt64], _ k: [UInt64], into f: inout [UInt64]) {
        f.removeAll(keepingCapacity: true)
        appendFront(st.b0, st.n, w, p, k, into: &f)
        appendTop(st.s0, st.n, w, p, k, into: &f)
        appendSecond(st.s1, w, p, k, into: &f)
        appendRest(st, w, p, k, into: &f)
    }

    /// The words of the buffer's front and the two after it.
    @inline(__always)
    static func appendFront(_ b0: Int, _ n: Int, _ w: [UInt64], _ p: [UInt64], _ k: [UInt64], into f: inout [UInt64]) {
        KeyBuffer.append(to: &f, capacity: 16) { b in
            typealias H = FeatureHash
            let none: UInt64 = 0x7777
            let shift = n + 1
            @inline(__always) func W(_ i: Int) -> UInt64 { i >= 0 ? w[i] : none }
            @inline(__always) func P(_ i: Int) -> UInt64 { i >= 0 ? p[i] : none }
            @inline(__always) func X(_ i: Int) -> UInt64 { i >= 0 ? w[shift + i] : none }
            @inline(__always) func C(_ i: Int) -> UInt64 { i >= 0 ? p[shift + i] : none }
            @inline(__always) func K(_ i: Int) -> UInt64 { i >= 0 ? k[i] : none }
            @inline(__always) func KK(_ i: Int) -> UInt64 { i >= 0 ? k[shift + i] : none }
            let b1 = b0 >= 0 && b0 + 1 <= n ? b0 + 1 : -1
            let b2 = b0 >= 0 && b0 + 2 <= n ? b0 + 2 : -1
            let b0w = W(b0), b0p = P(b0), b1w = W(b1), b1p = P(b1), b2p = P(b2)
            let b0c = C(b0), b1c = C(b1), b0k = K(b0), b1k = K(b1)
            b.put(H.key(7, b0w))
            b.put(H.key(8, b0p))
            b.put(H.key(9, b0w, b0p))
            b.put(H.key(10, b1w))
            b.put(H.key(11, b1p))
            b.put(H.key(12, b1w, b1p))
            b.put(H.key(13, W(b2)))
            b.put(H.key(14, b2p))
            b.put(H.key(26, b0p, b1p))
            b.put(H.key(40, b0p, b1p, b2p))
            b.put(H.key(121, X(b0), b0c))
            b.put(H.key(125, b0c, b1c, C(b2)))
            b.put(H.key(141, b0k))
            b.put(H.key(142, b1k))
            b.put(H.key(145, KK(b0)))
            b.put(H.key(153, b0k, b1k))
        }
    }

    /// The word on top of the stack.
    @inline(__always)
    static func appendTop(_ s0: Int, _ n: Int, _ w: [UInt64], _ p: [UInt64], _ k: [UInt64], into f: inout [UInt64]) {
        KeyBuffer.append(to: &f, capacity: 6) { b in
            typealias H = FeatureHash
            let none: UInt64 = 0x7777
            let shift = n + 1
            @inline(__always) func X(_ i: Int) -> UInt64 { i >= 0 ? w[shift + i] : none }
            @inline(__always) func KK(_ i: Int) -> UInt64 { i >= 0 ? k[shift + i] : none }
            let s0w = s0 >= 0 ? w[s0] : none, s0p = s0 >= 0 ? p[s0] : none
            let s0c = s0 >= 0 ? p[shift + s0] : none, s0k = s0 >= 0 ? k[s0] : none
            b.put(H.key(1, s0w))
            b.put(H.key(2, s0p))
            b.put(H.key(3, s0w, s0p))
            b.put(H.key(120, X(s0), s0c))
            b.put(H.key(140, s0k))
            b.put(H.key(144, KK(s0)))
        }
    }

    /// The stack's second word.
    @inline(__always)
    static func appendSecond(_ s1: Int, _ w: [UInt64], _ p: [UInt64], _ k: [UInt64], into f: inout [UInt64]) {
        KeyBuffer.append(to: &f, capacity: 4) { b in
            typealias H = FeatureHash
            let none: UInt64 = 0x7777
            let s1w = s1 >= 0 ? w[s1] : none, s1p = s1 >= 0 ? p[s1] : none, s1k = s1 >= 0 ? k[s1] : none
            b.put(H.key(4, s1w))
            b.put(H.key(5, s1p))
            b.put(H.key(6, s1w, s1p))
            b.put(H.key(143, s1k))
        }
    }

    /// The rest: pairs and triples across stack and buffer, children, distance, valency.
    @inline(__always)
    static func appendRest(_ st: ParseState, _ w: [UInt64], _ p: [UInt64], _ k: [UInt64], into f: inout [UInt64]) {
        KeyBuffer.append(to: &f, capacity: 96) { b in
            typealias H = FeatureHash
            let none: UInt64 = 0x7777
            @inline(__always) func W(_ i: Int) -> UInt64 { i >= 0 ? w[i] : none }
            @inline(__always) func P(_ i: Int) -> UInt64 { i >= 0 ? p[i] : none }
            @inline(__always) func L(_ i: Int) -> UInt64 { i >= 0 ? UInt64(st.labels[i] + 2) : none }
            let shift = st.n + 1
            @inline(__always) func X(_ i: Int) -> UInt64 { i >= 0 ? w[shift + i] : none }
            @inline(__always) func C(_ i: Int) -> UInt64 { i >= 0 ? p[shift + i] : none }
            let s0 = st.s0
            let s1 = st.s1
            let s2 = st.s2
            let b0 = st.b0
            let b1 = b0 >= 0 && b0 + 1 <= st.n ? b0 + 1 : -1
            let s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), b0w = W(b0), b0p = P(b0)
            let b1p = P(b1), s2p = P(s2)
            let s0l1 = s0 >= 0 ? st.left1[s0] : -1
            let s0l2 = s0 >= 0 ? st.left2[s0] : -1
            let s0r1 = s0 >= 0 ? st.right1[s0] : -1
            let s0r2 = s0 >= 0 ? st.right2[s0] : -1
            let s1r1 = s1 >= 0 ? st.right1[s1] : -1
            let s1l1 = s1 >= 0 ? st.left1[s1] : -1
            let b0l1 = b0 >= 0 ? st.left1[b0] : -1
            let b0l2 = b0 >= 0 ? st.left2[b0] : -1
            var d: UInt64 = 0
            if s0 > 0 && b0 >= 0 {
                let gap = b0 - s0
                d = UInt64(gap <= 4 ? gap : gap <= 6 ? 5 : gap <= 9 ? 6 : 7)
            }
            let s0vl = s0 >= 0 ? UInt64(st.leftCount[s0]) : 9
            let s0vr = s0 >= 0 ? UInt64(st.rightCount[s0]) : 9
            let b0vl = b0 >= 0 ? UInt64(st.leftCount[b0]) : 9
            // Single words
            b.put(H.key(15, s2p))
            b.put(H.key(16, W(s2)))
            // Pairs
            b.put(H.key(20, s0w, s0p, b0w))
            b.put(H.key(21, H.mix(s0w, s0p), b0w, b0p))
            b.put(H.key(22, s0w, s0p, b0p))
            b.put(H.key(23, s0p, b0w, b0p))
            b.put(H.key(24, s0w, b0w))
            b.put(H.key(25, s0p, b0p))
            b.put(H.key(27, s0p, s1p))
            b.put(H.key(28, s0w, s1w))
            b.put(H.key(29, s1p, b0p))
            b.put(H.key(30, s1w, b0w))
            b.put(H.key(31, s0w, s1p))
            b.put(H.key(32, s0p, s1w))
            // Triples of tags
            b.put(H.key(41, s0p, b0p, b1p))
            b.put(H.key(42, s1p, s0p, b0p))
            b.put(H.key(43, s0p, P(s0l1), b0p))
            b.put(H.key(44, s0p, P(s0r1), b0p))
            b.put(H.key(45, s0p, b0p, P(b0l1)))
            b.put(H.key(46, s1p, s0p, P(s0l1)))
            b.put(H.key(47, s1p, s0p, P(s0r1)))
            b.put(H.key(48, s1p, P(s1r1), s0p))
            b.put(H.key(49, s2p, s1p, s0p))
            b.put(H.key(50, s1p, P(s1l1), s0p))
            // Distance
            b.put(H.key(60, s0w, d))
            b.put(H.key(61, s0p, d))
            b.put(H.key(62, b0w, d))
            b.put(H.key(63, b0p, d))
            b.put(H.key(64, s0w, b0w, d))
            b.put(H.key(65, s0p, b0p, d))
            // Valency
            b.put(H.key(70, s0w, s0vr))
            b.put(H.key(71, s0p, s0vr))
            b.put(H.key(72, s0w, s0vl))
            b.put(H.key(73, s0p, s0vl))
            b.put(H.key(74, b0w, b0vl))
            b.put(H.key(75, b0p, b0vl))
            // Children: words, tags, labels
            b.put(H.key(80, W(s0l1)))
            b.put(H.key(81, P(s0l1)))
            b.put(H.key(82, L(s0l1)))
            b.put(H.key(83, W(s0r1)))
            b.put(H.key(84, P(s0r1)))
            b.put(H.key(85, L(s0r1)))
            b.put(H.key(86, W(b0l1)))
            b.put(H.key(87, P(b0l1)))
            b.put(H.key(88, L(b0l1)))
            b.put(H.key(89, W(s1r1)))
            b.put(H.key(90, P(s1r1)))
            b.put(H.key(91, L(s1r1)))
            b.put(H.key(92, L(s0l2)))
            b.put(H.key(93, L(s0r2)))
            b.put(H.key(94, L(b0l2)))
            b.put(H.key(95, P(s0l2)))
            b.put(H.key(96, P(s0r2)))
            b.put(H.key(97, P(b0l2)))
            // Third order and label sets
            b.put(H.key(100, s0p, P(s0l1), P(s0l2)))
            b.put(H.key(101, s0p, P(s0r1), P(s0r2)))
            b.put(H.key(102, b0p, P(b0l1), P(b0l2)))
            b.put(H.key(103, s0w, L(s0l1), L(s0l2)))
            b.put(H.key(104, s0p, L(s0l1), L(s0l2)))
            b.put(H.key(105, s0w, L(s0r1), L(s0r2)))
            b.put(H.key(106, s0p, L(s0r1), L(s0r2)))
            b.put(H.key(107, b0w, L(b0l1), L(b0l2)))
            b.put(H.key(108, b0p, L(b0l1), L(b0l2)))
            b.put(H.key(109, s0p, L(s0r1), b0p))
            b.put(H.key(110, s0w, b0p, L(b0l1)))
            b.put(H.key(111, s1p, L(s1r1), b0p))
            b.put(H.key(112, s0p, s0vl, s0vr))
            // Suffixes (for rare words) and coarse tags (they generalise across fine ones)
            let s0c = C(s0), s1c = C(s1), b0c = C(b0), b1c = C(b1)
            b.put(H.key(122, X(s0), X(b0)))
            b.put(H.key(123, s1c, s0c, b0c))
            b.put(H.key(124, s0c, b0c, b1c))
            b.put(H.key(126, C(s2), s1c, s0c))
            b.put(H.key(127, s0c, b0c, d))
            b.put(H.key(128, s0c, C(s0l1), C(s0r1)))
            b.put(H.key(129, b0c, C(b0l1), b0vl))
            b.put(H.key(130, s0w, b0c))
            b.put(H.key(131, s0c, b0w))
            b.put(H.key(132, s1c, s0c, L(s0l1)))
            // Word groups (Koo, Carreras and Collins 2008): words training rarely saw, placed by
            // where GloVe puts them.
            @inline(__always) func K(_ i: Int) -> UInt64 { i >= 0 ? k[i] : none }
            @inline(__always) func KK(_ i: Int) -> UInt64 { i >= 0 ? k[shift + i] : none }
            let s0k = K(s0), b0k = K(b0), s1k = K(s1)
            b.put(H.key(146, s0k, b0k))
            b.put(H.key(147, s0k, b0p))
            b.put(H.key(148, s0p, b0k))
            b.put(H.key(149, KK(s0), b0p))
            b.put(H.key(150, s0p, KK(b0)))
            b.put(H.key(151, s0k, b0k, d))
            b.put(H.key(152, s1k, s0k))
        }
    }
}

extension DependencyParser {
    static let fileKind = "dependency-parser"

    /// The parser keeping only its `maxEntries` largest weights.
    public func pruned(maxEntries: Int) -> DependencyParser {
        DependencyParser(model: model.pruned(maxEntries: maxEntries), labels: labels)
    }

    /// The model file's bytes.
    public func serialized() -> Data {
        var w = BinaryWriter()
        w.header(kind: Self.fileKind)
        w.stringArray(labels)
        model.write(to: &w)
        return w.data
    }

    /// Reads a model file written by `serialized()`.
    public init(data: Data) throws {
        var r = BinaryReader(data: data)
        _ = try r.header(kind: Self.fileKind)
        let labels = try r.stringArray()
        let model = try PerceptronModel.read(from: &r)
        guard model.classCount == 1 + 2 * labels.count else { throw ModelFileError.corrupt("parser classes do not match its labels") }
        self.init(model: model, labels: labels)
    }
}
