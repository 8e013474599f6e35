import EHCPTestSupport
import Foundation
import Testing

/// The `ehcp` binary carries the schemas and the published authority files that the build embeds:
/// copied into an empty folder and run there, with no `LocalAuthorities` in sight, it gives the
/// files' own bytes and applies the published rules.
@Suite struct CopiedBinaryCLITests {
    /// A folder holding nothing but a copy of the built binary.
    private func copiedBinary() throws -> String {
        let folder = try EHCPProcess.temporaryFolder()
        try FileManager.default.copyItem(atPath: EHCPProcess.binary, toPath: folder + "/ehcp")
        return folder
    }

    @Test func printsTheSchemasOfTheRepository() throws {
        let folder = try copiedBinary()
        for (kind, file) in [("xsd", "ehcp-application-1.xsd"), ("json", "ehcp-application-1.schema.json")] {
            let result = try EHCPProcess.run(["schema", kind], executable: folder + "/ehcp", workingDirectory: folder)
            #expect(result.status == 0)
            #expect(result.stdout == (try RepositoryPaths.text("Schemas/" + file)), "\(kind)")
        }
    }

    @Test func appliesThePublishedRulesAndListsEveryAuthority() throws {
        let folder = try copiedBinary()
        let bundle = folder + "/bundle"
        try FileManager.default.copyItem(atPath: RepositoryPaths.localAuthorities + "/926-norfolk/examples/fails", toPath: bundle)
        let result = try EHCPProcess.run(["validate", bundle, "--format", "json"], executable: folder + "/ehcp", workingDirectory: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rules = (report["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("NFK-INDES") && rules.contains("ENG-ACTION-EVIDENCE"), "\(rules)")
        let list = try EHCPProcess.run(["authorities", "list"], executable: folder + "/ehcp", workingDirectory: folder)
        #expect(list.stdout.split(separator: "\n").count == 153)
        #expect(!FileManager.default.fileExists(atPath: folder + "/LocalAuthorities"))
    }
}
