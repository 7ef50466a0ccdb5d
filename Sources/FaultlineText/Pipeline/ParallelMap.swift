import Dispatch

/// Maps items on several threads and returns the results in the items' order: files in a batch
/// (the store's ingestor), training jobs (jackknife folds, shuffled runs). Each item's result
/// depends on the item alone, so the outcome does not depend on which thread ran it.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
        let workers = max(1, min(jobs, items.count))
        if workers == 1 { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < items.count {
                slots.set(index, transform(items[index]))
                index += workers
            }
        }
        return slots.values()
    }

    /// One slot per item, each written by exactly one worker before `values()` reads them.
    private final class Slots<R>: @unchecked Sendable {
        private let base: UnsafeMutablePointer<R?>
        private let count: Int

        init(count: Int) {
            base = UnsafeMutablePointer<R?>.allocate(capacity: count)
            base.initialize(repeating: nil, count: count)
            self.count = count
        }

        func set(_ index: Int, _ value: R) { base[index] = value }

        func values() -> [R] {
            (0..<count).map { base[$0]! }
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }
}
