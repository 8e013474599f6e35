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
        #expect(items["NFK-INDES-RECENT"]?["text"] as? String == "Every INDES or other needs descriptor dated within the last 12 months")
        #expect(items["NFK-DP1-CONSENT"]?["text"] as? String == "A signed consent form")
        #expect(items["NFK-DP1-CONSENT"]?["evidenceTypes"] as? [String] == ["consent-form"])
        #expect(items["NFK-APDR-CYCLES"]?["text"] as? String == "At least 2 assess-plan-do-review cycles recorded in the form marked reviewed")
        #expect(items["ENG-CHILD-DATE-OF-BIRTH"]?["text"] as? String == "The child's or young person's date of birth")
        #expect(items["ENG-SETTING-WITH-PARENT"]?["text"] as? String == "A parent who agrees with the request")
        #expect(items["ENG-AUTHORITY"]?["text"] as? String == "Which authority the request is for")
        let texts = items.values.compactMap { $0["text"] as? String }
        #expect(!texts.contains { $0.contains("This one is older") }, "a failure message is not a checklist item")
    }

    @Test func everyFormatAndThePageSayTheSameWordsWithoutFieldPaths() throws {
        let items = try norfolkItems()
        let markdown = try EHCPProcess.run(["checklist", "--authority", "norfolk", "--requester", "setting"]).stdout
        let html = try EHCPProcess.run(["checklist", "--authority", "norfolk", "--requester", "setting", "--format", "html"]).stdout
        for rule in ["ENG-AUTHORITY", "ENG-SETTING-WITH-PARENT", "NFK-DP1-CONSENT", "ENG-CHILD-DATE-OF-BIRTH"] {
            let text = try #require(items[rule]?["text"] as? String)
            #expect(markdown.contains("- [ ] \(text)"), "markdown: \(rule)")
            #expect(html.contains(text.replacingOccurrences(of: "'", with: "&#39;")) || html.contains(text), "html: \(rule)")
        }
        #expect(markdown.contains("listed with type\\: consent-form") && html.contains("listed with type: consent-form"), "evidence says which type meets it")
        for output in [markdown, html] {
            for old in ["(authority)\\:", "agreesWithRequest", "(requester.role)", "(child.dateOfBirth)", "parent(s)", "(type\\: consent-form)"] {
                #expect(!output.contains(old), "\(old) is still in the checklist")
            }
        }
    }

    @Test func explainShowsTheChecklistWording() throws {
        let written = try EHCPProcess.run(["explain", "ENG-SETTING-WITH-PARENT"])
        #expect(written.stdout.contains("\nOn the checklist: A parent who agrees with the request\n"), "\(written.stdout)")
        let generated = try EHCPProcess.run(["explain", "NFK-DP1-CONSENT", "--authority", "norfolk"])
        #expect(generated.stdout.contains("\nOn the checklist: A signed consent form\n"), "\(generated.stdout)")
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
            "  - type:                       # one of:\n                                #   SPLD  specific learning difficulty\n",
            "                                #   SLCN  speech, language and communication needs\n",
            "#   role, one of:\n#     educational-psychologist       an educational psychologist\n",
            "#   by, one of:\n#     parent          a parent\n",
            "#   type, one of:\n#     sen-support-plan                 an SEN support plan\n",
            "#     educational-psychologist-report  an Educational Psychology report\n",
            "#   author.role, one of:\n#     educational-psychologist",
            "  role: setting                 # one of:\n                                #   parent         a parent or carer\n",
            "                                #   early-years-pvi        a private, voluntary or independent early years setting\n",
            "  ncYear:                       # R, N1, N2, 1 to 14; one of: N1 (nursery, first year) | N2 (nursery,",
            "#   consent-form                      a signed consent form\n",
            "#   speech-and-language-report        a speech and language therapy report, dated within 24 months\n",
            "#   measure: what value counts, with its unit, for example: reading age (months)"
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
