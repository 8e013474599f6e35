import EHCPTestSupport
import Foundation
import Testing

/// Converting between authority formats and validating bundles in them, as a user would.
@Suite struct AuthorityFormatCLITests {
    private let riverside = RepositoryPaths.examples + "/riverside-request/application.yaml"

    @Test func convertsBetweenTwoAuthorityFormatsBothWaysWithDetection() throws {
        let folder = try EHCPProcess.temporaryFolder()
        let xml = folder + "/referral.xml"
        let json = folder + "/request.json"
        let back = folder + "/back.xml"
        #expect(try EHCPProcess.run(["convert", riverside, "--to", "norfolk-referral-xml", "--output", xml]).status == 0)
        let toCamden = try EHCPProcess.run(["convert", xml, "--to", "camden-setting-request-json", "--output", json])
        #expect(toCamden.status == 0, "\(toCamden.stderr)")
        // Converting to an authority's format sends the request there: its authority is not a loss.
        #expect(!toCamden.stderr.contains("not converted: authority"), "\(toCamden.stderr)")
        let toNorfolk = try EHCPProcess.run(["convert", json, "--to", "norfolk-referral-xml", "--output", back])
        #expect(toNorfolk.status == 0, "\(toNorfolk.stderr)")
        let first = try String(contentsOfFile: xml, encoding: .utf8)
        let second = try String(contentsOfFile: back, encoding: .utf8)
        // Everything both formats hold survives Norfolk → Camden → Norfolk; the form block Camden lacks does not.
        #expect(second == first.replacingOccurrences(of: "  <Form>\n    <Name>EHC1</Name>\n    <Version>2025-04</Version>\n  </Form>\n", with: ""))
    }

    @Test func lossNeverShowsPersonalValuesAndStrictWritesNothing() throws {
        let folder = try EHCPProcess.temporaryFolder()
        let result = try EHCPProcess.run(["convert", riverside, "--to", "bedford-request-csv", "--output", folder + "/out.csv", "--strict"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: not converted: graduatedApproach[].start (date: format bedford-request-csv has no place for it)"))
        for personal in ["Okafor", "Amelia", "2016-03-14", "9434765870", "A123456789012"] { #expect(!result.stderr.contains(personal)) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.csv"))
    }

    @Test func unknownFormatsAndUnrecognisedFilesExitTwoSayingWhatToDo() throws {
        let folder = try EHCPProcess.temporaryFolder()
        try "a,b\n1,2\n".write(toFile: folder + "/other.csv", atomically: true, encoding: .utf8)
        let unrecognised = try EHCPProcess.run(["convert", folder + "/other.csv", "--to", "canonical-yaml"])
        #expect(unrecognised.status == 2)
        #expect(unrecognised.stderr.contains("no format recognises this file (csv formats: leeds-ehc1-csv, bedford-request-csv); give --from"))
        let unknown = try EHCPProcess.run(["convert", riverside, "--to", "kent-form"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown --to format 'kent-form'; use one of: canonical-yaml"))
    }

    @Test func convertReadsStandardInputForScripts() throws {
        let csv = RepositoryPaths.localAuthorities + "/822-bedford/examples/passes-own-format/request.csv"
        func convert(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: EHCPProcess.binary)
            process.arguments = ["convert", "-"] + arguments
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: csv))
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, stdout, stderr)
        }
        let named = try convert(["--from", "bedford-request-csv", "--to", "canonical-yaml"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.contains("authority: \"822\""))
        let unnamed = try convert(["--to", "canonical-yaml"])
        #expect(unnamed.status == 2)
        #expect(unnamed.stderr.contains("standard input was read as canonical-yaml; if it is another format, give --from"))
    }

    @Test func aBundleInAnAuthorityFormatValidatesWithPlacesInThatDocument() throws {
        let bundle = RepositoryPaths.localAuthorities + "/926-norfolk/examples/fails-own-format"
        let result = try EHCPProcess.run(["validate", bundle, "--format", "json"])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "NFK-APDR-CYCLES" })
        let located = findings.compactMap { ($0["location"] as? [String: Any])?["file"] as? String }
        #expect(!located.isEmpty && located.allSatisfy { $0.hasSuffix("referral.xml") })
    }

    @Test func theBinaryCopiedAnywhereCarriesTheFormats() throws {
        let folder = try EHCPProcess.temporaryFolder()
        try FileManager.default.copyItem(atPath: EHCPProcess.binary, toPath: folder + "/ehcp")
        let bundle = folder + "/bundle"
        try FileManager.default.copyItem(atPath: RepositoryPaths.localAuthorities + "/383-leeds/examples/passes-own-format", toPath: bundle)
        let result = try EHCPProcess.run(["validate", bundle], executable: folder + "/ehcp", workingDirectory: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("Leeds"))
    }

    @Test func authoritiesListNamesEachAuthorityFormat() throws {
        let result = try EHCPProcess.run(["authorities", "list"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 153)
        #expect(
            lines.contains {
                $0.hasPrefix("926  Norfolk") && $0.contains("own rules") && $0.contains("sources read up to 20")
                    && $0.hasSuffix("; own format norfolk-referral-xml")
            })
        #expect(
            try EHCPProcess.run(
                ["rules", "lint"]
                    + ["926-norfolk", "822-bedford", "202-camden", "860-staffordshire", "383-leeds"].map {
                        RepositoryPaths.localAuthorities + "/\($0)/format.yaml"
                    }
            ).status == 0)
    }
}

/// An authority testing its own drafts: `--authorities-dir` with a file-size limit in `authority.yaml`.
@Suite struct AuthorityMetadataCLITests {
    @Test func maxFileSizeFromADraftAuthorityFolderFlagsLargerFiles() throws {
        let (drafts, metadata) = try DraftAuthorities.norfolk(appending: "maxFileSize: 250")
        let bundle = drafts + "/926-norfolk/examples/passes"
        let result = try EHCPProcess.run(["validate", bundle, "--authorities-dir", drafts])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FILE-TOO-LARGE"))
        #expect(result.stdout.contains("is 261 bytes; Norfolk accepts files of at most 250 bytes"))
        #expect(try EHCPProcess.run(["authorities", "show", "926", "--authorities-dir", drafts]).stdout.contains("Largest evidence file accepted: 250 bytes"))

        let limited = try String(contentsOfFile: metadata, encoding: .utf8)
        try limited.replacingOccurrences(of: "maxFileSize: 250", with: "maxFileSize: ten megabytes").write(toFile: metadata, atomically: true, encoding: .utf8)
        let lint = try EHCPProcess.run(["rules", "lint", metadata])
        #expect(lint.status == 1)
        let line = limited.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(lint.stderr.contains("authority.yaml:\(line):14: error: maxFileSize should be a size such as 10 MB"), "\(lint.stderr)")
    }
}
