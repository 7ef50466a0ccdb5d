import Foundation

/// Lemmas from the word and its XPOS tag: a lookup of (lowercased form, tag) pairs seen in UD
/// EWT train, and for unseen words the most frequent suffix rule of that tag for the longest
/// matching ending (`-ies` → `-y` for NNS, `-ed` → `` for VBD …) — unless a shorter ending's
/// rule gives a known word and the longer one's does not ("rioted" is "riot", not "riote"),
/// a lemma seen in training before a word only the GloVe vocabulary has ("shell", not "shel").
public struct Lemmatizer: Sendable {
    /// "form\ttag" → lemma.
    let exact: [String: String]
    /// "tag\tending" → (characters to strip, suffix to add).
    let rules: [String: Rule]
    /// Words a rule's result should be: the lemmas seen in training and the word groups' vocabulary.
    let lemmas: Set<String>
    let vocabulary: WordClusters

    init(exact: [String: String], rules: [String: Rule], vocabulary: WordClusters = .shipped) {
        self.exact = exact
        self.rules = rules
        self.lemmas = Set(exact.values)
        self.vocabulary = vocabulary
    }

    struct Rule: Sendable, Hashable {
        var strip: Int
        var add: String
    }

    static let maxEnding = 5

    /// The lookup form: lowercased, curly apostrophes straightened.
    static func normalized(_ form: String) -> String {
        let lower = form.lowercased()
        // Foundation's replacing costs more than the rest of lemmatizing: only when needed.
        return lower.unicodeScalars.contains("\u{2019}") ? lower.replacingOccurrences(of: "\u{2019}", with: "'") : lower
    }

    /// The lemma of `form` tagged `xpos` (`upos` keeps proper nouns as they are written).
    public func lemma(_ form: String, upos: String, xpos: String) -> String {
        if upos == "PROPN" { return form }
        if upos == "PUNCT" || upos == "SYM" || upos == "NUM" { return form }
        let lower = Self.normalized(form)
        if let l = exact[lower + "\t" + xpos] { return l }
        let chars = Array(lower)
        var k = min(Self.maxEnding, chars.count)
        var first: String?
        var inVocabulary: String?
        while k >= 1 {
            if let rule = rules[xpos + "\t" + String(chars.suffix(k))], rule.strip < chars.count {
                let candidate = String(chars.dropLast(rule.strip)) + rule.add
                // A lemma seen in training wins outright; a word only the GloVe vocabulary
                // knows waits for one ("shelled" is "shell", though GloVe also knows "shel").
                if rule.strip == 0 && rule.add.isEmpty || lemmas.contains(candidate) { return candidate }
                // A stripped ending may have taken a silent e with it: "upgraded" is "upgrade",
                // not "upgrad".
                let restored = rule.strip > 0 && rule.add.isEmpty && candidate.last != "e" ? candidate + "e" : nil
                if let restored, lemmas.contains(restored) { return restored }
                if inVocabulary == nil, vocabulary.contains(lowercased: candidate) { inVocabulary = candidate }
                if inVocabulary == nil, let restored, vocabulary.contains(lowercased: restored) { inVocabulary = restored }
                if first == nil { first = candidate }
            }
            k -= 1
        }
        return inVocabulary ?? first ?? lower
    }

    /// Learns the table and the rules from treebank sentences.
    public static func train(_ sentences: [TreebankSentence]) -> Lemmatizer {
        var pairCounts: [String: [String: Int]] = [:]
        var ruleCounts: [String: [Rule: Int]] = [:]
        for s in sentences {
            for w in s.words where w.upos != "PROPN" && w.lemma != "_" {
                let lower = normalized(w.form)
                pairCounts[lower + "\t" + w.xpos, default: [:]][w.lemma, default: 0] += 1
                let f = Array(lower)
                let l = Array(w.lemma.lowercased())
                var common = 0
                while common < min(f.count, l.count), f[common] == l[common] { common += 1 }
                guard common > 0 else { continue }
                let rule = Rule(strip: f.count - common, add: String(l[common...]))
                for k in 1...min(maxEnding, f.count) {
                    ruleCounts[w.xpos + "\t" + String(f.suffix(k)), default: [:]][rule, default: 0] += 1
                }
            }
        }
        var exact: [String: String] = [:]
        for (key, lemmas) in pairCounts {
            if let best = lemmas.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) { exact[key] = best.key }
        }
        var rules: [String: Rule] = [:]
        for (key, counts) in ruleCounts {
            let total = counts.values.reduce(0, +)
            // Ties go to the shorter addition, then the shorter strip, so retraining repeats exactly.
            if let best = counts.max(by: { ($0.value, $1.key.add, $1.key.strip) < ($1.value, $0.key.add, $0.key.strip) }),
                total >= 2 || best.key.strip == 0
            {
                rules[key] = best.key
            }
        }
        return Lemmatizer(exact: exact, rules: rules)
    }
}

extension Lemmatizer {
    static let fileKind = "lemmatizer"

    public func serialized() -> Data {
        var w = BinaryWriter()
        w.header(kind: Self.fileKind)
        let pairs = exact.sorted { $0.key < $1.key }
        w.stringArray(pairs.map(\.key))
        w.stringArray(pairs.map(\.value))
        let rs = rules.sorted { $0.key < $1.key }
        w.stringArray(rs.map(\.key))
        w.stringArray(rs.map(\.value.add))
        for r in rs { w.u8(UInt8(min(r.value.strip, 255))) }
        return w.data
    }

    public init(data: Data) throws {
        var r = BinaryReader(data: data)
        _ = try r.header(kind: Self.fileKind)
        let keys = try r.stringArray()
        let values = try r.stringArray()
        guard keys.count == values.count else { throw ModelFileError.corrupt("lemma table columns differ") }
        let ruleKeys = try r.stringArray()
        let adds = try r.stringArray()
        guard ruleKeys.count == adds.count else { throw ModelFileError.corrupt("lemma rule columns differ") }
        var rules: [String: Rule] = [:]
        for (k, a) in zip(ruleKeys, adds) { rules[k] = Rule(strip: Int(try r.u8()), add: a) }
        self.init(exact: Dictionary(uniqueKeysWithValues: zip(keys, values)), rules: rules)
    }
}
