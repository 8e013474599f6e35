import EHCPTestSupport
import Foundation
import Testing

/// `ehcp rules lint` checks values, windows, patterns and what a rule set extends, overrides and
/// disables, each at its place; untrusted rule sets cannot hang `ehcp validate`.
@Suite struct RuleLanguageCLITests {
    /// A rule set written to a new folder, as `rules.yaml`.
    private func ruleFile(_ text: String) throws -> String {
        let file = try EHCPProcess.temporaryFolder() + "/rules.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The rule set `text` written to a file, and what `ehcp rules lint` says of it (it must find a problem).
    private func lintRefuses(_ text: String) throws -> (file: String, stderr: String) {
        let file = try ruleFile(text)
        let lint = try EHCPProcess.run(["rules", "lint", file])
        #expect(lint.status == 1)
        return (file, lint.stderr)
    }

    @Test func aWrongWhenValueIsAnErrorAtItsPlace() throws {
        let lint = try lintRefuses(
            "ruleset: draft\nextends: england\nrules:\n  - id: X-SCHOOL\n    when: { requester.role: school }\n    evidence: { type: need-descriptor }\n")
        #expect(lint.stderr.contains("rules.yaml:5:29: error: 'school' is not a code of requester.role (did you mean 'setting'?)"), "\(lint.stderr)")
    }

    @Test func anUnknownOverrideOrDisabledIdIsAnErrorAtItsLine() throws {
        let (file, stderr) = try lintRefuses(
            "ruleset: draft\nextends: england\nrules: []\noverrides:\n  ENG-NO-SUCH-RULE: { severity: info }\ndisable: [ENG-NOR-THIS]\n")
        #expect(stderr.contains("rules.yaml:5:3: error: overrides names rule 'ENG-NO-SUCH-RULE'"), "\(stderr)")
        #expect(stderr.contains("rules.yaml:6:11: error: disable names rule 'ENG-NOR-THIS'"))
        // validate meets the same problems, in the same words.
        let validate = try EHCPProcess.run(["validate", RepositoryPaths.examples + "/riverside-request", "--rules", file])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains("rules.yaml:5:3: error: overrides names rule 'ENG-NO-SUCH-RULE'"), "\(validate.stderr)")
    }

    @Test func anOversizedWindowIsALintErrorAndNeverCrashesValidate() throws {
        let (file, stderr) = try lintRefuses("ruleset: draft\nrules:\n  - id: X-FOREVER\n    recency: { type: other, within: 2000000000000000000 weeks }\n")
        #expect(stderr.contains("rules.yaml:4:37: error: within '2000000000000000000 weeks' is longer than"), "\(stderr)")
        let validate = try EHCPProcess.run(["validate", RepositoryPaths.examples + "/riverside-request", "--rules", file])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains("rules.yaml:4:37"), "\(validate.stderr)")
    }

    @Test func aCatastrophicPatternAgainstA40CharacterValueEndsAtOnce() throws {
        let file = try ruleFile("ruleset: draft\nrules:\n  - id: X-PATTERN\n    field: { path: setting.name, pattern: \"(a+)+$\" }\n")
        // lint points at it, as a note: ehcp runs it safely, other tools may not.
        let lint = try EHCPProcess.run(["rules", "lint", file])
        #expect(lint.status == 0)
        #expect(lint.stderr.contains("rules.yaml:4:43: note: pattern repeats a group that itself repeats without bound"), "\(lint.stderr)")
        let bundle = try EHCPProcess.temporaryFolder()
        let name = String(repeating: "a", count: 39) + "!"
        try """
        schemaVersion: "1"
        authority: "926"
        dateOfRequest: 2026-10-05
        requester: { role: setting }
        child: { givenNames: A, familyName: B, dateOfBirth: 2016-03-14 }
        setting: { name: "\(name)" }
        """.write(toFile: bundle + "/application.yaml", atomically: true, encoding: .utf8)
        let result = try EHCPProcess.run(["validate", bundle, "--rules", file])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("X-PATTERN"))
        #expect(!result.stdout.contains(name), "a value of the request is never echoed")
    }

    @Test func nestedCountsStopAtTheOperationLimitAsARuleSetError() throws {
        let file = try ruleFile("ruleset: draft\nrules:\n  - id: X-XPATH\n    xpath: \"count(//*[count(//*[count(//*[count(//*)])])]) >= 0\"\n")
        let result = try EHCPProcess.run(["validate", RepositoryPaths.examples + "/riverside-request", "--rules", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("rules.yaml:3:5: error: rule X-XPATH could not be checked"), "\(result.stderr)")
        #expect(result.stderr.contains("Operation limit exceeded"))
    }

    @Test func everyPublishedRuleSetLintsCleanAgainstTheCatalog() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.localAuthorities)
        let files = folders.map { RepositoryPaths.localAuthorities + "/" + $0 + "/requirements.yaml" }.filter(FileManager.default.fileExists)
        let lint = try EHCPProcess.run(["rules", "lint"] + files)
        #expect(lint.status == 0, "\(lint.stderr)")
    }

    @Test func diffAndTestSayWhenAnAuthorityHasNoRulesOfItsOwn() throws {
        let diff = try EHCPProcess.run(["rules", "diff", "norfolk", "hackney"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("Hackney has no rules of its own: only the statutory baseline (england) applies to it."), "\(diff.stdout)")
        #expect(!diff.stdout.contains("Norfolk has no rules of its own"))

        let drafts = try EHCPProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: drafts + "/935-suffolk", withIntermediateDirectories: true)
        let test = try EHCPProcess.run(["rules", "test", drafts + "/935-suffolk"])
        #expect(test.status == 0, "\(test.stderr)")
        #expect(test.stdout.contains("935-suffolk has no rules of its own (no requirements.yaml)"), "\(test.stdout)")
    }
}
