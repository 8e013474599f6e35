import EHCPTestSupport
import Testing

@testable import EHCPKit

/// Every `LocalAuthorities/*/examples/<case>/` bundle gives exactly its expected findings (what
/// `ehcp rules test` runs), and every authority folder's `authority.yaml` is sound.
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

    /// Every authority folder: an `authority.yaml` that lints clean, for the authority its folder
    /// name gives, and a `requirements.yaml` exactly when research found rules of its own.
    static var everyAuthorityFolder: [String] {
        FileAccess.list(catalog.directory).filter { FileAccess.isDirectory(catalog.directory + "/" + $0) && $0 != "england" }
    }

    @Test(arguments: everyAuthorityFolder)
    func authorityFileLintsCleanAndItsResultMatchesItsRules(_ folder: String) throws {
        let path = Self.catalog.directory + "/" + folder
        let file = path + "/authority.yaml"
        try #require(FileAccess.exists(file), "\(folder) has no authority.yaml")
        let bytes = try FileAccess.read(file)
        let problems = AuthorityMetadata.lint(bytes, file: file)
        #expect(problems.isEmpty, "\(problems.map(\.description))")
        guard problems.isEmpty else { return }
        let metadata = try AuthorityMetadata.load(bytes, file: file)
        #expect(folder == "\(metadata.code)-\(metadata.slug)", "the folder is named <code>-<slug>")
        let hasRules = FileAccess.exists(path + "/requirements.yaml")
        #expect(hasRules == (metadata.result == .rules), "\(folder): result \(metadata.result.rawValue), requirements.yaml \(hasRules ? "present" : "absent")")
    }

    /// Its only findings are the notes on its attainment: reading rising more slowly than
    /// expected, and the latest point just over a year old.
    @Test func theBundledExamplePassesNorfolksRules() throws {
        let validator = Validator(rulesets: Self.catalog, options: ValidationOptions())
        let report = try validator.validate(bundle: RepositoryPaths.examples + "/riverside-request")
        #expect(report.findings.map(\.rule) == ["ENG-ATTAINMENT-SERIES", "ENG-PROGRESS-RATE"])
        #expect(report.findings.allSatisfy { $0.severity == .info && $0.path == "attainment[1]" })
        #expect(report.rulesets == ["england", "norfolk"])
    }
}
