import EHCPKit
import Foundation

/// Validators kept between requests by their options, so rule sets are loaded and compiled once
/// rather than on every request; the fewest recently used are dropped past `capacity`.
///
/// A validator holds only rule sets, formats and authority metadata, never anything from a request.
final class ValidatorCache: @unchecked Sendable {
    // `validators` and `order` are only touched while holding `lock`.
    private let lock = NSLock()
    private var validators: [String: Validator] = [:]
    private var order: [String] = []
    private let capacity: Int
    private let make: @Sendable (ValidationOptions) -> Validator

    init(capacity: Int = 32, make: @escaping @Sendable (ValidationOptions) -> Validator) {
        self.capacity = capacity
        self.make = make
    }

    /// The validator for these options (authority and as-of date; the zip limits are the server's).
    func validator(for options: ValidationOptions) -> Validator {
        let key = "\(options.authority ?? "")|\(options.asOf.map { "\($0)" } ?? "")"
        lock.lock()
        defer { lock.unlock() }
        if let cached = validators[key] {
            order.removeAll { $0 == key }
            order.append(key)
            return cached
        }
        let validator = make(options)
        validators[key] = validator
        order.append(key)
        if order.count > capacity { validators[order.removeFirst()] = nil }
        return validator
    }
}
