import EHCPSource
import EHCPTestSupport
import EHCPXML
import Foundation
import Testing

@testable import EHCPKit

@Suite struct ReporterTests {
    @Test func everyReporterIsListedOnceAndFoundByItsIdentifier() {
        let ids = Reporters.all.map { $0.identifier }
        #expect(ids == ["text", "json", "html", "markdown", "sarif", "junit"])
        for id in ids { #expect(Reporters.reporter(id).map { type(of: $0).identifier } == id) }
        #expect(Reporters.reporter("pdf") == nil)
    }

    @Test(arguments: [
        ("NFK-CONSENT", Severity.error, FindingGroup.missingEvidence),
        ("NFK-PASSES", .error, .missingEvidence),
        ("NFK-REPORTS-RECENT", .warning, .staleEvidence),
        ("NFK-REPORTS-RECENT", .info, .notes),
        ("ENG-CHILD-GIVEN-NAMES", .error, .detailsToCorrect),
        ("FILE-MISSING", .error, .missingEvidence),
        ("ID-UPN", .error, .detailsToCorrect)
    ])
    func findingsAreGroupedByWhatToDo(rule: String, severity: Severity, group: FindingGroup) {
        let finding = Finding(rule: rule, severity: severity, basis: .local, message: "m")
        #expect(FindingGroup.of(finding, rule: ReportFixtures.rules.first { $0.id == rule }) == group)
    }

    @Test func textHasNoColourUnlessAskedAndTablesForSeveralBundles() {
        let plain = TextReporter().report(ReportFixtures.all, context: ReportFixtures.context)
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("3 bundles checked: 1 without errors, 1 with errors") == false)
        #expect(plain.contains("3 bundles checked: 2 without errors, 1 with errors"))
        #expect(
            plain.contains(
                """
                  Authority              Requests  Without errors  With errors  Errors  Warnings
                  ---------------------  --------  --------------  -----------  ------  --------
                  (authority not known)         1               1            0       0         1
                  926 Norfolk                   2               1            1       3         1
                """))
        // Each rule counted once per request, notes not counted.
        #expect(plain.contains("  NFK-REPORTS-RECENT                    1  Warning   Local practice\n"))
        var coloured = ReportFixtures.context
        coloured.color = true
        #expect(TextReporter().report([ReportFixtures.failing], context: coloured).contains("\u{1B}[31mErrors (3)\u{1B}[0m"))
    }

    @Test func markdownGroupsFindingsAndEscapesMarkup() {
        let text = MarkdownReporter().report(ReportFixtures.all, context: ReportFixtures.context)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
        #expect(text.contains("| intake/three | authority not known | 0 | 1 | 0 | No errors |"))
        #expect(
            headings.prefix(7) == [
                "# 3 requests checked", "## Requests", "## By authority", "## Requests affected, by rule", "# intake/request one: Norfolk (926)",
                "## Missing evidence (1)", "## Evidence that is out of date (1)"
            ])
        #expect(headings.contains("## Details to correct (2)") && headings.contains("## Notes (1)") && headings.contains("## Dates the law sets"))
        #expect(text.contains("Message of NFK-CONSENT \\<\\&\\> \"quoted\" \\| pipe \\*star\\*"))
        #expect(text.contains("| 2026-11-16 | Decision on whether to assess | SEND Regulations 2014 reg 5(1) |"))
    }

    @Test func sarifConformsToTheSchemaAndPointsAtTheDocument() throws {
        let text = SARIFReporter().report(ReportFixtures.all, context: ReportFixtures.context)
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let schema = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.fixtures + "/reports/sarif-2.1.0-results.schema.json"))) as? [String: Any])
        let check = JSONSchemaCheck(root: schema)
        #expect(check.problems(value) == [])
        let run = try #require(((value as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 6)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(
            rules.map { $0["id"] as? String } == [
                "NFK-CONSENT", "NFK-REPORTS-RECENT", "ENG-CHILD-GIVEN-NAMES", "NFK-PASSES", "ID-NHS-NUMBER", "RULES-NOT-APPLIED"
            ])
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let first = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((first["artifactLocation"] as? [String: Any])?["uri"] as? String == "intake/request%20one/application.yaml")
        #expect((first["region"] as? [String: Any])?["startLine"] as? Int == 40)
        #expect(results.map { $0["level"] as? String } == ["error", "error", "error", "warning", "note", "warning"])
        let timelines = try #require((run["properties"] as? [String: Any])?["statutoryTimelines"] as? [[String: Any]])
        #expect(timelines.map { $0["bundle"] as? String } == ["intake/request one", "intake/two"])
        #expect((timelines[0]["deadlines"] as? [[String: Any]])?.last?["date"] as? String == "2027-02-22")

        // The check itself catches what it is there for.
        #expect(!check.problems(["version": "2.1.0", "runs": [["tool": ["driver": [:]]]]]).isEmpty)
        #expect(
            !check.problems(["version": "2.1.0", "runs": [["tool": ["driver": ["name": "x"]], "results": [["message": ["text": "m"], "level": "fatal"]]]]])
                .isEmpty)
        #expect(!check.problems(["version": "2.1.0", "runs": [], "extra": true]).isEmpty)
    }

    @Test func junitConformsToTheXSDAndListsEveryRuleAsATestCase() throws {
        let text = JUnitReporter().report(ReportFixtures.all, context: ReportFixtures.context)
        let xsd = try XSDValidator(schema: FileAccess.read(RepositoryPaths.fixtures + "/reports/junit.xsd"), file: "junit.xsd")
        #expect(try xsd.validate(Array(text.utf8), file: "report.xml").map(\.description) == [])
        #expect(text.contains("<testsuites name=\"ehcp\" tests=\"10\" failures=\"5\">"))
        #expect(text.contains("<testcase name=\"NFK-PASSES\" classname=\"intake/request one\" time=\"0\"/>"))
        #expect(text.contains("<property name=\"SEND Regulations 2014 reg 5(1)\" value=\"2026-11-16: Decision on whether to assess\"/>"))
        #expect(text.contains("<failure message=\"Message of NFK-CONSENT &lt;&amp;&gt; &quot;quoted&quot; | pipe *star*\" type=\"error\">"))
        // The check itself rejects a broken report.
        let broken = text.replacingOccurrences(of: " hostname=\"localhost\"", with: "")
        #expect(try !xsd.validate(Array(broken.utf8), file: "report.xml").isEmpty)
    }

    @Test func aBundleThatCouldNotBeReadKeepsSARIFAndJUnitValid() throws {
        let reports = [ReportFixtures.passing, ReportFixtures.unreadable]
        let sarif = try JSONSerialization.jsonObject(with: Data(SARIFReporter().report(reports, context: ReportFixtures.context).utf8))
        let schema = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.fixtures + "/reports/sarif-2.1.0-results.schema.json"))) as? [String: Any])
        #expect(JSONSchemaCheck(root: schema).problems(sarif) == [])
        let junit = JUnitReporter().report(reports, context: ReportFixtures.context)
        let xsd = try XSDValidator(schema: FileAccess.read(RepositoryPaths.fixtures + "/reports/junit.xsd"), file: "junit.xsd")
        #expect(try xsd.validate(Array(junit.utf8), file: "report.xml").map(\.description) == [])
        #expect(junit.contains("<testsuites name=\"ehcp\" tests=\"5\" failures=\"0\" errors=\"1\">"))
    }

    @Test func jsonKeepsTheContract() throws {
        let text = JSONReporter().report([ReportFixtures.failing], context: ReportFixtures.context)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Array(object.keys).sorted() == ["asOf", "authority", "bundle", "findings", "rulesets", "summary", "timeline", "valid"])
        #expect(object["summary"] as? [String: Int] == ["error": 3, "warning": 1, "info": 1])
    }

    @Test(arguments: Reporters.all.map { $0.identifier })
    func personalDetailsAppearOnlyWhenGiven(format: String) throws {
        let reporter = try #require(Reporters.reporter(format))
        let personal = PersonalDetails(childName: "Isla Mae Thornbury", dateOfBirth: "2017-01-30", reference: "SENCO-77")
        var report = ReportFixtures.failing
        #expect(!reporter.report([report], context: ReportFixtures.context).contains("Thornbury"))
        report.personal = personal
        let shown = reporter.report([report], context: ReportFixtures.context)
        // Human-readable reports show them when asked; machine formats never carry them.
        #expect(shown.contains("Isla Mae Thornbury") == ["text", "html", "markdown"].contains(format))
    }
}
