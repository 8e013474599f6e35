import EHCPSource
import Foundation

/// Validates many bundles in parallel, keeping the reports in the order given.
///
/// Each worker has its own ``Validator``, so the rule sets and formats it caches are never waited
/// for; a worker takes the next bundle from a shared counter, so slow bundles do not hold up the rest.
public struct BatchValidator: Sendable {
    /// One bundle's outcome: its report, or why it could not be read.
    public typealias Outcome = Result<BundleReport, DiagnosticList>

    /// Where rule sets come from.
    public let rulesets: RuleSetCatalog
    /// The same options for every bundle.
    public let options: ValidationOptions
    /// How many bundles are validated at once.
    public let jobs: Int
    /// The formats, when the caller has loaded them already; else each worker loads them if a
    /// bundle needs them.
    public let formats: FormatRegistry?

    /// A batch of `jobs` workers (at least 1; by default the number of cores).
    public init(rulesets: RuleSetCatalog, options: ValidationOptions, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, formats: FormatRegistry? = nil)
    {
        self.rulesets = rulesets
        self.options = options
        self.jobs = max(1, jobs)
        self.formats = formats
    }

    /// Validates every bundle; `progress` is called (from any thread, one call at a time) with the
    /// number done after each bundle.
    public func validate(_ bundles: [String], progress: (@Sendable (Int) -> Void)? = nil) -> [Outcome] {
        let collected = Locked<[Outcome]>([])
        validate(bundles, progress: progress) { _, outcome in collected.withLock { $0.append(outcome) } }
        return collected.current
    }

    /// Validates every bundle and hands each outcome to `deliver` in the order given, as soon as it
    /// and every one before it are done; an outcome is not kept after it is delivered, so memory
    /// does not grow with the number of bundles. `deliver` and `progress` are called one at a time.
    public func validate(_ bundles: [String], progress: (@Sendable (Int) -> Void)? = nil, deliver: @escaping @Sendable (Int, Outcome) -> Void) {
        let workers = min(jobs, max(1, bundles.count))
        let state = SharedState(count: bundles.count, workers: workers, deliver: deliver, progress: progress)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let validator = Validator(rulesets: rulesets, options: options, formats: formats)
            while let index = state.next() {
                let outcome = Outcome { () throws(DiagnosticList) in try validator.validate(bundle: bundles[index]) }
                state.store(outcome, at: index)
            }
        }
    }
}

/// The counter and the outcomes not yet delivered, behind one lock.
///
/// Reports are written outside the lock: the first worker to store an outcome while nobody is
/// delivering becomes the deliverer, and hands over every outcome next in order (including those
/// other workers store meanwhile) until none is ready, while the others go on validating. So that
/// memory stays bounded when the reader of the report is slow (a pipe to a pager), a worker waits
/// while `capacity` outcomes are already waiting, unless its own is the next to deliver.
private final class SharedState: Sendable {
    private let queue = Locked(Queue())
    private let count: Int
    private let capacity: Int
    private let deliver: @Sendable (Int, BatchValidator.Outcome) -> Void
    private let progress: (@Sendable (Int) -> Void)?

    init(count: Int, workers: Int, deliver: @escaping @Sendable (Int, BatchValidator.Outcome) -> Void, progress: (@Sendable (Int) -> Void)?) {
        self.count = count
        self.capacity = 64 * max(1, workers)
        self.deliver = deliver
        self.progress = progress
    }

    func next() -> Int? {
        queue.withLock { queue in
            guard queue.nextIndex < count else { return nil }
            queue.nextIndex += 1
            return queue.nextIndex - 1
        }
    }

    /// Stores an outcome; when nobody is delivering, delivers every outcome now next in order, and
    /// reports progress, one call at a time, outside the lock.
    func store(_ outcome: BatchValidator.Outcome, at index: Int) {
        let capacity = capacity
        // Waits while too many outcomes wait ahead of this one, unless this one is next to deliver.
        let mayStore: (Queue) -> Bool = { index == $0.nextToDeliver || $0.waiting.count < capacity }
        var ready: Queue.Ready? = queue.withLock(when: mayStore) { queue in
            queue.waiting[index] = outcome
            queue.done += 1
            guard !queue.delivering else { return nil }
            queue.delivering = true
            return queue.takeReady()
        }
        while let batch = ready {
            for (index, outcome) in batch.outcomes { deliver(index, outcome) }
            if let progress { for finished in batch.finished { progress(finished) } }
            ready = queue.withLock { $0.takeReady() }
        }
    }
}

/// The state the workers share: what to validate next, and the outcomes waiting to be delivered.
private struct Queue {
    var nextIndex = 0
    var done = 0
    var reportedDone = 0
    var nextToDeliver = 0
    var delivering = false
    var waiting: [Int: BatchValidator.Outcome] = [:]

    /// What the deliverer hands over next: the outcomes now next in order, and the counts of
    /// bundles done to report as progress.
    struct Ready {
        var outcomes: [(Int, BatchValidator.Outcome)]
        var finished: Range<Int>
    }

    /// Takes what is ready to hand over; nil, ending the delivering, when nothing is.
    mutating func takeReady() -> Ready? {
        var outcomes: [(Int, BatchValidator.Outcome)] = []
        while let outcome = waiting.removeValue(forKey: nextToDeliver) {
            outcomes.append((nextToDeliver, outcome))
            nextToDeliver += 1
        }
        guard !outcomes.isEmpty || done != reportedDone else {
            delivering = false
            return nil
        }
        let finished = (reportedDone + 1)..<(done + 1)
        reportedDone = done
        return Ready(outcomes: outcomes, finished: finished)
    }
}
