import EHCPTestSupport
import Foundation
import Testing

/// `authority.yaml` records what research found and grades every source; rules cite the source they rest on.
@Suite struct SourceGradingCLITests {
    private func draft(_ authority: String, _ requirements: String? = nil) throws -> String {
        let drafts = try EHCPProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: drafts + "/935-suffolk", withIntermediateDirectories: true)
        try authority.write(toFile: drafts + "/935-suffolk/authority.yaml", atomically: true, encoding: .utf8)
        if let requirements { try requirements.write(toFile: drafts + "/935-suffolk/requirements.yaml", atomically: true, encoding: .utf8) }
        return drafts
    }

    private let header = """
        code: "935"
        name: Suffolk
        slug: suffolk
        region: East of England
        submission: unknown

        """

    @Test func noSourceFoundNeedsWhatWasSearchedAndIsShown() throws {
        let drafts = try draft(header + "result: no-source-found\nsources: []\n")
        let lint = try EHCPProcess.run(["rules", "lint", drafts + "/935-suffolk/authority.yaml"])
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("with result no-source-found, 'searched' should list where ehcp looked"), "\(lint.stderr)")

        try (header + "result: no-source-found\nsources: []\nsearched:\n  - \"pages: Suffolk request EHC needs assessment\"\n")
            .write(toFile: drafts + "/935-suffolk/authority.yaml", atomically: true, encoding: .utf8)
        #expect(try EHCPProcess.run(["rules", "lint", drafts + "/935-suffolk/authority.yaml"]).status == 0)
        let show = try EHCPProcess.run(["authorities", "show", "935", "--authorities-dir", drafts]).stdout
        #expect(show.contains("Research: no source found"), "\(show)")
        #expect(show.contains("pages: Suffolk request EHC needs assessment"))
    }

    @Test func gradesAndResultsAreCheckedAtTheirPlace() throws {
        let drafts = try draft(
            header + """
                result: maybe
                sources:
                  - url: https://example.org/suffolk
                    read: 2026-12-01
                    grade: hearsay
                    published: 2018-13
                """)
        let lint = try EHCPProcess.run(["rules", "lint", drafts + "/935-suffolk/authority.yaml"])
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("authority.yaml:6:9: error: 'result' should record what research found"), "\(lint.stderr)")
        #expect(lint.stderr.contains("authority.yaml:10:12: error: grade should be one of: current-page, dated-document, secondary-copy, archive"))
        #expect(lint.stderr.contains("authority.yaml:11:16: error: 'published' should be the document's own date"))
    }

    @Test func aRuleCitesOneOfItsRuleSetsSources() throws {
        let drafts = try draft(
            header + """
                result: rules
                sources:
                  - { url: "https://example.org/suffolk", read: 2026-12-01, grade: secondary-copy, published: "2018" }
                """,
            """
            ruleset: suffolk
            authority: "935"
            extends: england
            sources:
              - { url: "https://example.org/suffolk", read: 2026-12-01, grade: secondary-copy, published: "2018" }
            rules:
              - id: SUF-CONSENT
                message: Suffolk asks for a consent form.
                source: https://example.org/elsewhere
                quote: Please attach the consent form.
                evidence: { type: consent-form }
            """)
        let lint = try EHCPProcess.run(["rules", "lint", drafts + "/935-suffolk/requirements.yaml"])
        #expect(lint.status == 1)
        #expect(
            lint.stderr.contains(
                "requirements.yaml:9:13: error: source 'https://example.org/elsewhere' of rule SUF-CONSENT is not among the rule set's sources"),
            "\(lint.stderr)")
        #expect(try EHCPProcess.run(["rules", "lint", drafts + "/935-suffolk/authority.yaml"]).status == 0)

        let requirements = drafts + "/935-suffolk/requirements.yaml"
        try (try String(contentsOfFile: requirements, encoding: .utf8)).replacingOccurrences(of: "example.org/elsewhere", with: "example.org/suffolk")
            .write(toFile: requirements, atomically: true, encoding: .utf8)
        let show = try EHCPProcess.run(["authorities", "show", "935", "--authorities-dir", drafts])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("a secondary copy dated 2018, read 2026-12-01"), "\(show.stdout)")
        #expect(show.stdout.contains("england (LocalAuthorities/england/requirements.yaml)"), "the draft is laid over the published baseline")
    }
}
