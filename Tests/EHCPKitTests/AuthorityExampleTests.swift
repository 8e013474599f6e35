import EHCPTestSupport
import Testing
@testable import EHCPKit

/// Every `LocalAuthorities/*/examples/<case>/` bundle gives exactly its expected findings.
@Suite struct AuthorityExampleTests {
    static let catalog = RuleSetCatalog(directory: RepositoryPaths.localAuthorities)

    static var authorityFolders: [String] {
        FileAccess.list(catalog.directory).filter { FileAccess.exists(catalog.directory + "/\($0)/requirements.yaml") }
    }

    @Test(arguments: authorityFolders)
    func examplesGiveTheirExpectedFindings(_ folder: String) throws {
        let outcomes = try ExampleRunner.run(folder: Self.catalog.directory + "/" + folder, rulesets: Self.catalog)
        #expect(outcomes.count >= 2, "\(folder) needs a passing and a failing example")
        for outcome in outcomes {
            #expect(outcome.missing.isEmpty, "\(outcome.example): expected but not reported: \(outcome.missing)")
            #expect(outcome.unexpected.isEmpty, "\(outcome.example): reported but not expected: \(outcome.unexpected)")
        }
    }

    @Test func theBundledExamplePassesNorfolksRules() throws {
        let validator = Validator(rulesets: Self.catalog, options: ValidationOptions())
        let report = try validator.validate(bundle: RepositoryPaths.examples + "/riverside-request")
        #expect(report.findings.isEmpty, "\(report.findings.map(\.rule))")
        #expect(report.rulesets == ["england", "norfolk"])
    }
}
