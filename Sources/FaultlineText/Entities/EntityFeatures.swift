/// What the recogniser's features read about one sentence, computed once per sentence: the
/// words and tags, what training saw each word labelled, the name-list marks, and the
/// capitalised runs ("Bank of New York", "Supreme Court").
///
/// Invariant: every array has one entry per word; `runStart[i] <= i < runEnd[i]` for a word
/// in a run, and `runStart[i] == runEnd[i] == i` for a word outside any.
struct EntityContext {
    let words: [WordKeys]
    let tags: [UInt64]
    /// Per word: the entity types its lowercase form carried in training (0 if unknown).
    let types: [UInt64]
    /// Per word: the BILOU labels its lowercase form carried in training (0 if unknown).
    let labels: [UInt64]
    /// Per word: the name-list marks (see `NameList.marks`).
    let marks: [UInt64]
    let runStart: [Int]
    let runEnd: [Int]
    /// No word past the first starts with a capital: web text typed in lowercase, where
    /// capitalisation says nothing.
    let caseless: Bool

    init(words: [WordKeys], tags: [UInt64], lexicon: PrehashedMap<NameEvidence>, names: NameList) {
        self.words = words
        self.tags = tags
        var types = [UInt64](repeating: 0, count: words.count)
        var labels = [UInt64](repeating: 0, count: words.count)
        for (i, w) in words.enumerated() {
            if let e = lexicon[w.lower] {
                types[i] = e.types
                labels[i] = e.labels
            }
        }
        self.types = types
        self.labels = labels
        marks = names.marks(words)
        (runStart, runEnd) = Self.runs(words)
        caseless = !words.dropFirst().contains { $0.flags & 33 == 33 }
    }

    /// Lowercase words that may join two capitalised ones into one run ("Bank of America").
    static let connectors: Set<UInt64> = Set(["of", "&", "and", "for", "the", "de", "du", "van", "von", "la", "del"].map { WordKeys($0).lower })

    static func capitalised(_ w: WordKeys) -> Bool { w.flags & 33 == 33 }

    static func runs(_ words: [WordKeys]) -> ([Int], [Int]) {
        var start = Array(words.indices)
        var end = words.indices.map { $0 }
        var i = 0
        while i < words.count {
            guard capitalised(words[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < words.count {
                if capitalised(words[j]) {
                    j += 1
                } else if connectors.contains(words[j].lower), j + 1 < words.count, capitalised(words[j + 1]) {
                    j += 2
                } else {
                    break
                }
            }
            for k in i..<j {
                start[k] = i
                end[k] = j
            }
            i = j
        }
        return (start, end)
    }
}

/// What training saw a lowercase word labelled: hashes of its entity types and of its BILOU
/// labels, each kept when it made up at least a tenth of the word's occurrences.
struct NameEvidence: Sendable, Hashable {
    var types: UInt64
    var labels: UInt64
}

extension EntityRecognizer {
    /// The features of word `i` that do not depend on earlier labels.
    @inline(__always)
    static func observationFeatures(_ c: EntityContext, _ i: Int, into f: inout [UInt64]) {
        f.removeAll(keepingCapacity: true)
        KeyBuffer.append(to: &f, capacity: 128) { b in
            typealias H = FeatureHash
            let words = c.words
            let count = words.count
            let w = words[i]
            let p1 = i >= 1 ? words[i - 1] : WordKeys.start
            let p2 = i >= 2 ? words[i - 2] : WordKeys.start
            let n1 = i + 1 < count ? words[i + 1] : WordKeys.end
            let n2 = i + 2 < count ? words[i + 2] : WordKeys.end
            let t0 = c.tags[i]
            let tp = i >= 1 ? c.tags[i - 1] : 1
            let tn = i + 1 < count ? c.tags[i + 1] : 2
            let a0 = c.types[i]
            let ap = i >= 1 ? c.types[i - 1] : 1
            let an = i + 1 < count ? c.types[i + 1] : 2
            b.put(H.key(1, 0))
            b.put(H.key(2, w.form))
            b.put(H.key(3, w.lower))
            b.put(H.key(4, w.shape))
            b.put(H.key(5, w.suffix3))
            b.put(H.key(6, w.prefix3))
            b.put(H.key(7, w.suffix2))
            b.put(H.key(8, p1.lower))
            b.put(H.key(9, n1.lower))
            b.put(H.key(10, p2.lower))
            b.put(H.key(11, n2.lower))
            b.put(H.key(12, p1.shape, w.shape))
            b.put(H.key(13, w.shape, n1.shape))
            b.put(H.key(14, t0))
            b.put(H.key(15, tp, t0))
            b.put(H.key(16, t0, tn))
            b.put(H.key(21, a0))
            b.put(H.key(22, ap, a0))
            b.put(H.key(23, a0, an))
            b.put(H.key(25, a0, w.shape))
            b.put(H.key(26, i == 0 ? 1 : 0, w.flags))
            b.put(H.key(27, p1.lower, w.lower))
            b.put(H.key(28, w.lower, n1.lower))
            b.put(H.key(29, n1.shape))
            b.put(H.key(30, p1.shape))
            b.put(H.key(31, w.prefix2, w.flags))
            b.put(H.key(32, n1.flags, p1.flags, w.flags))
            b.put(H.key(33, t0, w.shape))
            b.put(H.key(34, an))
            b.put(H.key(35, ap))
            // Name lists: each (kind, position) mark, and the whole set with the shape.
            var m = c.marks[i]
            if m != 0 {
                b.put(H.key(40, m, w.flags & 1))
                while m != 0 {
                    let bit = UInt64(m.trailingZeroBitCount)
                    b.put(H.key(41, bit))
                    b.put(H.key(42, bit, w.flags & 3))
                    m &= m - 1
                }
            }
            b.put(H.key(43, i >= 1 ? c.marks[i - 1] : 0, i + 1 < count ? c.marks[i + 1] : 0))
            // The capitalised run: where the word sits in it, how long it is, and its first and
            // last words (an organisation's name mostly ends in its kind: "… Council", "… Inc").
            let start = c.runStart[i]
            let end = c.runEnd[i]
            if end > start {
                let length = end - start
                let position: UInt64 = length == 1 ? 4 : i == start ? 1 : i == end - 1 ? 3 : 2
                let last = end - 1
                b.put(H.key(44, position, UInt64(min(length, 5))))
                b.put(H.key(45, position, words[last].lower))
                if length > 1 { b.put(H.key(46, position, words[start].lower)) }
                b.put(H.key(47, position, c.types[last]))
                b.put(H.key(48, position, c.labels[last]))
                b.put(H.key(49, position, UInt64(min(length, 5)), start == 0 ? 1 : 0))
                // The words around the run ("works for …", "… said"), for every word in it.
                b.put(H.key(56, position, start > 0 ? words[start - 1].lower : 1))
                b.put(H.key(57, position, end < count ? words[end].lower : 2))
            }
            b.put(H.key(50, c.labels[i]))
            b.put(H.key(51, i >= 1 ? c.labels[i - 1] : 1, i + 1 < count ? c.labels[i + 1] : 2))
            b.put(H.key(52, c.caseless ? 1 : 0, t0))
            b.put(H.key(53, c.caseless ? 1 : 0, a0))
            b.put(H.key(54, p1.lower, w.shape))
            b.put(H.key(55, w.shape, n1.lower))
            // Word groups from GloVe: names training never saw sit with names it did.
            b.put(H.key(60, w.cluster1024))
            b.put(H.key(61, w.cluster256, w.flags & 3))
            b.put(H.key(62, w.cluster64, w.flags & 3))
            b.put(H.key(63, p1.cluster1024))
            b.put(H.key(64, n1.cluster1024))
            b.put(H.key(65, w.cluster256, n1.cluster256))
            if end > start { b.put(H.key(66, c.words[end - 1].cluster1024, i == end - 1 ? 1 : 0)) }
        }
    }

    /// The features of word `i` that read the label of the word before (`previous`, -1 at the
    /// start): Viterbi decoding scores them once per possible previous label.
    @inline(__always)
    static func labelFeatures(_ c: EntityContext, _ i: Int, previous: Int, into f: inout [UInt64]) {
        typealias H = FeatureHash
        let w = c.words[i]
        let l1 = UInt64(previous + 1)
        f.append(H.key(17, l1))
        f.append(H.key(19, l1, w.shape))
        f.append(H.key(20, l1, w.lower))
        f.append(H.key(24, l1, c.types[i]))
    }
}
