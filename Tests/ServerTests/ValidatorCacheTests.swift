import EHCPKit
import Testing

@testable import EHCPServer

/// Validators are reused for the same options and the least recently used are dropped.
@Suite struct ValidatorCacheTests {
    @Test func theSameOptionsShareAValidatorAndTheOldestIsDropped() {
        let rulesets = TestServer.configuration().rulesets
        let cache = ValidatorCache(capacity: 2) { Validator(rulesets: rulesets, options: $0) }
        let norfolk = cache.validator(for: ValidationOptions(authority: "926"))
        #expect(cache.validator(for: ValidationOptions(authority: "926")) === norfolk)
        let dated = cache.validator(for: ValidationOptions(authority: "926", asOf: CalendarDate(iso: "2026-10-05")))
        #expect(dated !== norfolk)
        _ = cache.validator(for: ValidationOptions(authority: "202"))
        #expect(cache.validator(for: ValidationOptions(authority: "926", asOf: CalendarDate(iso: "2026-10-05"))) === dated)
        #expect(cache.validator(for: ValidationOptions(authority: "926")) !== norfolk)
    }
}
