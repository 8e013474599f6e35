import EHCPSource
import Foundation

/// Validates many bundles in parallel, keeping the reports in the order given.
///
/// Each worker has its own ``Validator``, so the rule sets and formats it caches are never waited
/// for; a worker takes the next bundle from a shared counter, so slow bundles do not hold up the rest.
public struct BatchValidator: Sendable {
    /// One bundle's outcome: its report, or why it could not be read.
    public typealias Outcome = Result<BundleReport, any Error>

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
    public init(rulesets: RuleSetCatalog, options: ValidationOptions, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, formats: FormatRegistry? = nil) {
        self.rulesets = rulesets
        self.options = options
        self.jobs = max(1, jobs)
        self.formats = formats
    }

    /// Validates every bundle; `progress` is called (from any thread, one call at a time) with the
    /// number done after each bundle.
    public func validate(_ bundles: [String], progress: (@Sendable (Int) -> Void)? = nil) -> [Outcome] {
        let collected = Collected()
        validate(bundles, progress: progress) { _, outcome in collected.append(outcome) }
        return collected.outcomes
    }

    /// Validates every bundle and hands each outcome to `deliver` in the order given, as soon as it
    /// and every one before it are done; an outcome is not kept after it is delivered, so memory
    /// does not grow with the number of bundles. `deliver` and `progress` are called one at a time.
    public func validate(_ bundles: [String], progress: (@Sendable (Int) -> Void)? = nil, deliver: @escaping @Sendable (Int, Outcome) -> Void) {
        let state = SharedState(count: bundles.count, deliver: deliver)
        let workers = min(jobs, max(1, bundles.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let validator = Validator(rulesets: rulesets, options: options, formats: formats)
            while let index = state.next() {
                let outcome: Outcome = Result { try validator.validate(bundle: bundles[index]) }
                let done = state.store(outcome, at: index)
                progress?(done)
            }
        }
    }

    /// The effective rules of each authority the reports were checked against, by code (`""` for
    /// `--rules` files), for grouping findings and listing rules in reports.
    public func effectiveRules(for reports: [BundleReport]) -> [String: [Rule]] {
        let validator = Validator(rulesets: rulesets, options: options)
        var rules: [String: [Rule]] = [:]
        for report in reports {
            let code = report.authority?.code ?? ""
            guard rules[code] == nil, code != "" || !options.ruleFiles.isEmpty,
                let chain = try? validator.chain(forCode: code),
                let effective = try? EffectiveRules.combine(chain, asOf: report.asOf)
            else { continue }
            rules[code] = effective.rules
        }
        return rules
    }
}

/// The counter and the outcomes not yet delivered, behind one lock.
private final class SharedState: @unchecked Sendable {
    // Every access to the stored properties holds `lock`.
    private let lock = NSLock()
    private let count: Int
    private var nextIndex = 0
    private var done = 0
    private var nextToDeliver = 0
    private var waiting: [Int: BatchValidator.Outcome] = [:]
    private let deliver: @Sendable (Int, BatchValidator.Outcome) -> Void

    init(count: Int, deliver: @escaping @Sendable (Int, BatchValidator.Outcome) -> Void) {
        self.count = count
        self.deliver = deliver
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    /// Stores an outcome, delivers every outcome now next in order, and returns how many are done.
    func store(_ outcome: BatchValidator.Outcome, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        waiting[index] = outcome
        while let ready = waiting.removeValue(forKey: nextToDeliver) {
            deliver(nextToDeliver, ready)
            nextToDeliver += 1
        }
        done += 1
        return done
    }
}

/// Outcomes gathered in delivery order, for callers that want them all.
private final class Collected: @unchecked Sendable {
    // Appends come one at a time (delivery is serialised); `outcomes` is read after the batch.
    private(set) var outcomes: [BatchValidator.Outcome] = []

    func append(_ outcome: BatchValidator.Outcome) {
        outcomes.append(outcome)
    }
}

extension PersonalDetails {
    /// The child's name, date of birth and the sender's reference read from a bundle's document, for
    /// `--show-personal-data`; nil when the document cannot be read.
    public static func read(bundle path: String, zipLimits: ZipLimits = ZipLimits(), formats: FormatRegistry = .canonicalOnly) -> PersonalDetails? {
        func details(_ folder: String) throws -> PersonalDetails? {
            let located = try BundleLocator.locate(in: folder) { formats }
            let bytes = try FileAccess.readDocument(located.path)
            let format = try located.format ?? formats.detect(path: located.path, bytes: bytes)
            let application = try format.read(bytes, file: located.path).application
            let text = { (path: String) in application.values(at: path).first?.value.comparableText }
            let name = [text("child.givenNames"), text("child.familyName")].compactMap { $0 }.joined(separator: " ")
            let progress = ProgressReport(application)
            return PersonalDetails(
                childName: name.isEmpty ? nil : name, dateOfBirth: text("child.dateOfBirth"), reference: text("reference"),
                progress: progress.isEmpty ? nil : progress)
        }
        if path.lowercased().hasSuffix(".zip"), !FileAccess.isDirectory(path) {
            return try? ZipBundle.withUnpacked(path, limits: zipLimits, details)
        }
        return try? details(path)
    }
}
