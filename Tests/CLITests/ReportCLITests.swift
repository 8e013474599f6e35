import EHCPTestSupport
import Foundation
import Testing

/// Reports, checklists, init, timeline and the docs, run through the built binary.
@Suite struct ReportCLITests {
    let failing = RepositoryPaths.localAuthorities + "/926-norfolk/examples/fails"
    /// Every personal value in that example's application.yaml.
    let personalValues = ["Isla", "Thornbury", "2017-01-30", "Y926211221045", "9997773462", "Joanna", "Fairweather", "Wensum"]

    @Test(arguments: ["text", "json", "html", "markdown", "sarif", "junit"])
    func reportsNeverEchoPersonalValues(format: String) throws {
        let result = try EHCPProcess.run(["validate", failing, "--format", format])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        for value in personalValues { #expect(!result.stdout.contains(value), "\(format) shows \(value)") }
    }

    @Test func showPersonalDataNamesTheChildInTheReportOnly() throws {
        let result = try EHCPProcess.run(["validate", failing, "--format", "html", "--show-personal-data"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("<dt>Request for</dt><dd>Isla Mae Thornbury, born 2017-01-30"))
        for value in personalValues { #expect(!result.stderr.contains(value)) }
    }

    @Test func aFolderOfBundlesEndsWithTablesAndNoProgressBarOffATerminal() throws {
        let result = try EHCPProcess.run(["validate", RepositoryPaths.localAuthorities + "/926-norfolk/examples", "--jobs", "3"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        #expect(result.stdout.contains("6 bundles checked: 3 without errors, 3 with errors"))
        #expect(result.stdout.contains("By authority:\n  Authority    Requests  Without errors  With errors  Errors  Warnings"))
        #expect(result.stdout.contains("Requests affected, by rule:"))
        #expect(try EHCPProcess.run(["validate", failing, "--jobs", "0"]).status == 2)
        // A quoted pattern, as a CI step without a shell passes it, matches the same bundles.
        let pattern = try EHCPProcess.run(["validate", RepositoryPaths.localAuthorities + "/926-norfolk/examples/*s", "--format", "json"])
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(pattern.stdout.utf8)) as? [[String: Any]])
        #expect(reports.compactMap { ($0["bundle"] as? String)?.split(separator: "/").last.map(String.init) } == ["fails", "passes"])
        #expect(try EHCPProcess.run(["validate", RepositoryPaths.localAuthorities + "/926-norfolk/examples/*.nothing"]).stderr.contains("no bundle at"))
    }

    @Test func anUnreadableBundleInABatchIsReportedAndTheRestChecked() throws {
        let intake = try EHCPProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: intake + "/broken", withIntermediateDirectories: true)
        try "schemaVersion: \"1\"\nchild: [\n".write(toFile: intake + "/broken/application.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: intake + "/riverside")
        let result = try EHCPProcess.run(["validate", intake, "--format", "json"])
        #expect(result.status == 2)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(reports.map { $0["bundle"] as? String } == [intake + "/broken", intake + "/riverside"])
        try #require(reports.count == 2)
        #expect(reports[0]["couldNotBeRead"] != nil && reports[1]["couldNotBeRead"] == nil)
        #expect(result.stderr.contains(intake + "/broken/application.yaml:3:"))
        #expect(result.stderr.contains("1 of 2 bundle(s) could not be read; the report lists them and covers the rest"))
    }

    @Test func aMissingBundleSaysWhatToDoNext() throws {
        let result = try EHCPProcess.run(["validate", "/nonexistent/bundle"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("ehcp init"))
        let empty = try EHCPProcess.temporaryFolder()
        let noDocument = try EHCPProcess.run(["validate", empty])
        #expect(noDocument.status == 2 && noDocument.stderr.contains("start one with 'ehcp init \(empty) --authority CODE'"))
    }

    @Test func initMakesABundleThatValidatesWithFindingsToFillIn() throws {
        let folder = try EHCPProcess.temporaryFolder() + "/my-request"
        let created = try EHCPProcess.run(["init", folder, "--authority", "norfolk"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("ehcp validate \(folder)"))
        #expect(FileManager.default.fileExists(atPath: folder + "/evidence"))
        let checked = try EHCPProcess.run(["validate", folder, "--format", "json"])
        #expect(checked.status == 1, "\(checked.stderr)")
        #expect(checked.stdout.contains("ENG-CHILD-GIVEN-NAMES") && !checked.stdout.contains("SCHEMA-"))
        let again = try EHCPProcess.run(["init", folder, "--authority", "norfolk"])
        #expect(again.status == 2 && again.stderr.contains("choose a new folder name"))
        #expect(try EHCPProcess.run(["init", folder + "-2", "--authority", "nowhere"]).stderr.contains("ehcp authorities list"))
    }

    @Test(arguments: ["markdown", "html", "json"])
    func checklistInEachFormat(format: String) throws {
        let result = try EHCPProcess.run(["checklist", "--authority", "926", "--requester", "setting", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("NFK-DP1-CONSENT") && result.stdout.contains("Norfolk"))
    }

    @Test func checklistRejectsAnUnknownRole() throws {
        let result = try EHCPProcess.run(["checklist", "--authority", "926", "--requester", "teacher"])
        #expect(result.status == 2 && result.stderr.contains("parent, young-person, setting, youth-custody, other"))
    }

    @Test func timelineAppliesExceptions() throws {
        let plain = try EHCPProcess.run(["timeline", "--received", "2026-06-15"])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("2026-07-27  Decision on whether to assess (SEND Regulations 2014 reg 5(1))"))
        let lifted = try EHCPProcess.run(["timeline", "--received", "2026-06-15", "--exception", "closure:2026-07-22..2026-09-03", "--format", "json"])
        #expect(lifted.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lifted.stdout.utf8)) as? [String: Any])
        let first = try #require((object["deadlines"] as? [[String: Any]])?.first)
        #expect(first["pausedClockDate"] as? String == "2026-09-09")
        #expect((first["liftedBy"] as? [[String: Any]])?.first?["regulation"] as? String == "SEND Regulations 2014 reg 5(4)(a)")
        let short = try EHCPProcess.run(["timeline", "--received", "2026-06-15", "--exception", "absence:2026-07-01..2026-07-10"])
        #expect(short.status == 2 && short.stderr.contains("at least 4 continuous weeks"))
    }

    @Test func referenceDocIsFreshAndCompletionsKnowEveryCommand() throws {
        let generated = try EHCPProcess.run(["generate-docs"])
        #expect(generated.status == 0)
        #expect(generated.stdout == (try RepositoryPaths.text("docs/reference.md")), "run: ehcp generate-docs > docs/reference.md")
        let man = try EHCPProcess.run(["generate-docs", "--format", "man"])
        #expect(man.status == 0 && man.stdout.hasPrefix(".TH EHCP 1"))
        #expect(man.stdout == (try RepositoryPaths.text("docs/ehcp.1")), "run: ehcp generate-docs --format man > docs/ehcp.1")
        let bash = try EHCPProcess.run(["--generate-completion-script", "bash"])
        for command in ["validate", "checklist", "init", "timeline", "--show-personal-data"] { #expect(bash.stdout.contains(command)) }
    }

    @Test func everyCommandsHelpHasAnExample() throws {
        for command in ["validate", "checklist", "init", "import-attainment", "timeline", "convert", "explain", "schema"] {
            let help = try EHCPProcess.run([command, "--help"])
            #expect(help.stdout.contains("\n  ehcp \(command) "), "\(command) --help has an example")
        }
    }
}
