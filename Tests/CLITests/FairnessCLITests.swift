import EHCPTestSupport
import Foundation
import Testing

/// What ehcp says about the law, through the CLI with the published rules.
@Suite struct FairnessCLITests {
    private let england = RepositoryPaths.localAuthorities + "/england/examples"

    @Test func aSummerBornYoungPersonsOwnRequestInJulyHasNoFindingInLawAboutAge() throws {
        let result = try EHCPProcess.run(["validate", england + "/young-person-summer-born-after-leaving-date", "--format", "json"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("ENG-YOUNG-PERSON-AGE"))
        #expect(!result.stdout.contains("\"basis\" : \"law\"") && !result.stdout.contains("\"basis\": \"law\""))
        let early = try EHCPProcess.run(["validate", england + "/young-person-september-born-at-16"])
        #expect(early.status == 1)
        #expect(early.stdout.contains("ENG-YOUNG-PERSON-AGE"))
    }

    @Test func aPrivateNurseryIsToldItCannotRequestButIsNotRefused() throws {
        let result = try EHCPProcess.run(["validate", england + "/requested-by-early-years-pvi"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ENG-EARLY-YEARS-PROVIDER"))
        #expect(result.stdout.contains("bring the child to the authority's attention"))
        #expect(try EHCPProcess.run(["validate", england + "/requested-by-nursery-school"]).status == 0)
    }

    @Test func aLocalErrorIsAWarningOnAParentsRequestAndSaysWhy() throws {
        let drafts = try EHCPProcess.temporaryFolder()
        let bundle = drafts + "/parent-letter"
        try FileManager.default.copyItem(atPath: RepositoryPaths.localAuthorities + "/926-norfolk/examples/fails", toPath: bundle)
        let asSetting = try EHCPProcess.run(["validate", bundle, "--format", "json"])
        #expect(asSetting.status == 1, "a setting's request without Norfolk's paperwork has errors")

        let document = bundle + "/application.yaml"
        let text = try String(contentsOfFile: document, encoding: .utf8)
        let asParent = text.replacingOccurrences(of: "  role: setting", with: "  role: parent")
        #expect(asParent != text)
        try asParent.write(toFile: document, atomically: true, encoding: .utf8)
        let result = try EHCPProcess.run(["validate", bundle, "--format", "json"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("\"severityLoweredFrom\""))
        #expect(result.stdout.contains("cannot refuse to consider a parent's or young person's request without it"))
        #expect(!result.stdout.contains("\"severity\" : \"error\"") && !result.stdout.contains("\"severity\": \"error\""))
        let markdown = try EHCPProcess.run(["validate", bundle, "--format", "markdown"]).stdout
        #expect(markdown.contains("cannot refuse to consider a parent"))
    }

    @Test func lintTellsTheAuthorOfALocalErrorWhatHappensOnAParentsRequest() throws {
        let drafts = try EHCPProcess.temporaryFolder()
        let file = drafts + "/requirements.yaml"
        try """
        ruleset: draft
        extends: england
        rules:
          - id: DRF-FORM
            message: Use our form.
            evidence: { type: consent-form }
          - id: DRF-SETTING-FORM
            message: Settings use our form.
            when: { requester.role: setting }
            evidence: { type: consent-form }
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let lint = try EHCPProcess.run(["rules", "lint", file])
        #expect(lint.status == 0, "a note is not a problem")
        #expect(lint.stderr.contains("requirements.yaml:4:5: note: rule DRF-FORM is a local error with no condition on requester.role"), "\(lint.stderr)")
        #expect(!lint.stderr.contains("DRF-SETTING-FORM"))
    }

    @Test func aMalformedDateOfBirthIsNotCalledMissing() throws {
        let drafts = try EHCPProcess.temporaryFolder()
        let bundle = drafts + "/request"
        try FileManager.default.copyItem(atPath: england + "/passes", toPath: bundle)
        let document = bundle + "/application.yaml"
        let text = try String(contentsOfFile: document, encoding: .utf8)
        try text.replacingOccurrences(of: "dateOfBirth: 2017-04-22", with: "dateOfBirth: 22/04/2017").write(toFile: document, atomically: true, encoding: .utf8)
        let result = try EHCPProcess.run(["validate", bundle])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("child.dateOfBirth is missing"), "\(result.stdout)")
        #expect(result.stdout.contains("child.dateOfBirth is given but could not be read as written"))
        #expect(!result.stdout.contains("22/04/2017"), "the value itself is personal data")
    }
}
