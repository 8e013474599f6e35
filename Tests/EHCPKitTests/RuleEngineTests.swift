import EHCPSource
import Testing

@testable import EHCPKit

/// Each check kind and condition form, with an application that passes and one that fails.
@Suite struct RuleEngineTests {
    static let base = """
        schemaVersion: "1"
        authority: "926"
        dateOfRequest: 2026-10-05
        requester: { role: setting }
        child: { givenNames: A, familyName: B, dateOfBirth: 2016-03-14 }

        """

    func rules(_ text: String) throws -> [Rule] {
        try RuleSetLoader.load(Array("ruleset: test\nrules:\n\(text)".utf8), file: "rules.yaml").rules
    }

    func findings(_ rule: String, _ application: String, asOf: String = "2026-10-05") throws -> [Finding] {
        let read = try CanonicalYAMLFormat().read(Array((Self.base + application).utf8), file: "application.yaml")
        #expect(read.findings.isEmpty, "\(read.findings)")
        let evaluator = RuleEvaluator(application: read.application, asOf: CalendarDate(iso: asOf)!)
        return try rules(rule).flatMap(evaluator.evaluate)
    }

    @Test func evidenceCountsItemsOfTheType() throws {
        let rule = "  - id: T\n    evidence: { type: consent-form, within: 6 months }\n"
        #expect(try findings(rule, "evidence: [{ id: c, type: consent-form, date: 2026-09-01 }]\n").isEmpty)
        let stale = try findings(rule, "evidence: [{ id: c, type: consent-form, date: 2026-03-01 }]\n")
        #expect(stale.map(\.rule) == ["T"])
        #expect(stale.first?.path == "evidence")
    }

    @Test func evidenceByAuthorRole() throws {
        let rule = "  - id: T\n    evidence: { type: educational-psychologist-report, authorRole: educational-psychologist }\n"
        #expect(try findings(rule, "evidence: [{ id: e, type: educational-psychologist-report, author: { role: educational-psychologist } }]\n").isEmpty)
        #expect(try findings(rule, "evidence: [{ id: e, type: educational-psychologist-report, author: { role: other } }]\n").count == 1)
    }

    @Test func recencyReportsEachStaleItemAtItsDate() throws {
        let rule = "  - id: T\n    recency: { types: [speech-and-language-report], within: 12 months }\n"
        let result = try findings(
            rule,
            """
            evidence:
              - { id: a, type: speech-and-language-report, date: 2026-06-12 }
              - { id: b, type: speech-and-language-report, date: 2025-06-12 }
            """)
        #expect(result.map(\.path) == ["evidence[1].date"])
        #expect(result.first?.location?.line == 8)
        #expect(result.first?.message.contains("2026-06-13") == true)
    }

    @Test func recencyWarnsOfItemsExpiringWithin30Days() throws {
        let rule = "  - id: T\n    recency: { type: speech-and-language-report, within: 12 months }\n"
        let result = try findings(rule, "evidence: [{ id: a, type: speech-and-language-report, date: 2025-10-20 }]\n")
        #expect(result.map(\.severity) == [.info])
        #expect(result.first?.message.contains("2026-10-21") == true)
    }

    @Test func recencyWhereSkipsDiagnosisConfirmingReports() throws {
        let rule = "  - id: T\n    recency: { type: paediatric-report, within: 18 months, where: { confirmsDiagnosis: false } }\n"
        #expect(try findings(rule, "evidence: [{ id: a, type: paediatric-report, date: 2020-01-01, confirmsDiagnosis: true }]\n").isEmpty)
        #expect(try findings(rule, "evidence: [{ id: a, type: paediatric-report, date: 2020-01-01 }]\n").count == 1)
    }

    @Test func recencyAcrossALeapDay() throws {
        let rule = "  - id: T\n    recency: { type: other, within: 24 months }\n"
        // 24 months before 2026-02-28 is 2024-02-28: an item dated 2024-02-29 is still current.
        #expect(try findings(rule, "evidence: [{ id: a, type: other, date: 2024-02-29 }]\n", asOf: "2026-02-28").allSatisfy { $0.severity == .info })
        #expect(try findings(rule, "evidence: [{ id: a, type: other, date: 2024-02-27 }]\n", asOf: "2026-02-28").map(\.severity) == [.error])
    }

    @Test func fieldConstraints() throws {
        #expect(try findings("  - id: T\n    field: { path: provisionTotal, min: 6000 }\n", "provision: [{ annualCost: 7000 }]\n").isEmpty)
        #expect(try findings("  - id: T\n    field: { path: provisionTotal, min: 6000 }\n", "provision: [{ annualCost: 2280 }]\n").count == 1)
        #expect(try findings("  - id: T\n    field: { path: setting.urn, required: true }\n", "").first?.message.contains("missing") == true)
        #expect(try findings("  - id: T\n    field: { path: form.version, pattern: \"2025-.*\" }\n", "form: { version: \"2024-01\" }\n").count == 1)
        #expect(try findings("  - id: T\n    field: { path: child.dateOfBirth, before: dateOfRequest }\n", "").isEmpty)
        #expect(
            try findings("  - id: T\n    field: { path: needs.type, oneOf: [SLCN, ASD] }\n", "needs: [{ type: SLCN }, { type: HI }]\n").map(\.path) == [
                "needs[1].type"
            ])
    }

    @Test func countWithWhere() throws {
        let rule = "  - id: T\n    count: { path: graduatedApproach, where: { reviewed: true }, min: 2 }\n"
        #expect(try findings(rule, "graduatedApproach: [{ reviewed: true }, { reviewed: true }]\n").isEmpty)
        #expect(try findings(rule, "graduatedApproach: [{ reviewed: true }, { reviewed: false }]\n").count == 1)
    }

    @Test func durationSpansEarliestToLatest() throws {
        let rule = "  - id: T\n    duration: { path: graduatedApproach, from: start, to: review, min: 24 weeks }\n"
        #expect(try findings(rule, "graduatedApproach: [{ start: 2025-01-06, review: 2025-03-28 }, { start: 2025-04-21, review: 2025-07-11 }]\n").isEmpty)
        #expect(try findings(rule, "graduatedApproach: [{ start: 2025-01-06, review: 2025-03-28 }]\n").count == 1)
    }

    @Test func xpathOverCanonicalXML() throws {
        let rule = "  - id: T\n    xpath: \"count(/a:application/a:needs/a:item) >= 1\"\n"
        #expect(try findings(rule, "needs: [{ type: SLCN, rank: 1 }]\n").isEmpty)
        #expect(try findings(rule, "").count == 1)
    }

    @Test func whenForms() throws {
        let check = "    field: { path: setting.urn, required: true }\n"
        #expect(try findings("  - id: T\n    when: { requester.role: parent }\n" + check, "").isEmpty)
        #expect(try findings("  - id: T\n    when: { requester.role: [parent, setting] }\n" + check, "").count == 1)
        #expect(try findings("  - id: T\n    when: { age: \">= 16\" }\n" + check, "").isEmpty)
        #expect(try findings("  - id: T\n    when: { age: \"< 16\" }\n" + check, "").count == 1)
        #expect(try findings("  - id: T\n    when: { dateOfRequest: \">= 2025-04-11\" }\n" + check, "").count == 1)
        #expect(try findings("  - id: T\n    when: { present: setting.name }\n" + check, "").isEmpty)
        #expect(try findings("  - id: T\n    when: { absent: setting.name }\n" + check, "").count == 1)
        #expect(try findings("  - id: T\n    when: { xpath: \"/a:application/a:authority = '926'\" }\n" + check, "").count == 1)
    }
}

/// Mistakes in rule files are errors with their line and column.
@Suite struct RuleSetLoaderTests {
    private func diagnostics(_ text: String) -> [Diagnostic] {
        RuleSetLoader.lint(Array(text.utf8), file: "r.yaml")
    }

    @Test(arguments: [
        ("  - id: T\n    evidence: { type: ep-report }\n", 4, "unknown evidence type"),
        ("  - id: T\n    field: { path: child.dob }\n", 4, "unknown path 'child.dob'"),
        ("  - id: T\n    recency: { type: other, within: 2 fortnights }\n", 4, "is not a window"),
        ("  - id: T\n    evidence: { type: other, authorRole: teacher }\n", 4, "unknown professional role"),
        ("  - id: T\n    xpath: \"/a:x]]\"\n", 4, "not valid XPath"),
        ("  - id: T\n    xpath: \"count(\"\n", 4, "not valid XPath"),
        ("  - id: T\n    xpath: \"/b:application\"\n", 4, "not valid XPath"),
        ("  - id: T\n    severity: fatal\n    xpath: \"true()\"\n", 4, "severity 'fatal'"),
        ("  - id: T\n    evidence: { type: other }\n    field: { path: age }\n", 3, "exactly one check"),
        ("  - id: T\n    evidnce: { type: other }\n", 4, "did you mean 'evidence'"),
        ("  - id: t-1\n    xpath: \"true()\"\n", 3, "capital letters"),
        ("  - id: T\n    when: { child.shoeSize: 3 }\n    xpath: \"true()\"\n", 4, "unknown path 'child.shoeSize'"),
        ("  - id: T\n    xpath: \"true()\"\n  - id: T\n    xpath: \"true()\"\n", 5, "duplicate rule id"),
        ("  - id: T\n    when: { requester.role: school }\n    xpath: \"true()\"\n", 4, "'school' is not a code of requester.role (did you mean 'setting'?)"),
        ("  - id: T\n    unless: { requester.role: [parent, carer] }\n    xpath: \"true()\"\n", 4, "did you mean 'parent'?"),
        ("  - id: T\n    when: { child.lookedAfter: yes }\n    xpath: \"true()\"\n", 4, "true or false, not 'yes'"),
        ("  - id: T\n    when: { dateOfRequest: \">= 2025-13-01\" }\n    xpath: \"true()\"\n", 4, "YYYY-MM-DD"),
        ("  - id: T\n    when: { age: \">= sixteen\" }\n    xpath: \"true()\"\n", 4, "whole number"),
        ("  - id: T\n    when: { authority: \"92\" }\n    xpath: \"true()\"\n", 4, "three-digit authority code"),
        ("  - id: T\n    when: { evidence: x }\n    xpath: \"true()\"\n", 4, "group of fields"),
        ("  - id: T\n    count: { path: consent, where: { by: school }, min: 1 }\n", 4, "not a code of consent.by"),
        ("  - id: T\n    recency: { type: other, within: 2000000000000000000 weeks }\n", 4, "at most 100 years"),
        ("  - id: T\n    field: { path: attendance.from, before: \"dateOfRequest - 2000000000000000000 weeks\" }\n", 4, "at most 100 years"),
        ("  - id: T\n    field: { path: attendance.from, before: \"dateOfRequest - 2 fortnights\" }\n", 4, "is not a window"),
        ("  - id: T\n    field: { path: attendance.from, before: [setting.admitted, setting.type] }\n", 4, "'setting.type', which is not a date"),
        ("  - id: T\n    field: { path: attendance.from, after: \"dateOfRequst - 1 year\" }\n", 4, "did you mean 'dateOfRequest'"),
        ("  - id: T\n    field: { path: setting.name, before: dateOfRequest }\n", 4, "'setting.name' is not a date"),
        ("  - id: T\n    field: { path: setting.admitted, after: \"evidence.date + 1 day\" }\n", 4, "runs through a list"),
        ("  - id: T\n    field: { path: setting.name, pattern: \"(?=a).*\" }\n", 4, "lookaround"),
        ("  - id: T\n    evidence: { type: other, min: 2, max: 1 }\n", 4, "below min"),
        ("  - id: T\n    field: { path: needs.type, oneOf: [SLCN, AUTISM] }\n", 4, "'AUTISM' is not a code of needs.type"),
        ("  - id: T\n    field: { path: provisionTotal, min: six thousand }\n", 4, "provisionTotal is a number"),
        ("  - id: T\n    field: { path: setting.name, max: 3 }\n", 4, "'setting.name' is neither")
    ])
    func mistakeIsReportedAtItsLine(_ rule: String, _ line: Int, _ text: String) {
        let found = diagnostics("ruleset: test\nrules:\n" + rule)
        #expect(found.contains { $0.location?.line == line && $0.message.contains(text) }, "\(found)")
        #expect(found.allSatisfy { $0.location?.column != nil })
    }

    @Test func everyPublishedRuleSetLoads() throws {
        let catalog = RuleSetCatalog(directory: RepositoryPathsForKit.localAuthorities)
        for folder in FileAccess.list(catalog.directory) where FileAccess.exists(catalog.directory + "/\(folder)/requirements.yaml") {
            let file = catalog.directory + "/\(folder)/requirements.yaml"
            let problems = RuleSetLoader.lint(try FileAccess.read(file), file: file).filter { $0.severity != .info }
            #expect(problems.isEmpty, "\(folder): \(problems)")
        }
    }
}

/// `extends`, `overrides`, `disable` and effective dates.
@Suite struct EffectiveRulesTests {
    private func ruleset(_ text: String) throws -> RuleSet {
        try RuleSetLoader.load(Array(text.utf8), file: "r.yaml")
    }

    @Test func overridesAndDisableApplyToInheritedRules() throws {
        let parent = try ruleset("ruleset: parent\nrules:\n  - { id: A, severity: info, xpath: \"true()\" }\n  - { id: B, xpath: \"true()\" }\n")
        let child = try ruleset(
            "ruleset: child\nextends: parent\nrules:\n  - { id: C, xpath: \"true()\" }\noverrides:\n  A: { severity: error }\ndisable: [B]\n")
        let effective = try EffectiveRules.combine([parent, child], asOf: CalendarDate(iso: "2026-10-05"))
        #expect(effective.rules.map(\.id) == ["A", "C"])
        #expect(effective.rules[0].severity == .error)
        #expect(effective.rulesets == ["parent", "child"])
    }

    @Test func overridingAnUnknownRuleIsAnError() throws {
        let child = try ruleset("ruleset: child\nrules: []\noverrides:\n  NOPE: { severity: error }\n")
        #expect(throws: DiagnosticList.self) { _ = try EffectiveRules.combine([child], asOf: nil) }
    }

    @Test func ruleSetOutsideItsDatesIsNotAppliedAndSaysSo() throws {
        let dated = try ruleset("ruleset: dated\neffectiveFrom: 2027-01-01\nrules:\n  - { id: A, xpath: \"false()\" }\n")
        let effective = try EffectiveRules.combine([dated], asOf: CalendarDate(iso: "2026-10-05"))
        #expect(effective.rules.isEmpty)
        #expect(effective.notices.map(\.rule) == ["RULESET-NOT-EFFECTIVE"])
    }

    @Test func extendsCycleIsDetected() throws {
        let folder = NSTemporaryDirectoryPath.make()
        try "ruleset: a\nextends: b\nrules: []\n".write(toFile: folder + "/a.yaml", atomically: true, encoding: .utf8)
        try "ruleset: b\nextends: a\nrules: []\n".write(toFile: folder + "/b.yaml", atomically: true, encoding: .utf8)
        let catalog = RuleSetCatalog(directory: folder)
        #expect { _ = try catalog.resolve(files: [folder + "/a.yaml", folder + "/b.yaml"]) } throws: { "\($0)".contains("leads back") }
    }
}

/// `rules diff`: rules are compared by what they check, not by their ids.
@Suite struct RuleDifferenceTests {
    @Test func sameCheckUnderAnotherIdIsShared() throws {
        let first = try RuleSetLoader.load(
            Array("ruleset: a\nrules:\n  - { id: A-1, recency: { type: other, within: 24 months } }\n  - { id: A-2, evidence: { type: consent-form } }\n".utf8),
            file: "a.yaml"
        ).rules
        let second = try RuleSetLoader.load(
            Array(
                "ruleset: b\nrules:\n  - { id: B-1, recency: { type: other, within: 24 months } }\n  - { id: B-2, recency: { type: other, within: 18 months } }\n"
                    .utf8), file: "b.yaml"
        ).rules
        let difference = RuleDifference(first, second)
        #expect(difference.onlyInFirst.map(\.id) == ["A-2"])
        #expect(difference.onlyInSecond.map(\.id) == ["B-2"])
        #expect(difference.inBoth == 1)
    }

    @Test func publishedAuthoritiesDiffer() throws {
        let catalog = RuleSetCatalog(directory: RepositoryPathsForKit.localAuthorities)
        let norfolk = try EffectiveRules.combine(catalog.rulesets(forCode: "926"), asOf: nil).rules
        let bedford = try EffectiveRules.combine(catalog.rulesets(forCode: "822"), asOf: nil).rules
        let difference = RuleDifference(norfolk, bedford)
        #expect(difference.onlyInFirst.contains { $0.id == "NFK-APDR-CYCLES" })
        #expect(difference.onlyInSecond.contains { $0.id == "BED-REPORTS-CURRENT" })
        #expect(!difference.onlyInFirst.contains { $0.id.hasPrefix("ENG-") })
    }
}
