import EHCPTestSupport
import Foundation
import Testing

/// An authority without rules of its own: `authorities list`, `validate`, `checklist` and `init` say
/// so plainly and point to its Local Offer, instead of presenting the baseline as its list.
@Suite struct NoLocalRulesCLITests {
    /// Drafts holding Suffolk's `authority.yaml` with the given result and no rule set.
    private func suffolkDraft(result: String) throws -> String {
        try DraftAuthorities.suffolk(
            """
            result: \(result)
            localOffer: "https://www.suffolk.gov.uk/send-local-offer"
            sources:
              - { url: "https://www.suffolk.gov.uk/send-local-offer", read: 2026-11-30, grade: current-page }

            """)
    }

    private let notice = "ehcp holds no rules of Suffolk's own: research found that Suffolk publishes nothing beyond the law"

    @Test func listShowsEachResultAndTheNewestSourceDate() throws {
        let drafts = try suffolkDraft(result: "nothing-beyond-law")
        let lines = try EHCPProcess.run(["authorities", "list", "--authorities-dir", drafts]).stdout.split(separator: "\n")
        #expect(lines.count == 153)
        #expect(lines.contains { $0.hasPrefix("935  Suffolk ") && $0.contains("nothing beyond the law") && $0.hasSuffix("sources read up to 2026-11-30") })
        #expect(lines.contains { $0.hasPrefix("936  Surrey ") && $0.contains("no source found") })
        let json = try EHCPProcess.run(["authorities", "list", "--format", "json", "--authorities-dir", drafts])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let suffolk = try #require(entries.first { $0["code"] as? String == "935" })
        #expect(suffolk["result"] as? String == "nothing-beyond-law")
        #expect(suffolk["newestSource"] as? String == "2026-11-30")
        #expect(suffolk["localOffer"] as? String == "https://www.suffolk.gov.uk/send-local-offer")
        #expect(suffolk["ownRules"] as? Bool == false)
        #expect(entries.first { $0["code"] as? String == "926" }?["result"] as? String == "rules")
        #expect(entries.first { $0["code"] as? String == "936" }?["result"] as? String == "no-source-found")
    }

    @Test func validateGivesAnInfoNoticeInEveryFormat() throws {
        let drafts = try suffolkDraft(result: "nothing-beyond-law")
        let bundle = RepositoryPaths.localAuthorities + "/england/examples/passes"
        let text = try EHCPProcess.run(["validate", bundle, "--authority", "935", "--authorities-dir", drafts])
        #expect(text.status == 0, "a notice is never an error: \(text.stdout)")
        #expect(text.stdout.contains("AUTHORITY-NO-LOCAL-RULES"))
        #expect(text.stdout.contains(notice))
        #expect(text.stdout.contains("https://www.suffolk.gov.uk/send-local-offer"))
        for format in ["json", "html", "markdown", "sarif", "junit"] {
            let report = try EHCPProcess.run(["validate", bundle, "--authority", "935", "--authorities-dir", drafts, "--format", format])
            #expect(report.status == 0)
            #expect(report.stdout.contains("AUTHORITY-NO-LOCAL-RULES"), "\(format)")
            if format == "html" || format == "markdown" {
                #expect(report.stdout.contains("A note about what ehcp checked, not a fault in the request."), "\(format)")
                #expect(!report.stdout.contains("cannot be read as they are"), "\(format): a notice is not a format fault")
            }
        }
        let json = try EHCPProcess.run(["validate", bundle, "--authority", "935", "--authorities-dir", drafts, "--format", "json"]).stdout
        #expect(json.contains("\"severity\": \"info\"") || json.contains("\"severity\":\"info\""))
        #expect(!json.contains("\"severity\": \"warning\"") && !json.contains("\"severity\": \"error\""))

        let unsourced = try EHCPProcess.run(["validate", bundle, "--authority", "936"])
        #expect(unsourced.status == 0)
        #expect(unsourced.stdout.contains("ehcp holds no rules of Surrey's own: research found no published guidance from Surrey"))
        let norfolk = try EHCPProcess.run(["validate", RepositoryPaths.localAuthorities + "/926-norfolk/examples/passes"])
        #expect(!norfolk.stdout.contains("AUTHORITY-NO-LOCAL-RULES"))
    }

    @Test func checklistAndInitSaySoAtTheTop() throws {
        let drafts = try suffolkDraft(result: "no-source-found\nsearched:\n  - \"Suffolk request EHC needs assessment\"")
        let markdown = try EHCPProcess.run(["checklist", "--authority", "suffolk", "--authorities-dir", drafts]).stdout
        // Markdown escapes punctuation in text from authority files; read it as it renders.
        let lines = markdown.replacingOccurrences(of: "\\", with: "").split(separator: "\n")
        #expect(
            lines.count > 3 && lines[1].hasPrefix("> **No local rules.** ehcp holds no rules of Suffolk's own: research found no published guidance"),
            "\(markdown.prefix(400))")
        #expect(lines[1].contains("https://www.suffolk.gov.uk/send-local-offer"))
        let html = try EHCPProcess.run(["checklist", "--authority", "935", "--format", "html", "--authorities-dir", drafts]).stdout
        #expect(html.contains("<main>\n<p class=\"notice\" role=\"note\"><strong>No local rules.</strong> ehcp holds no rules of Suffolk&#39;s own"))
        let json = try EHCPProcess.run(["checklist", "--authority", "935", "--format", "json", "--authorities-dir", drafts]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["notice"] as? String)?.hasPrefix("ehcp holds no rules of Suffolk's own") == true)
        #expect(!(try EHCPProcess.run(["checklist", "--authority", "norfolk"]).stdout.contains("No local rules")))

        let folder = try EHCPProcess.temporaryFolder() + "/request"
        let created = try EHCPProcess.run(["init", folder, "--authority", "935", "--authorities-dir", drafts])
        #expect(created.status == 0, "\(created.stderr)")
        let skeleton = try String(contentsOfFile: folder + "/application.yaml", encoding: .utf8)
        #expect(skeleton.hasPrefix("# NO LOCAL RULES. ehcp holds no rules of Suffolk's own"), "\(skeleton.prefix(300))")
        #expect(skeleton.contains("https://www.suffolk.gov.uk/send-local-offer"))
        let norfolk = try EHCPProcess.temporaryFolder() + "/norfolk"
        _ = try EHCPProcess.run(["init", norfolk, "--authority", "norfolk"])
        #expect(try String(contentsOfFile: norfolk + "/application.yaml", encoding: .utf8).hasPrefix("# A request for an EHC needs assessment to Norfolk"))
    }
}
