import EHCPTestSupport
import Foundation
import Testing

/// Runs the built `ehcp` binary as a user would and checks output and exit codes.
@Suite struct CLITests {
    @Test func validateTheExampleExitsZero() throws {
        let result = try EHCPProcess.run(["validate", RepositoryPaths.examples + "/riverside-request"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("No errors"))
    }

    @Test func jsonReportFollowsTheContract() throws {
        let result = try EHCPProcess.run(["validate", RepositoryPaths.examples + "/riverside-request", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == true)
        #expect((object["authority"] as? [String: Any])?["code"] as? String == "926")
        #expect(object["asOf"] as? String == "2026-10-05")
    }

    @Test func malformedDocumentExitsTwoWithLocation() throws {
        let folder = try EHCPProcess.temporaryFolder()
        try "schemaVersion: \"1\"\nchild: [\n".write(toFile: folder + "/application.yaml", atomically: true, encoding: .utf8)
        let result = try EHCPProcess.run(["validate", folder])
        #expect(result.status == 2)
        #expect(result.stderr.contains("application.yaml:3:"))
    }

    @Test func findingsExitOneAndNeverEchoPersonalValues() throws {
        let folder = try EHCPProcess.temporaryFolder()
        let text = """
            schemaVersion: "1"
            authority: "926"
            dateOfRequest: 2026-10-05
            child: { givenNames: Amelia, familyName: Okafor, dateOfBirth: 2016-03-14, nhsNumber: "9434765871" }
            """
        try text.write(toFile: folder + "/application.yaml", atomically: true, encoding: .utf8)
        let result = try EHCPProcess.run(["validate", folder])
        #expect(result.status == 1)
        #expect(result.stdout.contains("ID-NHS-NUMBER"))
        #expect(!result.stdout.contains("9434765871") && !result.stdout.contains("Okafor"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try EHCPProcess.run(["validate", "x", "--format", "pdf"]).status == 2)
        #expect(try EHCPProcess.run(["validate", "/nonexistent/bundle"]).status == 2)
        #expect(try EHCPProcess.run(["convert", "x", "--to", "nothing"]).status == 2)
    }

    @Test func convertWritesAtomicallyAndRefusesTheInput() throws {
        let input = RepositoryPaths.examples + "/riverside-request/application.yaml"
        #expect(try EHCPProcess.run(["convert", input, "--to", "canonical-json", "--output", input]).status == 2)
        let folder = try EHCPProcess.temporaryFolder()
        let result = try EHCPProcess.run(["convert", input, "--to", "canonical-xml", "--output", folder + "/out.xml"])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.xml"])
    }

    @Test func strictConversionOfUnknownFieldsWritesNothing() throws {
        let folder = try EHCPProcess.temporaryFolder()
        try "schemaVersion: \"1\"\nauthority: \"926\"\ndateOfRequest: 2026-10-05\ncolour: blue\n".write(
            toFile: folder + "/in.yaml", atomically: true, encoding: .utf8)
        let result = try EHCPProcess.run(["convert", folder + "/in.yaml", "--to", "canonical-xml", "--strict", "--output", folder + "/out.xml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("colour"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.xml"))
    }

    /// What `convert --to canonical-xml` writes passes an independent validator (xmllint), and a
    /// document with a non-ISO date or an unknown code does not.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")))
    func convertedXMLValidatesWithXmllint() throws {
        let folder = try EHCPProcess.temporaryFolder()
        let input = RepositoryPaths.examples + "/riverside-request/application.yaml"
        #expect(try EHCPProcess.run(["convert", input, "--to", "canonical-xml", "--output", folder + "/good.xml"]).status == 0)
        let good = try String(contentsOfFile: folder + "/good.xml", encoding: .utf8)
        try good.replacingOccurrences(of: "<dateOfRequest>2026-10-05</dateOfRequest>", with: "<dateOfRequest>05/10/2026</dateOfRequest>")
            .write(toFile: folder + "/bad-date.xml", atomically: true, encoding: .utf8)
        try good.replacingOccurrences(of: "<type>SLCN</type>", with: "<type>XYZ</type>")
            .write(toFile: folder + "/bad-code.xml", atomically: true, encoding: .utf8)
        func xmllint(_ file: String) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            process.arguments = ["--noout", "--schema", RepositoryPaths.schemas + "/ehcp-application-1.xsd", file]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try xmllint(folder + "/good.xml") == 0)
        #expect(try xmllint(folder + "/bad-date.xml") != 0)
        #expect(try xmllint(folder + "/bad-code.xml") != 0)
    }

    @Test func aFolderOfBundlesIsCheckedBundleByBundle() throws {
        let result = try EHCPProcess.run(["validate", RepositoryPaths.localAuthorities + "/926-norfolk/examples", "--format", "json"])
        #expect(result.status == 1)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(reports.count >= 2)
        let text = try EHCPProcess.run(["validate", RepositoryPaths.localAuthorities + "/926-norfolk/examples"]).stdout
        #expect(text.contains("bundles checked") && text.contains("Requests affected, by rule:"))
    }

    @Test func schemaPrintsTheFilesExactly() throws {
        #expect(try EHCPProcess.run(["schema", "xsd"]).stdout == (try RepositoryPaths.text("Schemas/ehcp-application-1.xsd")))
        #expect(try EHCPProcess.run(["schema", "json"]).stdout == (try RepositoryPaths.text("Schemas/ehcp-application-1.schema.json")))
    }
}
