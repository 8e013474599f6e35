import EHCPKit
import Foundation

/// Validators kept between requests by their options, so rule sets are loaded and compiled once
/// rather than on every request; the fewest recently used are dropped past `capacity`.
///
/// A validator holds only rule sets, formats and authority metadata, never anything from a request.
final class ValidatorCache: Sendable {
    /// The validators by key, and the keys from least to most recently used.
    private struct Entries {
        var validators: [String: Validator] = [:]
        var order: [String] = []
    }

    private let entries = Locked(Entries())
    private let capacity: Int
    private let make: @Sendable (ValidationOptions) -> Validator

    init(capacity: Int = 32, make: @escaping @Sendable (ValidationOptions) -> Validator) {
        self.capacity = capacity
        self.make = make
    }

    /// The validator for these options (authority and as-of date; the zip limits are the server's).
    func validator(for options: ValidationOptions) -> Validator {
        let key = "\(options.authority ?? "")|\(options.asOf.map { "\($0)" } ?? "")"
        return entries.withLock { entries in
            if let cached = entries.validators[key] {
                entries.order.removeAll { $0 == key }
                entries.order.append(key)
                return cached
            }
            let validator = make(options)
            entries.validators[key] = validator
            entries.order.append(key)
            if entries.order.count > capacity { entries.validators[entries.order.removeFirst()] = nil }
            return validator
        }
    }
}
