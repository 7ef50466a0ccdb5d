/// Trains `EntityRecognizer` on IOB2 sentences (converted to BILOU), with part-of-speech tags
/// from the tagger.
///
///     let recognizer = EntityRecognizerTrainer().train(sentences, tagger: tagger, names: names)
public struct EntityRecognizerTrainer {
    public var epochs = 12
    public var seed: UInt64 = 13
    /// Training runs (seeds `seed`, `seed + 1`, …) whose weights are averaged.
    public var runs = 5
    /// Folds for the training sentences' own lexicon (1: the full lexicon).
    public var lexiconFolds = 3
    /// How often a word must occur in training to enter the lexicon.
    public var lexiconMinimum = 2
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

    /// The lexicon of what words were labelled in training: for each lowercase word seen twice
    /// or more, the entity types and the BILOU labels it carried at least 10% of the time.
    static func lexicon(_ sentences: [EntitySentence], minimumCount: Int = 2) -> [UInt64: NameEvidence] {
        var typeCounts: [UInt64: [String: Int]] = [:]
        var labelCounts: [UInt64: [String: Int]] = [:]
        for s in sentences {
            for (form, (tag, label)) in zip(s.forms, zip(s.tags, bilou(s.tags))) {
                let lower = WordKeys(form).lower
                typeCounts[lower, default: [:]][tag == "O" ? "O" : String(tag.dropFirst(2)), default: 0] += 1
                labelCounts[lower, default: [:]][label, default: 0] += 1
            }
        }
        func hash(_ counts: [String: Int], _ seed: UInt64) -> UInt64 {
            let total = counts.values.reduce(0, +)
            var h = seed
            for t in counts.keys.sorted() where Double(counts[t]!) >= 0.1 * Double(total) { h = FeatureHash.mix(h, FeatureHash.string(t)) }
            return h
        }
        var lexicon: [UInt64: NameEvidence] = [:]
        for (lower, counts) in typeCounts where counts.values.reduce(0, +) >= minimumCount {
            lexicon[lower] = NameEvidence(types: hash(counts, 0x77), labels: hash(labelCounts[lower] ?? [:], 0x78))
        }
        return lexicon
    }

    /// `jackknifed`: tag class names by sentence id, predicted by taggers that never saw the
    /// sentence (the shipped tagger was trained on these very sentences, so its tags here are
    /// better than it will ever give at run time); sentences without them use `tagger`.
    public func train(
        _ sentences: [EntitySentence], tagger: PartOfSpeechTagger, names: NameList, jackknifed: [String: [String]] = [:]
    ) -> EntityRecognizer {
        var classIndex: [String: Int] = ["O": 0]
        var classes = ["O"]
        let lexicon = Self.lexicon(sentences, minimumCount: lexiconMinimum)
        // Each training sentence reads a lexicon built without its own fold, as unseen text
        // will: with the full lexicon, every training name would vouch for itself.
        let folds = lexiconFolds
        // Folds are contiguous blocks, so a document's sentences share one: names repeat within
        // a document, and text at run time comes from documents training never saw.
        let fold = { (index: Int) in index * folds / max(sentences.count, 1) }
        let foldLexicons = folds > 1 ? (0..<folds).map { f in PrehashedMap(Self.lexicon(sentences.indices.filter { fold($0) != f }.map { sentences[$0] }, minimumCount: lexiconMinimum)) } : []
        let whole = PrehashedMap(lexicon)
        let data = sentences.enumerated().map { (index, s) -> (EntityContext, [Int]) in
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
            let own = folds > 1 ? foldLexicons[fold(index)] : whole
            return (EntityContext(words: keys, tags: tags, lexicon: own, names: names), gold)
        }
        // A structured perceptron: decode each sentence as the recogniser will (Viterbi), and
        // where the best path differs from the gold one, reward the gold path's features and
        // penalise the predicted path's, word by word. Several runs over different shuffles,
        // their weights averaged: one run's dev F1 moves by a point or more with the shuffle alone.
        let scheme = BILOUScheme(classes: classes)
        var features: [UInt64] = []
        var trainers: [PerceptronTrainer] = []
        for run in 0..<runs {
            var trainer = PerceptronTrainer(classCount: classes.count)
            var rng = SplitMix(seed: seed &+ UInt64(run))
            var order = Array(data.indices)
            for epoch in 1...epochs {
                order.shuffle(using: &rng)
                for index in order {
                    let (context, gold) = data[index]
                    let guess = EntityRecognizer.viterbi(context, scheme) { trainer.score($0, into: &$1) }
                    for _ in gold.indices { trainer.tick() }
                    guard guess != gold else { continue }
                    for i in gold.indices {
                        let goldBefore = i > 0 ? gold[i - 1] : -1
                        let guessBefore = i > 0 ? guess[i - 1] : -1
                        if gold[i] != guess[i] {
                            EntityRecognizer.observationFeatures(context, i, into: &features)
                            trainer.update(features, truth: gold[i], guess: guess[i])
                        }
                        if gold[i] != guess[i] || goldBefore != guessBefore {
                            features.removeAll(keepingCapacity: true)
                            EntityRecognizer.labelFeatures(context, i, previous: goldBefore, into: &features)
                            trainer.adjust(features, class: gold[i], by: 1)
                            features.removeAll(keepingCapacity: true)
                            EntityRecognizer.labelFeatures(context, i, previous: guessBefore, into: &features)
                            trainer.adjust(features, class: guess[i], by: -1)
                        }
                    }
                }
                progress("ner run \(run + 1)/\(runs) epoch \(epoch)")
            }
            trainers.append(trainer)
        }
        return EntityRecognizer(model: PerceptronTrainer.mean(trainers, classes: classes, threshold: 0.001), lexicon: lexicon, names: names)
    }
}
