import Foundation

/// The BILOU label scheme over a model's classes: which class may follow which.
struct BILOUScheme: Sendable {
    /// Per class: 0 outside, else kind B=1 I=2 L=3 U=4 (with `types[c]` its type).
    let kinds: [UInt8]
    let types: [String]
    let classCount: Int
    /// `allowed[(p + 1) * classCount + c]`: class `c` may follow class `p` (`p` = -1 at the start):
    /// I and L continue an open entity of their type, O, B and U need none open.
    let allowed: [Bool]
    /// Classes a sentence may end with (no entity left open).
    let canEnd: [Bool]

    init(classes: [String]) {
        let kinds = classes.map { c -> UInt8 in c == "O" ? 0 : ["B": 1, "I": 2, "L": 3, "U": 4][String(c.prefix(1))] ?? 0 }
        let types = classes.map { c in c == "O" ? "" : String(c.dropFirst(2)) }
        let k = classes.count
        var allowed = [Bool](repeating: false, count: (k + 1) * k)
        for p in -1..<k {
            let open = p >= 0 && (kinds[p] == 1 || kinds[p] == 2)
            for c in 0..<k {
                let continues = kinds[c] == 2 || kinds[c] == 3
                allowed[(p + 1) * k + c] = continues ? open && types[p] == types[c] : !open
            }
        }
        self.kinds = kinds
        self.types = types
        classCount = k
        self.allowed = allowed
        canEnd = kinds.map { $0 != 1 && $0 != 2 }
    }
}

/// A named-entity span over a sentence's words: `words` is a half-open range of word indices.
public struct EntitySpan: Sendable, Hashable, Codable {
    public var words: Range<Int>
    public var type: String

    public init(words: Range<Int>, type: String) {
        self.words = words
        self.type = type
    }
}

/// Recognises PER, ORG and LOC names: BILOU tagging by Viterbi decoding of a structured averaged
/// perceptron over word, shape, affix, context, capitalised-run, part-of-speech and
/// name-lexicon features.
///
///     let spans = recognizer.recognize(words: keys, tags: tagKeys)
public struct EntityRecognizer: Sendable {
    public let model: PerceptronModel
    /// Lowercased word hash → the entity types and labels it carried in training.
    let lexicon: [UInt64: NameEvidence]
    /// `lexicon` for lookups.
    let lexiconLookup: PrehashedMap<NameEvidence>
    /// Known names (GeoNames places, our actors).
    let names: NameList
    let scheme: BILOUScheme

    init(model: PerceptronModel, lexicon: [UInt64: NameEvidence], names: NameList) {
        self.model = model
        self.lexicon = lexicon
        lexiconLookup = PrehashedMap(lexicon)
        self.names = names
        scheme = BILOUScheme(classes: model.classes)
    }

    /// Entity spans of one sentence.
    public func recognize(words: [WordKeys], tags: [UInt64]) -> [EntitySpan] {
        let labels = label(words: words, tags: tags)
        return Self.spans(labels.map { model.classes[$0] })
    }

    /// The best-scoring valid BILOU classes of a sentence's words (Viterbi).
    func label(words: [WordKeys], tags: [UInt64]) -> [Int] {
        let context = EntityContext(words: words, tags: tags, lexicon: lexiconLookup, names: names)
        return Self.viterbi(context, scheme) { model.score($0, into: &$1) }
    }

    /// How many previous classes Viterbi extends at each word.
    static let beamWidth = 2

    /// The best class sequence under the BILOU constraints, scoring each word's observation
    /// features once and its label features once per previous class kept (the `width` best).
    ///
    /// Invariant: the result is valid (`scheme.allowed` between neighbours, `scheme.canEnd` at
    /// the end), since only valid paths are extended.
    static func viterbi(
        _ c: EntityContext, _ scheme: BILOUScheme, width: Int = beamWidth, score: ([UInt64], inout [Float]) -> Void
    ) -> [Int] {
        let n = c.words.count
        let k = scheme.classCount
        guard n > 0 else { return [] }
        var observed = [Float](repeating: 0, count: k)
        var transition = [Float](repeating: 0, count: k)
        var best = [Float](repeating: -Float.infinity, count: n * k)
        var back = [Int32](repeating: -1, count: n * k)
        var features: [UInt64] = []
        features.reserveCapacity(64)
        var previous: [Int] = []
        previous.reserveCapacity(width + 1)
        for i in 0..<n {
            observationFeatures(c, i, into: &features)
            score(features, &observed)
            // Only the best few previous classes are extended (a beam): the label features cost
            // a scoring per previous class, and the others' paths almost never win.
            previous.removeAll(keepingCapacity: true)
            if i == 0 {
                previous.append(-1)
            } else {
                let base = (i - 1) * k
                for p in 0..<k where best[base + p] > -Float.infinity {
                    var j = previous.count
                    previous.append(p)
                    while j > 0 && best[base + previous[j - 1]] < best[base + p] {
                        previous[j] = previous[j - 1]
                        j -= 1
                    }
                    previous[j] = p
                    if previous.count > width { previous.removeLast() }
                }
            }
            for p in previous {
                let before = i == 0 ? 0 : best[(i - 1) * k + p]
                features.removeAll(keepingCapacity: true)
                labelFeatures(c, i, previous: p, into: &features)
                score(features, &transition)
                let row = (p + 1) * k
                for cl in 0..<k where scheme.allowed[row + cl] {
                    let total = before + observed[cl] + transition[cl]
                    if total > best[i * k + cl] {
                        best[i * k + cl] = total
                        back[i * k + cl] = Int32(p)
                    }
                }
            }
        }
        var last = 0
        var top = -Float.infinity
        for cl in 0..<k where scheme.canEnd[cl] && best[(n - 1) * k + cl] > top {
            last = cl
            top = best[(n - 1) * k + cl]
        }
        var out = [Int](repeating: 0, count: n)
        out[n - 1] = last
        var i = n - 1
        while i > 0 {
            out[i - 1] = Int(back[i * k + out[i]])
            i -= 1
        }
        return out
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
}

extension EntityRecognizer {
    static let fileKind = "entity-recognizer"

    /// Version 2: the lexicon holds types and BILOU labels per word.
    static let fileVersion: UInt32 = 2

    public func serialized() -> Data {
        var w = BinaryWriter()
        w.header(kind: Self.fileKind, version: Self.fileVersion)
        model.write(to: &w)
        w.u32(UInt32(lexicon.count))
        for (k, e) in lexicon.sorted(by: { $0.key < $1.key }) {
            w.u64(k)
            w.u64(e.types)
            w.u64(e.labels)
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
        let version = try r.header(kind: Self.fileKind)
        guard version == Self.fileVersion else { throw ModelFileError.corrupt("entity recogniser format \(version), expected \(Self.fileVersion): retrain with `faultline train ner`") }
        let model = try PerceptronModel.read(from: &r)
        let n = Int(try r.u32())
        guard n <= r.remaining / 24 else { throw ModelFileError.corrupt("name lexicon of \(n) entries") }
        var lexicon: [UInt64: NameEvidence] = [:]
        lexicon.reserveCapacity(n)
        for _ in 0..<n {
            let key = try r.u64()
            lexicon[key] = NameEvidence(types: try r.u64(), labels: try r.u64())
        }
        let nameCount = Int(try r.u32())
        guard nameCount <= r.remaining / 9 else { throw ModelFileError.corrupt("name list of \(nameCount) entries") }
        var entries: [UInt64: UInt8] = [:]
        entries.reserveCapacity(nameCount)
        for _ in 0..<nameCount { entries[try r.u64()] = try r.u8() }
        self.init(model: model, lexicon: lexicon, names: NameList(entries: entries))
    }
}
