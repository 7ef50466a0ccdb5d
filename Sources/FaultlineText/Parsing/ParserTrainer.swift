import Foundation

/// Trains `DependencyParser` with a dynamic oracle (Goldberg and Nivre): at each step the
/// update rewards the best-scoring transition among those that lose the fewest gold arcs, and
/// after the first epoch training follows the model's own (possibly wrong) choices most of the
/// time, so the parser learns to recover from its mistakes.
public struct ParserTrainer: Sendable {
    public var epochs = 12
    public var explore = 0.9
    public var seed: UInt64 = 11
    /// The most weights the shipped model keeps (the smallest are dropped).
    public var maxEntries = 1_400_000
    /// Training runs (seeds `seed`, `seed + 1`, …, two at a time) whose averaged weights are
    /// averaged again before pruning: like an ensemble, at one model's size and speed.
    public var runs = 2
    public var progress: @Sendable (String) -> Void = { _ in }

    public init() {}

    struct Example {
        var words: [WordKeys]
        var tags: [UInt64]
        var coarse: [UInt64]
        var heads: [Int]  // 0…n indexed, heads[0] unused
        var labels: [Int]
    }

    /// `tags`: the tag class names ("UPOS\tXPOS") the parser will see for each sentence
    /// (predicted, ideally jackknifed).
    public func train(_ sentences: [TreebankSentence], tags: [[String]]) -> DependencyParser {
        var labelIndex: [String: Int] = [:]
        var labels: [String] = []
        let examples: [Example] = zip(sentences, tags).map { s, t in
            var heads = [-1]
            var ls = [-1]
            for w in s.words {
                heads.append(w.head)
                if labelIndex[w.deprel] == nil {
                    labelIndex[w.deprel] = labels.count
                    labels.append(w.deprel)
                }
                ls.append(labelIndex[w.deprel]!)
            }
            let coarse = t.map { FeatureHash.string(String($0.split(separator: "\t").first ?? "X")) }
            return Example(words: s.words.map { WordKeys($0.form) }, tags: t.map(FeatureHash.string), coarse: coarse, heads: heads, labels: ls)
        }
        let classes = ParserTransition.classNames(labels: labels)
        if runs <= 1 {
            let trainer = run(examples, classes: classes, seed: seed, label: "")
            return DependencyParser(model: trainer.averaged(classes: classes, threshold: 0.001, maxEntries: maxEntries), labels: labels)
        }
        let me = self
        let trainers = ParallelMap.map(Array(0..<runs), jobs: 2) { r in
            me.run(examples, classes: classes, seed: me.seed &+ UInt64(r), label: "run \(r + 1)/\(me.runs) ")
        }
        return DependencyParser(model: PerceptronTrainer.mean(trainers, classes: classes, threshold: 0.001, maxEntries: maxEntries), labels: labels)
    }

    /// One training run over shuffles seeded by `seed`.
    private func run(_ examples: [Example], classes: [String], seed: UInt64, label: String) -> PerceptronTrainer {
        var trainer = PerceptronTrainer(classCount: classes.count)
        var rng = SplitMix(seed: seed)
        var order = Array(examples.indices)
        var scores = [Float](repeating: 0, count: classes.count)
        var features: [UInt64] = []
        var costs = [Int](repeating: 0, count: classes.count)
        for epoch in 1...epochs {
            order.shuffle(using: &rng)
            var correct = 0
            var total = 0
            for index in order {
                let e = examples[index]
                let (w, p, k) = DependencyParser.wordTable(e.words, e.tags, e.coarse)
                var state = ParseState(count: e.words.count)
                while !state.isTerminal {
                    // As in parsing: a lone root leaves only SHIFT, which can be neither wrong nor learnt from.
                    if state.stack.count == 1 {
                        state.shift()
                        continue
                    }
                    DependencyParser.features(state, w, p, k, into: &features)
                    trainer.score(features, into: &scores)
                    let guess = DependencyParser.bestValid(scores, state)
                    Self.costs(state, e, into: &costs)
                    var minimum = Int.max
                    for c in 0..<classes.count where ParserTransition.isValid(c, state) { minimum = min(minimum, costs[c]) }
                    var gold = -1
                    var goldScore = -Float.infinity
                    for c in 0..<classes.count where ParserTransition.isValid(c, state) && costs[c] == minimum && scores[c] > goldScore {
                        gold = c
                        goldScore = scores[c]
                    }
                    trainer.tick()
                    total += 1
                    if costs[guess] == minimum {
                        correct += 1
                        ParserTransition.apply(guess, &state)
                    } else {
                        trainer.update(features, truth: gold, guess: guess)
                        let follow = epoch > 1 && Double(rng.next() % 10_000) / 10_000 < explore
                        ParserTransition.apply(follow ? guess : gold, &state)
                    }
                }
            }
            progress(label + String(format: "parser epoch %d: %.4f of transitions optimal, %d features", epoch, Double(correct) / Double(total), trainer.featureCount))
        }
        return trainer
    }

    /// The number of gold arcs each transition makes unreachable (arc-hybrid; a wrong label on
    /// an otherwise right arc costs one).
    static func costs(_ st: ParseState, _ e: Example, into costs: inout [Int]) {
        let s0 = st.s0
        let s1 = st.s1
        let b0 = st.b0
        let n = st.n
        let labelCount = (costs.count - 1) / 2
        // SHIFT: b0 loses its head if it is in the stack below s0, and its dependents in the stack.
        if b0 >= 0 {
            var c = 0
            for (k, x) in st.stack.enumerated() {
                if e.heads[x] == b0 && x != 0 { c += 1 }
                if x == e.heads[b0] && k < st.stack.count - 1 { c += 1 }
            }
            costs[0] = c
        } else {
            costs[0] = 1_000
        }
        guard s0 > 0 else {
            for c in 1..<costs.count { costs[c] = 1_000 }
            return
        }
        // Dependents of s0 still in the buffer are lost by either reduction.
        var lostChildren = 0
        if st.front <= n { for d in st.front...n where e.heads[d] == s0 { lostChildren += 1 } }
        let h = e.heads[s0]
        let headInBuffer = h >= st.front && h <= n
        // LEFT (head b0)
        let leftBase = lostChildren + ((h != b0 && (h == s1 || headInBuffer)) ? 1 : 0)
        // RIGHT (head s1)
        let rightBase = lostChildren + ((h != s1 && headInBuffer) ? 1 : 0)
        for l in 0..<labelCount {
            costs[ParserTransition.left(l)] = leftBase + (h == b0 && e.labels[s0] != l ? 1 : 0)
            costs[ParserTransition.right(l)] = rightBase + (h == s1 && e.labels[s0] != l ? 1 : 0)
        }
    }
}

