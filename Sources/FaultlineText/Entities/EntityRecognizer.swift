import Foundation

/// A named-entity span over a sentence's words: `words` is a half-open range of word indices.
public struct EntitySpan: Sendable, Hashable, Codable {
    public var words: Range<Int>
    public var type: String

    public init(words: Range<Int>, type: String) {
        self.words = words
        self.type = type
    }
}

/// Recognises PER, ORG and LOC names: greedy left-to-right BILOU tagging with an averaged
/// perceptron over word, shape, affix, context, part-of-speech and name-lexicon features.
///
///     let spans = recognizer.recognize(words: keys, tags: tagKeys)
public struct EntityRecognizer: Sendable {
    public let model: PerceptronModel
    /// Lowercased word hash → hash of the entity labels it carried in training.
    let lexicon: [UInt64: UInt64]
    /// Known names (GeoNames places, our actors).
    let names: NameList
    /// Per class: 0 outside, else (kind, type): kind B=1 I=2 L=3 U=4.
    let kinds: [UInt8]
    let types: [String]

    init(model: PerceptronModel, lexicon: [UInt64: UInt64], names: NameList) {
        self.model = model
        self.lexicon = lexicon
        self.names = names
        var kinds: [UInt8] = []
        var types: [String] = []
        for c in model.classes {
            if c == "O" {
                kinds.append(0)
                types.append("")
            } else {
                kinds.append(["B": 1, "I": 2, "L": 3, "U": 4][String(c.prefix(1))] ?? 0)
                types.append(String(c.dropFirst(2)))
            }
        }
        self.kinds = kinds
        self.types = types
    }

    /// Entity spans of one sentence.
    public func recognize(words: [WordKeys], tags: [UInt64]) -> [EntitySpan] {
        let labels = label(words: words, tags: tags)
        return Self.spans(labels.map { model.classes[$0] })
    }

    /// BILOU class per word; a label that cannot follow the previous one is never chosen.
    func label(words: [WordKeys], tags: [UInt64]) -> [Int] {
        let seen = words.map { lexicon[$0.lower] ?? 0 }
        let marks = names.marks(words)
        var out = [Int](repeating: 0, count: words.count)
        var scores = [Float](repeating: 0, count: model.classCount)
        var features: [UInt64] = []
        features.reserveCapacity(48)
        for i in 0..<words.count {
            Self.features(words, tags, seen, marks, i, out, into: &features)
            model.score(features, into: &scores)
            let previous = i > 0 ? out[i - 1] : -1
            var best = 0
            var bestScore = -Float.infinity
            for c in 0..<scores.count where scores[c] > bestScore && allowed(previous, c) {
                best = c
                bestScore = scores[c]
            }
            out[i] = best
        }
        return out
    }

    /// BILOU transitions: I/L continue an open entity of the same type; O/B/U need none open.
    @inline(__always)
    func allowed(_ previous: Int, _ c: Int) -> Bool {
        let open = previous >= 0 && (kinds[previous] == 1 || kinds[previous] == 2)
        let k = kinds[c]
        if k == 2 || k == 3 { return open && types[previous] == types[c] }
        return !open
    }

    /// Spans from BILOU (or IOB2) label names; unfinished entities end where the labels stop.
    public static func spans(_ labels: [String]) -> [EntitySpan] {
        var out: [EntitySpan] = []
        var start = -1
        var type = ""
        for (i, l) in labels.enumerated() {
            let kind = l.first ?? "O"
            let t = l.count > 2 ? String(l.dropFirst(2)) : ""
            if kind == "O" || kind == "B" || kind == "U" || ((kind == "I" || kind == "L") && (start < 0 || t != type)) {
                if start >= 0 { out.append(EntitySpan(words: start..<i, type: type)) }
                start = -1
            }
            switch kind {
            case "B", "I": if start < 0 { start = i; type = t }
            case "U": out.append(EntitySpan(words: i..<(i + 1), type: t))
            case "L":
                if start < 0 { start = i; type = t }
                out.append(EntitySpan(words: start..<(i + 1), type: type))
                start = -1
            default: break
            }
        }
        if start >= 0 { out.append(EntitySpan(words: start..<labels.count, type: type)) }
        return out
    }

    /// IOB2 tags for spans over `count` words.
    public static func iob2(_ spans: [EntitySpan], count: Int) -> [String] {
        var tags = [String](repeating: "O", count: count)
        for s in spans {
            for i in s.words { tags[i] = (i == s.words.lowerBound ? "B-" : "I-") + s.type }
        }
        return tags
    }

    @inline(__always)
    static func features(
        _ words: [WordKeys], _ tags: [UInt64], _ names: [UInt64], _ marks: [UInt64], _ i: Int, _ labels: [Int], into f: inout [UInt64]
    ) {
        f.removeAll(keepingCapacity: true)
        typealias H = FeatureHash
        let w = words[i]
        let p1 = i >= 1 ? words[i - 1] : WordKeys.start
        let p2 = i >= 2 ? words[i - 2] : WordKeys.start
        let n1 = i + 1 < words.count ? words[i + 1] : WordKeys.end
        let n2 = i + 2 < words.count ? words[i + 2] : WordKeys.end
        let t0 = tags[i]
        let tp = i >= 1 ? tags[i - 1] : 1
        let tn = i + 1 < tags.count ? tags[i + 1] : 2
        let l1 = UInt64(i >= 1 ? labels[i - 1] + 1 : 0)
        let l2 = UInt64(i >= 2 ? labels[i - 2] + 1 : 0)
        let a0 = names[i]
        let ap = i >= 1 ? names[i - 1] : 1
        let an = i + 1 < names.count ? names[i + 1] : 2
        f.append(H.key(1, 0))
        f.append(H.key(2, w.form))
        f.append(H.key(3, w.lower))
        f.append(H.key(4, w.shape))
        f.append(H.key(5, w.suffix3))
        f.append(H.key(6, w.prefix3))
        f.append(H.key(7, w.suffix2))
        f.append(H.key(8, p1.lower))
        f.append(H.key(9, n1.lower))
        f.append(H.key(10, p2.lower))
        f.append(H.key(11, n2.lower))
        f.append(H.key(12, p1.shape, w.shape))
        f.append(H.key(13, w.shape, n1.shape))
        f.append(H.key(14, t0))
        f.append(H.key(15, tp, t0))
        f.append(H.key(16, t0, tn))
        f.append(H.key(17, l1))
        f.append(H.key(18, l1, l2))
        f.append(H.key(19, l1, w.shape))
        f.append(H.key(20, l1, w.lower))
        f.append(H.key(21, a0))
        f.append(H.key(22, ap, a0))
        f.append(H.key(23, a0, an))
        f.append(H.key(24, l1, a0))
        f.append(H.key(25, a0, w.shape))
        f.append(H.key(26, i == 0 ? 1 : 0, w.flags))
        f.append(H.key(27, p1.lower, w.lower))
        f.append(H.key(28, w.lower, n1.lower))
        f.append(H.key(29, n1.shape))
        f.append(H.key(30, p1.shape))
        f.append(H.key(31, w.prefix2, w.flags))
        f.append(H.key(32, n1.flags, p1.flags, w.flags))
        f.append(H.key(33, t0, w.shape))
        f.append(H.key(34, an))
        f.append(H.key(35, ap))
        // Name lists: each (kind, position) mark, and the whole set with the shape.
        var m = marks[i]
        if m != 0 {
            f.append(H.key(40, m, w.flags & 1))
            while m != 0 {
                let bit = UInt64(m.trailingZeroBitCount)
                f.append(H.key(41, bit))
                f.append(H.key(42, bit, w.flags & 3))
                m &= m - 1
            }
        }
        f.append(H.key(43, i >= 1 ? marks[i - 1] : 0, i + 1 < marks.count ? marks[i + 1] : 0))
    }
}

extension EntityRecognizer {
    static let fileKind = "entity-recognizer"

    public func serialized() -> Data {
        var w = BinaryWriter()
        w.header(kind: Self.fileKind)
        model.write(to: &w)
        w.u32(UInt32(lexicon.count))
        for (k, a) in lexicon.sorted(by: { $0.key < $1.key }) {
            w.u64(k)
            w.u64(a)
        }
        w.u32(UInt32(names.entries.count))
        for (k, kinds) in names.entries.sorted(by: { $0.key < $1.key }) {
            w.u64(k)
            w.u8(kinds)
        }
        return w.data
    }

    public init(data: Data) throws {
        var r = BinaryReader(data: data)
        _ = try r.header(kind: Self.fileKind)
        let model = try PerceptronModel.read(from: &r)
        let n = Int(try r.u32())
        guard n <= r.remaining / 16 else { throw ModelFileError.corrupt("name lexicon of \(n) entries") }
        var lexicon: [UInt64: UInt64] = [:]
        lexicon.reserveCapacity(n)
        for _ in 0..<n { lexicon[try r.u64()] = try r.u64() }
        let nameCount = Int(try r.u32())
        guard nameCount <= r.remaining / 9 else { throw ModelFileError.corrupt("name list of \(nameCount) entries") }
        var entries: [UInt64: UInt8] = [:]
        entries.reserveCapacity(nameCount)
        for _ in 0..<nameCount { entries[try r.u64()] = try r.u8() }
        self.init(model: model, lexicon: lexicon, names: NameList(entries: entries))
    }
}

/// Trains `EntityRecognizer` on IOB2 sentences (converted to BILOU), with part-of-speech tags
/// from the tagger.
public struct EntityRecognizerTrainer {
    public var epochs = 12
    public var seed: UInt64 = 13
    public var progress: (String) -> Void = { _ in }

    public init() {}

    public static func bilou(_ iob: [String]) -> [String] {
        var out = iob
        for i in iob.indices where iob[i] != "O" {
            let type = iob[i].dropFirst(2)
            let continues = i + 1 < iob.count && iob[i + 1] == "I-\(type)"
            if iob[i].hasPrefix("B-") {
                out[i] = (continues ? "B-" : "U-") + type
            } else {
                out[i] = (continues ? "I-" : "L-") + type
            }
        }
        return out
    }

    /// `jackknifed`: tag class names by sentence id, predicted by taggers that never saw the
    /// sentence (the shipped tagger was trained on these very sentences, so its tags here are
    /// better than it will ever give at run time); sentences without them use `tagger`.
    public func train(
        _ sentences: [EntitySentence], tagger: PartOfSpeechTagger, names: NameList, jackknifed: [String: [String]] = [:]
    ) -> EntityRecognizer {
        var classIndex: [String: Int] = ["O": 0]
        var classes = ["O"]
        var lowerLabels: [UInt64: [String: Int]] = [:]
        let data = sentences.map { s -> ([WordKeys], [UInt64], [Int]) in
            let keys = s.forms.map(WordKeys.init)
            let tags: [UInt64]
            if let names = jackknifed[s.id], names.count == keys.count {
                tags = names.map(FeatureHash.string)
            } else {
                tags = tagger.tag(keys).map { tagger.classKeys[$0] }
            }
            let gold = Self.bilou(s.tags).map { name -> Int in
                if let c = classIndex[name] { return c }
                classIndex[name] = classes.count
                classes.append(name)
                return classes.count - 1
            }
            for (k, t) in zip(keys, s.tags) { lowerLabels[k.lower, default: [:]][t == "O" ? "O" : String(t.dropFirst(2)), default: 0] += 1 }
            return (keys, tags, gold)
        }
        // Name lexicon: the entity types a word carried at least 10% of the time, for words seen twice or more.
        var lexicon: [UInt64: UInt64] = [:]
        for (lower, counts) in lowerLabels {
            let total = counts.values.reduce(0, +)
            guard total >= 2 else { continue }
            var h: UInt64 = 0x77
            for t in counts.keys.sorted() where Double(counts[t]!) >= 0.1 * Double(total) { h = FeatureHash.mix(h, FeatureHash.string(t)) }
            lexicon[lower] = h
        }
        var trainer = PerceptronTrainer(classCount: classes.count)
        var rng = SplitMix(seed: seed)
        var order = Array(data.indices)
        var scores = [Float](repeating: 0, count: classes.count)
        var features: [UInt64] = []
        for epoch in 1...epochs {
            order.shuffle(using: &rng)
            for index in order {
                let (keys, tags, gold) = data[index]
                let seen = keys.map { lexicon[$0.lower] ?? 0 }
                let marks = names.marks(keys)
                var labels = [Int](repeating: 0, count: keys.count)
                for i in 0..<keys.count {
                    EntityRecognizer.features(keys, tags, seen, marks, i, labels, into: &features)
                    trainer.score(features, into: &scores)
                    var guess = 0
                    var best = -Float.infinity
                    for c in 0..<classes.count where scores[c] > best {
                        guess = c
                        best = scores[c]
                    }
                    trainer.tick()
                    trainer.update(features, truth: gold[i], guess: guess)
                    labels[i] = gold[i]
                }
            }
            progress("ner epoch \(epoch)")
        }
        return EntityRecognizer(model: trainer.averaged(classes: classes, threshold: 0.001), lexicon: lexicon, names: names)
    }
}
