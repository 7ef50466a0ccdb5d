import Dispatch
import Foundation

/// Independent training jobs (jackknife folds, shuffled runs) on this machine's cores, results
/// in job order: each job is deterministic on its own, so the outcome does not depend on which
/// thread ran it.
enum Parallel {
    static func map<R: Sendable>(_ count: Int, width: Int = 2, _ job: @Sendable (Int) -> R) -> [R] {
        guard count > 0 else { return [] }
        let workers = max(1, min(width, count, ProcessInfo.processInfo.activeProcessorCount))
        if workers == 1 { return (0..<count).map(job) }
        let slots = Slots<R>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var k = worker
            while k < count {
                slots.set(k, job(k))
                k += workers
            }
        }
        return slots.values()
    }

    /// One slot per job, each written once by the worker that ran it.
    private final class Slots<R: Sendable>: @unchecked Sendable {
        private var values_: [R?]
        private let lock = NSLock()

        init(count: Int) { values_ = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: R) {
            lock.lock()
            values_[index] = value
            lock.unlock()
        }

        func values() -> [R] { values_.map { $0! } }
    }
}
