/// Trains a multiclass averaged perceptron over hashed sparse features.
///
/// Weights are sparse per feature: a feature keeps an entry only for classes it was ever
/// updated for, chained in `next` links, so a model with a hundred classes and millions of
/// features fits in memory. Averaging is lazy (Daumé's trick): each weight remembers when it
/// last changed and adds `weight × elapsed` to its running total on the next change.
public struct PerceptronTrainer: Sendable {
    public let classCount: Int
    private var table = FeatureTable(capacity: 1 << 16)
    private var head: [Int32] = []  // feature row → first entry, -1 if none
    private var next: [Int32] = []
    private var cls: [UInt16] = []
    private var weight: [Float] = []
    private var total: [Double] = []
    private var stamp: [Int32] = []
    private var seen: [Int32] = []  // per row: how often the feature occurred in an update
    /// Instances seen so far (the averaging clock).
    public private(set) var time: Int32 = 0

    public init(classCount: Int) {
        self.classCount = classCount
    }

    /// Adds each present feature's weights into `scores` (which must hold `classCount` values).
    @inline(__always)
    public func score(_ features: [UInt64], into scores: inout [Float]) {
        for i in 0..<classCount { scores[i] = 0 }
        for f in features {
            let row = table.find(f)
            if row < 0 { continue }
            var e = head[Int(row)]
            while e >= 0 {
                scores[Int(cls[Int(e)])] += weight[Int(e)]
                e = next[Int(e)]
            }
        }
    }

    /// Advances the averaging clock by one instance.
    public mutating func tick() { time += 1 }

    /// Rewards `truth` and penalises `guess` on these features.
    public mutating func update(_ features: [UInt64], truth: Int, guess: Int, step: Float = 1) {
        guard truth != guess else { return }
        for f in features {
            let row = updatedRow(f)
            add(row: row, cls: truth, delta: step)
            add(row: row, cls: guess, delta: -step)
        }
    }

    /// Adds `delta` to class `c`'s weight on these features (a structured perceptron's update,
    /// where the truth and the guess read different features).
    public mutating func adjust(_ features: [UInt64], class c: Int, by delta: Float) {
        for f in features { add(row: updatedRow(f), cls: c, delta: delta) }
    }

    /// The feature's row (made on first sight), counted as updated once more.
    private mutating func updatedRow(_ f: UInt64) -> Int32 {
        var row = table.find(f)
        if row < 0 {
            row = Int32(head.count)
            table.insert(f, row)
            head.append(-1)
            seen.append(0)
        }
        seen[Int(row)] += 1
        return row
    }

    private mutating func add(row: Int32, cls c: Int, delta: Float) {
        var e = head[Int(row)]
        while e >= 0 {
            if Int(cls[Int(e)]) == c { break }
            e = next[Int(e)]
        }
        if e < 0 {
            e = Int32(cls.count)
            cls.append(UInt16(c))
            weight.append(0)
            total.append(0)
            stamp.append(time)
            next.append(head[Int(row)])
            head[Int(row)] = e
        }
        let i = Int(e)
        total[i] += Double(time - stamp[i]) * Double(weight[i])
        stamp[i] = time
        weight[i] += delta
    }

    /// The averaged model, dropping entries whose averaged weight is below `threshold` in
    /// magnitude and features updated fewer than `minimumUpdates` times.
    ///
    /// With `maxEntries`, the threshold rises until at most that many weights remain (the
    /// smallest averaged weights matter least; this is how the models stay small).
    public func averaged(classes: [String], threshold: Float = 0.0, minimumUpdates: Int32 = 1, maxEntries: Int? = nil) -> PerceptronModel {
        precondition(classes.count == classCount)
        var threshold = threshold
        let t0 = Double(max(time, 1))
        if let maxEntries, cls.count > maxEntries {
            var magnitudes = (0..<cls.count).map { i in Float(abs((total[i] + Double(time - stamp[i]) * Double(weight[i])) / t0)) }
            magnitudes.sort(by: >)
            threshold = max(threshold, magnitudes[maxEntries])
        }
        var keys: [UInt64] = []
        var starts: [UInt32] = [0]
        var outClasses: [UInt16] = []
        var outWeights: [Float] = []
        let t = Double(max(time, 1))
        var rowKeys = [UInt64](repeating: 0, count: head.count)
        for (slot, key) in table.keys.enumerated() where key != 0 { rowKeys[Int(table.values[slot])] = key }
        for row in 0..<head.count where seen[row] >= minimumUpdates {
            var e = head[row]
            var any = false
            while e >= 0 {
                let i = Int(e)
                let average = (total[i] + Double(time - stamp[i]) * Double(weight[i])) / t
                if abs(average) > Double(threshold) {
                    outClasses.append(cls[i])
                    outWeights.append(Float(average))
                    any = true
                }
                e = next[i]
            }
            if any {
                keys.append(rowKeys[row])
                starts.append(UInt32(outClasses.count))
            }
        }
        return PerceptronModel(classes: classes, keys: keys, starts: starts, entryClasses: outClasses, entryWeights: outWeights)
    }

    /// The mean of several trainers' averaged weights (runs over different shuffles of the same
    /// data), dropping entries below `threshold` in magnitude: steadier than any one run.
    ///
    /// With `maxEntries`, the threshold rises until at most that many weights remain, as in
    /// `averaged`. Entries are gathered into flat arrays and sorted by (key, class, run), so
    /// the sums are made in run order and the same runs always give the same file.
    public static func mean(_ trainers: [PerceptronTrainer], classes: [String], threshold: Float = 0.0, maxEntries: Int? = nil) -> PerceptronModel {
        var entryKeys: [UInt64] = []
        var entryClass: [UInt16] = []
        var entryValue: [Double] = []
        for trainer in trainers {
            precondition(trainer.classCount == classes.count)
            let t = Double(max(trainer.time, 1))
            for (slot, key) in trainer.table.keys.enumerated() where key != 0 {
                var e = trainer.head[Int(trainer.table.values[slot])]
                while e >= 0 {
                    let i = Int(e)
                    entryKeys.append(key)
                    entryClass.append(trainer.cls[i])
                    entryValue.append((trainer.total[i] + Double(trainer.time - trainer.stamp[i]) * Double(trainer.weight[i])) / t)
                    e = trainer.next[i]
                }
            }
        }
        // Indices are appended run by run, so ties on (key, class) keep run order.
        let order = entryKeys.indices.sorted { a, b in
            entryKeys[a] != entryKeys[b] ? entryKeys[a] < entryKeys[b] : entryClass[a] != entryClass[b] ? entryClass[a] < entryClass[b] : a < b
        }
        let n = Double(max(trainers.count, 1))
        var merged: [(key: UInt64, cls: UInt16, value: Double)] = []
        var k = 0
        while k < order.count {
            let first = order[k]
            var sum = 0.0
            while k < order.count && entryKeys[order[k]] == entryKeys[first] && entryClass[order[k]] == entryClass[first] {
                sum += entryValue[order[k]]
                k += 1
            }
            merged.append((entryKeys[first], entryClass[first], sum / n))
        }
        var limit = Double(threshold)
        if let maxEntries, merged.count > maxEntries {
            var magnitudes = merged.map { abs($0.value) }
            magnitudes.sort(by: >)
            limit = max(limit, magnitudes[maxEntries])
        }
        var keys: [UInt64] = []
        var starts: [UInt32] = [0]
        var outClasses: [UInt16] = []
        var outWeights: [Float] = []
        for entry in merged where abs(entry.value) > limit {
            if keys.last != entry.key {
                if !keys.isEmpty { starts.append(UInt32(outClasses.count)) }
                keys.append(entry.key)
            }
            outClasses.append(entry.cls)
            outWeights.append(Float(entry.value))
        }
        if !keys.isEmpty { starts.append(UInt32(outClasses.count)) }
        return PerceptronModel(classes: classes, keys: keys, starts: starts, entryClasses: outClasses, entryWeights: outWeights)
    }

    /// Features with a row so far (for progress reports).
    public var featureCount: Int { head.count }
}
