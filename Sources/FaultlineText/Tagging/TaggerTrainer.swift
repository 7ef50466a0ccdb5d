import Foundation

/// Trains `PartOfSpeechTagger` on treebank sentences: the first pass on all of them, the
/// second pass on first-pass tags predicted by jackknifing (each fold tagged by a first pass
/// trained on the other folds), so it learns how far to trust them.
public struct TaggerTrainer: Sendable {
    public var epochs = 10
    public var folds = 5
    public var seed: UInt64 = 7
    /// Called with a line of progress.
    public var progress: @Sendable (String) -> Void = { _ in }

    public init() {}

    struct Example {
        var words: [WordKeys]
        var ambiguity: [UInt64]
        var gold: [Int]
    }

    /// What every training run derives from the treebank before any pass is trained.
    struct Prepared {
        var examples: [Example]
        var classes: [String]
        var fixed: [UInt64: Int32]
        var lexicon: [UInt64: UInt64]
    }

    public func train(_ sentences: [TreebankSentence]) -> PartOfSpeechTagger {
        let prepared = prepare(sentences)
        let (examples, classes, fixed) = (prepared.examples, prepared.classes, prepared.fixed)
        let predicted = jackknifedClasses(prepared)
        // The two passes are independent (the second reads jackknifed tags, not the first pass).
        let me = self
        let passes = ParallelMap.map([0, 1], jobs: 2) { k in
            let model = me.trainPass(examples, Array(examples.indices), classes: classes, fixed: fixed, right: k == 0 ? nil : predicted)
            me.progress(k == 0 ? "first pass trained" : "second pass trained")
            return model
        }
        let (first, second) = (passes[0], passes[1])
        return PartOfSpeechTagger(model: first, second: second, fixed: fixed, lexicon: prepared.lexicon)
    }

    /// Tag class names of the jackknifed first pass, for training a parser or recogniser on
    /// realistic tags.
    public func jackknife(_ sentences: [TreebankSentence]) -> [[String]] {
        let prepared = prepare(sentences)
        return jackknifedClasses(prepared).map { $0.map { prepared.classes[$0] } }
    }

    func prepare(_ sentences: [TreebankSentence]) -> Prepared {
        // Classes: every UPOS/XPOS pair seen.
        var classIndex: [String: Int] = [:]
        var classes: [String] = []
        var counts: [UInt64: [Int: Int]] = [:]
        var lowerTags: [UInt64: [Int: Int]] = [:]
        var examples: [Example] = sentences.map { s in
            let keys = s.words.map { WordKeys($0.form) }
            let gold = s.words.map { w -> Int in
                let name = "\(w.upos)\t\(w.xpos)"
                if let c = classIndex[name] { return c }
                classIndex[name] = classes.count
                classes.append(name)
                return classes.count - 1
            }
            for (k, g) in zip(keys, gold) {
                counts[k.form, default: [:]][g, default: 0] += 1
                lowerTags[k.lower, default: [:]][g, default: 0] += 1
            }
            return Example(words: keys, ambiguity: [], gold: gold)
        }
        var fixed: [UInt64: Int32] = [:]
        for (form, byClass) in counts {
            let total = byClass.values.reduce(0, +)
            if let (c, n) = byClass.max(by: { $0.value < $1.value }), total >= 20, Double(n) / Double(total) >= 0.995 {
                fixed[form] = Int32(c)
            }
        }
        // Ambiguity class: the tags making up at least 5% of a word's occurrences. Words seen
        // once are left out, so training sees "unknown" words as the tagger will at run time.
        var lexicon: [UInt64: UInt64] = [:]
        for (lower, byClass) in lowerTags {
            let total = byClass.values.reduce(0, +)
            if total < 2 { continue }
            let tags = byClass.filter { Double($0.value) >= 0.05 * Double(total) }.keys
            lexicon[lower] = PartOfSpeechTagger.ambiguityHash(Array(tags), frequent: total >= 5)
        }
        for i in examples.indices { examples[i].ambiguity = examples[i].words.map { lexicon[$0.lower] ?? 0 } }

        return Prepared(examples: examples, classes: classes, fixed: fixed, lexicon: lexicon)
    }

    /// The first-pass classes of every sentence, predicted by a model trained on the other folds.
    func jackknifedClasses(_ prepared: Prepared) -> [[Int]] {
        let (examples, classes, fixed) = (prepared.examples, prepared.classes, prepared.fixed)
        var predicted = [[Int]](repeating: [], count: examples.count)
        let (folds, me) = (self.folds, self)
        let fixedLookup = PrehashedMap(fixed)
        let tagged = ParallelMap.map(Array(0..<folds), jobs: 2) { fold in
            let held = examples.indices.filter { $0 % folds == fold }
            let rest = examples.indices.filter { $0 % folds != fold }
            let model = me.trainPass(examples, rest, classes: classes, fixed: fixed, right: nil)
            me.progress("jackknife fold \(fold + 1)/\(folds) done")
            return held.map { i in (i, PartOfSpeechTagger.pass(model, examples[i].words, examples[i].ambiguity, right: nil, fixed: fixedLookup).tags) }
        }
        for (i, tags) in tagged.joined() { predicted[i] = tags }
        return predicted
    }

    private func trainPass(_ examples: [Example], _ subset: [Int], classes: [String], fixed: [UInt64: Int32], right: [[Int]]?) -> PerceptronModel {
        var trainer = PerceptronTrainer(classCount: classes.count)
        var order = subset
        var rng = SplitMix(seed: seed)
        var scores = [Float](repeating: 0, count: classes.count)
        var features: [UInt64] = []
        for _ in 1...epochs {
            order.shuffle(using: &rng)
            for index in order {
                let e = examples[index]
                var tags = [Int](repeating: 0, count: e.words.count)
                for i in 0..<e.words.count {
                    if let c = fixed[e.words[i].form] {
                        tags[i] = Int(c)
                        continue
                    }
                    PartOfSpeechTagger.features(e.words, e.ambiguity, i, tags, right?[index], into: &features)
                    trainer.score(features, into: &scores)
                    let guess = PartOfSpeechTagger.argmax(scores)
                    trainer.tick()
                    trainer.update(features, truth: e.gold[i], guess: guess)
                    // Train on the predicted history, as the tagger will see it.
                    tags[i] = guess
                }
            }
        }
        return trainer.averaged(classes: classes, threshold: 0.001)
    }
}

/// A small deterministic random generator (splitmix64), so training runs repeat exactly.
public struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
