import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

@Suite struct BatchValidatorTests {
    let examples = FileAccess.list(RepositoryPaths.localAuthorities).flatMap { folder in
        FileAccess.list(RepositoryPaths.localAuthorities + "/\(folder)/examples").filter { !$0.hasSuffix(".yaml") }.map {
            RepositoryPaths.localAuthorities + "/\(folder)/examples/\($0)"
        }
    }.sorted()

    func batch(jobs: Int) -> BatchValidator {
        BatchValidator(rulesets: RuleSetCatalog(directory: RepositoryPaths.localAuthorities), options: ValidationOptions(), jobs: jobs)
    }

    @Test func parallelReportsEqualSerialOnesInInputOrder() throws {
        #expect(examples.count > 20)
        let serial = try batch(jobs: 1).validate(examples).map { try $0.get() }
        let parallel = try batch(jobs: 4).validate(examples).map { try $0.get() }
        #expect(parallel.map(\.bundle) == examples)
        #expect(parallel.map(\.findings) == serial.map(\.findings))
    }

    @Test func anUnreadableBundleFailsAloneAndProgressCountsEveryBundle() throws {
        let broken = NSTemporaryDirectoryPath.make()
        try "child: [\n".write(toFile: broken + "/application.yaml", atomically: true, encoding: .utf8)
        let paths = [examples[0], broken, examples[1]]
        let counter = Locked(0)
        let outcomes = batch(jobs: 3).validate(paths) { _ in counter.withLock { $0 += 1 } }
        #expect(counter.current == 3)
        #expect((try? outcomes[0].get()) != nil && (try? outcomes[2].get()) != nil)
        #expect((try? outcomes[1].get()) == nil)
    }

    @Test func eachReportCarriesTheRulesAppliedToIt() throws {
        let reports = try batch(jobs: 2).validate(examples).map { try $0.get() }
        let norfolk = try #require(reports.first { $0.authority?.code == "926" && !$0.rulesets.isEmpty })
        #expect(norfolk.rules.contains { $0.id == "NFK-APDR-CYCLES" })
        #expect(norfolk.rules.contains { $0.id == "ENG-AUTHORITY" })
        let bedford = try #require(reports.first { $0.authority?.code == "822" })
        #expect(!bedford.rules.contains { $0.id == "NFK-APDR-CYCLES" })
    }

    /// Two requests to one authority either side of the date its rule set takes effect are each
    /// reported with the rules in effect on their own date, in one batch.
    @Test func rulesFollowEachBundlesOwnDate() throws {
        let folder = NSTemporaryDirectoryPath.make()
        for (name, date) in [("before", "2018-08-31"), ("after", "2018-09-01")] {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
            try "schemaVersion: \"1.1\"\nauthority: \"822\"\ndateOfRequest: \(date)\n".write(
                toFile: folder + "/\(name)/application.yaml", atomically: true, encoding: .utf8)
        }
        let reports = try batch(jobs: 2).validate([folder + "/before", folder + "/after"]).map { try $0.get() }
        #expect(reports[0].rulesets == ["england"])
        #expect(reports[1].rulesets == ["england", "bedford"])
        #expect(!reports[0].rules.contains { $0.ruleset == "bedford" })
        #expect(reports[1].rules.contains { $0.ruleset == "bedford" })
    }
}
