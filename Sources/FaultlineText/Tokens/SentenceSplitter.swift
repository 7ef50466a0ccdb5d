import Foundation

/// Splits tokens into sentences: line structure first (a blank line always ends a sentence; a
/// single line break does too — headline lists, bullets, lines without final punctuation —
/// unless the next line carries on in lower case after a line with no final punctuation),
/// then an averaged-perceptron classifier decides, token by token, where a sentence ends
/// within a line (trained on UD EWT's paragraphs as our tokenizer cuts them).
///
///     let sentences = splitter.split(tokens)
public struct SentenceSplitter: Sendable {
    public let model: PerceptronModel

    init(model: PerceptronModel) {
        self.model = model
    }

    /// Sentences covering every token, in order.
    public func split(_ tokens: [Token]) -> [Sentence] {
        let keys = tokens.map { WordKeys($0.form) }
        let ends = boundaries(tokens, keys)
        var sentences: [Sentence] = []
        var first = 0
        for i in tokens.indices where ends[i] {
            sentences.append(Sentence(tokens: first..<(i + 1), start: tokens[first].start, end: tokens[i].end))
            first = i + 1
        }
        return sentences
    }

    /// For each token, whether a sentence ends after it.
    func boundaries(_ tokens: [Token], _ keys: [WordKeys]) -> [Bool] {
        var ends = [Bool](repeating: false, count: tokens.count)
        guard !tokens.isEmpty else { return ends }
        var scores = [Float](repeating: 0, count: 2)
        var features: [UInt64] = []
        var since = 0
        let quoted = Self.quotedPositions(tokens)
        for i in tokens.indices {
            since += 1
            if i == tokens.count - 1 {
                ends[i] = true
                break
            }
            if quoted[i] {
                ends[i] = false
            } else if let forced = Self.lineBreakDecision(tokens, i) {
                ends[i] = forced
            } else {
                Self.features(tokens, keys, i, since: since, into: &features)
                model.score(features, into: &scores)
                ends[i] = scores[1] > scores[0]
            }
            if ends[i] { since = 0 }
        }
        return ends
    }

    /// What the line structure says about a boundary after token `i`, or nil to ask the model.
    static func lineBreakDecision(_ tokens: [Token], _ i: Int) -> Bool? {
        let next = tokens[i + 1]
        if next.breaksBefore >= 2 { return true }
        if next.breaksBefore == 0 { return nil }
        // One line break: a new line starting in lower case continues a hard-wrapped sentence,
        // unless the line before ended like a sentence.
        if let first = next.form.unicodeScalars.first, CharClass.isLetter(first), !CharClass.isUpper(first),
            !terminal.contains(tokens[i].form)
        {
            return false
        }
        return true
    }

    /// Positions inside a quotation that closes on the same line within 120 tokens: no
    /// sentence ends there, so a quotation stays whole (`“Is the West Plotting A False Flag
    /// Provocation In Poland?”`, `“We will fight. We will win.”`).
    static func quotedPositions(_ tokens: [Token]) -> [Bool] {
        var quoted = [Bool](repeating: false, count: tokens.count)
        var i = 0
        while i < tokens.count {
            let form = tokens[i].form
            let curly = form == "\u{201C}"
            let straight = form == "\"" && tokens[i].spaceAfter == false
            guard curly || straight else {
                i += 1
                continue
            }
            var j = i + 1
            var closed = -1
            while j < tokens.count, j - i <= 120, tokens[j].breaksBefore == 0 {
                let f = tokens[j].form
                if curly && f == "\u{201D}" || straight && f == "\"" {
                    closed = j
                    break
                }
                if curly && f == "\u{201C}" { break }  // an unbalanced quote: leave it to the model
                j += 1
            }
            if closed > 0 {
                for k in i..<closed { quoted[k] = true }
                i = closed + 1
            } else {
                i += 1
            }
        }
        return quoted
    }

    static let terminal: Set<String> = [".", "!", "?", "...", "…", "!!", "??", "?!"]

    @inline(__always)
    static func features(_ tokens: [Token], _ keys: [WordKeys], _ i: Int, since: Int, into f: inout [UInt64]) {
        f.removeAll(keepingCapacity: true)
        typealias H = FeatureHash
        let w = keys[i]
        let n1 = i + 1 < keys.count ? keys[i + 1] : WordKeys.end
        let n2 = i + 2 < keys.count ? keys[i + 2] : WordKeys.end
        let p1 = i >= 1 ? keys[i - 1] : WordKeys.start
        let kind = UInt64(tokens[i].kind.rawValue)
        let nextKind = UInt64(i + 1 < tokens.count ? tokens[i + 1].kind.rawValue : 99)
        let space = UInt64(tokens[i].spaceAfter ? 1 : 0)
        let bucket = UInt64(since <= 3 ? since : since <= 6 ? 4 : since <= 10 ? 5 : since <= 20 ? 6 : 7)
        f.append(H.key(1, 0))
        f.append(H.key(2, w.lower))
        f.append(H.key(3, w.shape))
        f.append(H.key(4, n1.lower))
        f.append(H.key(5, n1.shape))
        f.append(H.key(6, p1.lower))
        f.append(H.key(7, p1.shape))
        f.append(H.key(8, w.shape, n1.shape))
        f.append(H.key(9, w.lower, n1.flags & 3))
        f.append(H.key(10, w.lower, space))
        f.append(H.key(11, kind, nextKind))
        f.append(H.key(12, n2.shape))
        f.append(H.key(13, p1.lower, w.lower))
        f.append(H.key(14, w.lower, n1.lower))
        f.append(H.key(15, bucket))
        f.append(H.key(16, bucket, w.shape))
        f.append(H.key(17, p1.shape, w.shape, n1.shape))
        f.append(H.key(18, w.suffix1, n1.prefix1))
        f.append(H.key(19, UInt64(min(w.length, 8)), w.flags, n1.flags & 3))
    }
}

extension SentenceSplitter {
    static let fileKind = "sentence-splitter"

    public func serialized() -> Data {
        var w = BinaryWriter()
        w.header(kind: Self.fileKind)
        model.write(to: &w)
        return w.data
    }

    public init(data: Data) throws {
        var r = BinaryReader(data: data)
        _ = try r.header(kind: Self.fileKind)
        self.init(model: try PerceptronModel.read(from: &r))
    }
}

/// Trains `SentenceSplitter` on treebank paragraphs: each paragraph's sentences are joined as
/// running text, cut by our tokenizer, and every token ending a gold sentence is a positive.
public struct SentenceSplitterTrainer {
    public var epochs = 8
    public var seed: UInt64 = 5

    public init() {}

    /// Paragraph texts with the scalar offsets where their gold sentences end.
    public static func paragraphs(_ sentences: [TreebankSentence]) -> [(text: String, ends: Set<Int>)] {
        var out: [(String, Set<Int>)] = []
        var text = ""
        var length = 0
        var ends = Set<Int>()
        for s in sentences {
            if s.newParagraph, !text.isEmpty {
                out.append((text, ends))
                text = ""
                length = 0
                ends = []
            }
            if !text.isEmpty {
                text += " "
                length += 1
            }
            text += s.text
            length += s.text.unicodeScalars.count
            ends.insert(length)
        }
        if !text.isEmpty { out.append((text, ends)) }
        return out
    }

    public func train(_ sentences: [TreebankSentence]) -> SentenceSplitter {
        let tokenizer = Tokenizer()
        let data = Self.paragraphs(sentences).map { p -> ([Token], [WordKeys], [Bool]) in
            let tokens = tokenizer.tokenize(p.text)
            return (tokens, tokens.map { WordKeys($0.form) }, tokens.map { p.ends.contains($0.end) })
        }
        var trainer = PerceptronTrainer(classCount: 2)
        var rng = SplitMix(seed: seed)
        var order = Array(data.indices)
        var scores = [Float](repeating: 0, count: 2)
        var features: [UInt64] = []
        for _ in 1...epochs {
            order.shuffle(using: &rng)
            for index in order {
                let (tokens, keys, gold) = data[index]
                var since = 0
                for i in 0..<(tokens.count - 1) {
                    since += 1
                    SentenceSplitter.features(tokens, keys, i, since: since, into: &features)
                    trainer.score(features, into: &scores)
                    let guess = scores[1] > scores[0] ? 1 : 0
                    trainer.tick()
                    trainer.update(features, truth: gold[i] ? 1 : 0, guess: guess)
                    if gold[i] { since = 0 }
                }
            }
        }
        return SentenceSplitter(model: trainer.averaged(classes: ["inside", "end"], threshold: 0.001))
    }
}
