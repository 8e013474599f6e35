import EHCPTestSupport
import Foundation
import Testing

/// Findings a teacher can act on: a missing file names the nearest file the bundle holds, a
/// duplicate names the other file, evidence rules say which `type` meets them, and the reports
/// people read say "the 5th evidence item" where JSON and SARIF keep `evidence[4]`.
@Suite struct PlainFindingCLITests {
    /// A copy of the example with `edits` applied to its application.yaml.
    func bundle(_ edits: [(String, String)]) throws -> String {
        let bundle = try EHCPProcess.temporaryFolder() + "/request"
        try FileManager.default.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: bundle)
        var text = try String(contentsOfFile: bundle + "/application.yaml", encoding: .utf8)
        for (from, to) in edits {
            #expect(text.contains(from), "the example no longer has \(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        try text.write(toFile: bundle + "/application.yaml", atomically: true, encoding: .utf8)
        return bundle
    }

    @Test func aMissingFileNamesTheNearestFileInTheBundleButNotTheListedValue() throws {
        let bundle = try bundle([("file: evidence/apdr-2.pdf", "file: evidence/apdr2.pdf")])
        let text = try EHCPProcess.run(["validate", bundle])
        #expect(text.status == 1)
        #expect(
            text.stdout.contains(
                "FILE-MISSING: the 5th evidence item's file names a file that is not in the bundle; the nearest name in the bundle is evidence/apdr-2.pdf: check the spelling"
            ),
            "\(text.stdout)")
        #expect(!text.stdout.contains("apdr2.pdf"), "the document's value is not repeated")
        for format in ["json", "sarif"] {
            let result = try EHCPProcess.run(["validate", bundle, "--format", format])
            #expect(result.stdout.contains("evidence[4].file"), "\(format) keeps the canonical path")
            #expect(!result.stdout.contains("5th evidence item"))
        }
        for format in ["html", "markdown"] {
            let result = try EHCPProcess.run(["validate", bundle, "--format", format])
            #expect(result.stdout.contains("the 5th evidence item"), "\(format)")
            #expect(!result.stdout.contains("evidence[4]"), "\(format) shows the position in words:\n\(result.stdout)")
        }
    }

    @Test func aFileFarFromEveryNameInTheBundleIsOnlySaidToBeMissing() throws {
        let bundle = try bundle([("file: evidence/apdr-2.pdf", "file: evidence/completely-different-name.pdf")])
        let result = try EHCPProcess.run(["validate", bundle])
        #expect(result.stdout.contains("FILE-MISSING: the 5th evidence item's file names a file that is not in the bundle\n"), "\(result.stdout)")
    }

    @Test func aDuplicateNamesTheOtherFile() throws {
        let bundle = try bundle([("file: evidence/salt-2026.pdf", "file: evidence/salt-copy.pdf")])
        try FileManager.default.copyItem(atPath: bundle + "/evidence/apdr-1.pdf", toPath: bundle + "/evidence/salt-copy.pdf")
        let text = try EHCPProcess.run(["validate", bundle])
        #expect(
            text.stdout.contains(
                "FILE-DUPLICATE: the 2nd evidence item's file has the same content as evidence/salt-copy.pdf, the file of the 1st evidence item"),
            "\(text.stdout)")
        let json = try EHCPProcess.run(["validate", bundle, "--format", "json"])
        #expect(json.stdout.contains("evidence[1].file has the same content as evidence/salt-copy.pdf, the file of evidence[0]"), "\(json.stdout)")
    }

    @Test func evidenceRulesSayWhichTypeMeetsThemInTheTextReport() throws {
        let result = try EHCPProcess.run(["validate", RepositoryPaths.examples + "/riverside-request", "--as-of", "2029-01-01"])
        #expect(result.stdout.contains("NFK-INDES-RECENT: "))
        #expect(
            result.stdout.contains(
                "    Satisfied by an evidence item with type: need-descriptor (an INDES or other needs descriptor), dated within 12 months.\n"),
            "\(result.stdout)")
        let html = try EHCPProcess.run(["validate", RepositoryPaths.examples + "/riverside-request", "--as-of", "2029-01-01", "--format", "html"])
        #expect(
            html.stdout.contains(
                "<dt>Satisfied by</dt><dd>an evidence item with type: need-descriptor (an INDES or other needs descriptor), dated within 12 months</dd>"))
    }

    /// A rule that caps evidence (`max: 0`) names no type that would satisfy it.
    @Test func aRuleThatCapsEvidenceSaysNothingSatisfiesIt() throws {
        let bundle = try bundle([
            (
                "  localName: SEND DP1\n",
                "  localName: SEND DP1\n- id: earlier\n  type: previous-decision\n  date: 2026-08-01\n  file: evidence/dp1-consent.pdf\n"
            )
        ])
        let result = try EHCPProcess.run(["validate", bundle])
        #expect(result.stdout.contains("ENG-PREVIOUS-ASSESSMENT: "), "\(result.stdout)")
        #expect(!result.stdout.contains("type: previous-decision"), "\(result.stdout)")
    }

    @Test func primaryNeedIsExplainedAsTheNeedRankedFirst() throws {
        let bundle = try bundle([("- type: SLCN\n  rank: 1\n", "- type: SLCN\n  rank: 3\n")])
        let text = try EHCPProcess.run(["validate", bundle])
        #expect(text.stdout.contains("primaryNeed (the type of the need ranked 1) is missing"), "\(text.stdout)")
        let json = try EHCPProcess.run(["validate", bundle, "--format", "json"])
        #expect(json.stdout.contains("(primaryNeed is missing)\",\n      \"path\": \"primaryNeed\","), "JSON keeps the canonical path:\n\(json.stdout)")
    }
}
