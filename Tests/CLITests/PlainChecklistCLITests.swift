import EHCPTestSupport
import Foundation
import Testing

/// The checklist and `init` speak to the person gathering the evidence: items say what to gather
/// in the checklist's own words (not the message a failing request gets), conditions are plain
/// English, and the skeleton lists every code a field accepts, with the units of attainment.
@Suite struct PlainChecklistCLITests {
    /// Norfolk's checklist for a setting, as JSON items by rule id.
    func norfolkItems() throws -> [String: [String: Any]] {
        let result = try EHCPProcess.run(["checklist", "--authority", "norfolk", "--requester", "setting", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let checklist = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sections = try #require(checklist["sections"] as? [[String: Any]])
        let items = sections.flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
        return Dictionary(items.map { ($0["rule"] as? String ?? "", $0) }) { first, _ in first }
    }

    @Test func itemsAreWordedFromTheCheckNotTheFailureMessage() throws {
        let items = try norfolkItems()
        #expect(items["NFK-INDES-RECENT"]?["text"] as? String
            == "Every INDES or other needs descriptor (type: need-descriptor) completed in the last 12 months")
        #expect(items["NFK-DP1-CONSENT"]?["text"] as? String == "A signed consent form (type: consent-form)")
        #expect(items["ENG-CHILD-DATE-OF-BIRTH"]?["text"] as? String == "The child's date of birth (child.dateOfBirth): filled in")
        let texts = items.values.compactMap { $0["text"] as? String }
        #expect(!texts.contains { $0.contains("This one is older") }, "a failure message is not a checklist item")
    }

    @Test func conditionsAreInPlainEnglish() throws {
        let items = try norfolkItems()
        #expect(items["NFK-FAMILY-CONVERSATION"]?["appliesWhen"] as? String == "the parents' views are not written in the form")
        #expect(items["ENG-CONSENT-YOUNG-PERSON"]?["appliesWhen"] as? String == "the young person is over compulsory school age")
        let markdown = try EHCPProcess.run(["checklist", "--authority", "norfolk", "--requester", "setting"])
        #expect(markdown.stdout.contains("only when the parents' views are not written in the form"))
        #expect(!markdown.stdout.contains("views.parents.evidence is not given"))
    }

    @Test func initListsEveryVocabularyBesideItsFieldWithUnits() throws {
        let folder = try EHCPProcess.temporaryFolder() + "/request"
        let result = try EHCPProcess.run(["init", folder, "--authority", "norfolk"])
        #expect(result.status == 0, "\(result.stderr)")
        let skeleton = try String(contentsOfFile: folder + "/application.yaml", encoding: .utf8)
        for expected in [
            "  - type:                       # one of: SPLD | MLD | SLD | PMLD | SEMH | SLCN",
            "#   role: one of educational-psychologist | speech-and-language-therapist",
            "#   by: one of parent | young-person | representative",
            "#   type: one of sen-support-plan | apdr-review",
            "#   author.role: one of educational-psychologist",
            "  ncYear:                       # R, N1, N2, 1 to 14; one of: N1 | N2 | R | 1 |",
            "#   measure: what value counts, with its unit, for example: reading age (months)",
        ] {
            #expect(skeleton.contains(expected), "the skeleton lacks \(expected):\n\(skeleton)")
        }
        // Every code of every list appears in the skeleton's comments.
        let comments = skeleton.split(separator: "\n").compactMap { line in line.firstIndex(of: "#").map { String(line[$0...]) } }.joined(separator: " ")
        for code in ["early-years-pvi", "youth-offending", "previous-decision", "NSA", "14", "young-person"] {
            #expect(comments.contains(code), "no comment names \(code)")
        }
        // The comments leave the document readable: it validates (with findings to fill in).
        let validated = try EHCPProcess.run(["validate", folder])
        #expect(validated.status == 1, "\(validated.stderr)")
    }
}
