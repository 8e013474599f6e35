import EHCPTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A week's intake in every report format: bundles that could not be read are listed and
/// counted, paths can be hidden, and the per-rule table tells authorities apart.
@Suite struct BatchReportCLITests {
    static let formats = ["text", "json", "html", "markdown", "sarif", "junit"]

    /// An intake folder: the Norfolk example that fails under a child's name, and a bundle (also
    /// named after a child) whose document breaks off after a name.
    static func intake() throws -> String {
        let intake = try EHCPProcess.temporaryFolder()
        try FileManager.default.copyItem(atPath: RepositoryPaths.localAuthorities + "/926-norfolk/examples/fails", toPath: intake + "/Isla Thornbury")
        try FileManager.default.createDirectory(atPath: intake + "/Zed Quiggleworth", withIntermediateDirectories: true)
        try "schemaVersion: \"1\"\nchild:\n  givenNames: Zed\n  familyName: [Quiggleworth\n".write(
            toFile: intake + "/Zed Quiggleworth/application.yaml", atomically: true, encoding: .utf8)
        return intake
    }

    @Test(arguments: formats)
    func aBundleThatCannotBeReadIsListedWithItsReasonAndCounted(format: String) throws {
        let intake = try Self.intake()
        let result = try EHCPProcess.run(["validate", intake, "--format", format])
        #expect(result.status == 2)
        let out = result.stdout
        let place = intake + "/Zed Quiggleworth/application.yaml:5:1"
        switch format {
        case "json":
            let reports = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
            try #require(reports.count == 2)
            let problems = try #require(reports[1]["couldNotBeRead"] as? [[String: Any]])
            #expect(reports[1]["valid"] as? Bool == false)
            #expect(problems.first?["file"] as? String == intake + "/Zed Quiggleworth/application.yaml")
            #expect(problems.first?["line"] as? Int == 5)
        case "sarif":
            let sarif = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
            let invocation = try #require(((sarif["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
            #expect(invocation["executionSuccessful"] as? Bool == false)
            let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
            #expect(notes.count == 1 && "\(notes[0])".contains("could not be read"))
        case "junit":
            #expect(XMLParser(data: Data(out.utf8)).parse())
            #expect(out.contains("errors=\"1\""))
            #expect(out.contains("<error message=\"could not be read\" type=\"could-not-be-read\">\(place):"))
        default:
            #expect(out.lowercased().contains("could not be read"))
            #expect(out.contains(place), "\(out)")
            #expect(out.contains("2 bundles checked: 0 without errors, 1 with errors, 1 could not be read"))
        }
        // The reason is a position and a kind: nothing of the document.
        #expect(!out.contains("Zed\n") && !out.contains("[Quiggleworth"), "\(out)")
        #expect(result.stderr.contains(place))
        #expect(result.stderr.contains("1 of 2 bundle(s) could not be read; the report lists them and covers the rest"))
    }

    @Test(arguments: formats)
    func redactPathsShowsBundlesByNumberEverywhere(format: String) throws {
        let intake = try Self.intake()
        let result = try EHCPProcess.run(["validate", intake, "--format", format, "--redact-paths"])
        #expect(result.status == 2)
        for shown in [result.stdout, result.stderr] {
            for name in ["Isla", "Thornbury", "Zed", "Quiggleworth", intake] { #expect(!shown.contains(name), "\(format) shows \(name):\n\(shown)") }
        }
        #expect(result.stdout.contains("bundle 1"))
        #expect(result.stdout.contains("bundle 2"))
        #expect(result.stderr.contains("bundle 2/application.yaml:5:1: error:"))
    }

    @Test func theReadmeSaysHowToHidePaths() throws {
        let readme = try String(contentsOfFile: RepositoryPaths.root + "/README.md", encoding: .utf8)
        #expect(readme.contains("`--redact-paths`"))
    }

    /// A draft Essex rule set makes ENG-REQUESTER-RIGHT an error; the baseline, which Norfolk keeps, a warning.
    @Test(arguments: ["text", "markdown", "html"])
    func theRuleTableShowsTheSeverityEachAuthorityGives(format: String) throws {
        let intake = try EHCPProcess.temporaryFolder()
        for (name, code) in [("norfolk", "926"), ("essex", "881")] {
            try FileManager.default.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: intake + "/" + name)
            var document = try String(contentsOfFile: intake + "/\(name)/application.yaml", encoding: .utf8)
            #expect(document.contains("  role: setting\n"))
            document = document.replacingOccurrences(of: "  role: setting\n", with: "  role: other\n")
                .replacingOccurrences(of: "authority: \"926\"", with: "authority: \"\(code)\"")
            try document.write(toFile: intake + "/\(name)/application.yaml", atomically: true, encoding: .utf8)
        }
        let drafts = try EHCPProcess.temporaryFolder()
        try FileManager.default.copyItem(atPath: RepositoryPaths.localAuthorities + "/881-essex", toPath: drafts + "/881-essex")
        let rules = drafts + "/881-essex/requirements.yaml"
        let text = try String(contentsOfFile: rules, encoding: .utf8)
        #expect(text.contains("  ENG-REQUESTER-RIGHT: { severity: info }"))
        try text.replacingOccurrences(of: "  ENG-REQUESTER-RIGHT: { severity: info }", with: "  ENG-REQUESTER-RIGHT: { severity: error }")
            .write(toFile: rules, atomically: true, encoding: .utf8)
        let result = try EHCPProcess.run(["validate", intake, "--format", format, "--authorities-dir", drafts])
        let row = try #require(result.stdout.split(separator: "\n").first { $0.contains("ENG-REQUESTER-RIGHT") && $0.contains("2") && !$0.contains("The law") })
        #expect(row.contains("Error (881); Warning (926)"), "\(row)")
    }
}
