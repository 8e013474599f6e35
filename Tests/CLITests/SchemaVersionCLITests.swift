import EHCPTestSupport
import Foundation
import Testing

/// Schema version 1.1 through the command line: version 1 documents still validate, 1.1 documents
/// are read, `convert` writes 1.1, and the personal data 1.1 adds stays out of every report.
@Suite struct SchemaVersionCLITests {
    static let fixture = RepositoryPaths.fixtures + "/schemas/valid-application-1.1.yaml"

    /// A bundle holding `text` as its application.yaml.
    static func bundle(_ text: String) throws -> String {
        let folder = try EHCPProcess.temporaryFolder() + "/request"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: folder + "/application.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    @Test(arguments: ["1", "1.1"])
    func bothVersionsAreRead(version: String) throws {
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
            .replacingOccurrences(of: "schemaVersion: \"1.1\"", with: "schemaVersion: \"\(version)\"")
        let result = try EHCPProcess.run(["validate", try Self.bundle(text), "--format", "json"])
        #expect(!result.stdout.contains("SCHEMA-"), "\(result.stdout)")
    }

    @Test func anUnknownVersionIsAnError() throws {
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
            .replacingOccurrences(of: "schemaVersion: \"1.1\"", with: "schemaVersion: \"2\"")
        let result = try EHCPProcess.run(["validate", try Self.bundle(text)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("SCHEMA-VERSION") && result.stdout.contains("reads versions \"1\" and \"1.1\""), "\(result.stdout)")
    }

    /// The version 1 example converts to a version 1.1 document that xmllint accepts.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")))
    func convertWritesVersionOnePointOne() throws {
        let folder = try EHCPProcess.temporaryFolder()
        let example = RepositoryPaths.examples + "/riverside-request/application.yaml"
        #expect(try String(contentsOfFile: example, encoding: .utf8).contains("schemaVersion: \"1\"\n"))
        for (input, output) in [(example, "/example.xml"), (Self.fixture, "/fixture.xml")] {
            let result = try EHCPProcess.run(["convert", input, "--to", "canonical-xml", "--output", folder + output])
            #expect(result.status == 0, "\(result.stderr)")
            let xml = try String(contentsOfFile: folder + output, encoding: .utf8)
            #expect(xml.contains("<schemaVersion>1.1</schemaVersion>"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            process.arguments = ["--noout", "--schema", RepositoryPaths.schemas + "/ehcp-application-1.xsd", folder + output]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "xmllint refuses \(output)")
        }
        let yaml = try EHCPProcess.run(["convert", example, "--to", "canonical-yaml"])
        #expect(yaml.stdout.hasPrefix("schemaVersion: \"1.1\"\n") || yaml.stdout.hasPrefix("schemaVersion: '1.1'\n"), "\(yaml.stdout.prefix(80))")
    }

    /// Addresses, telephone numbers and the GP never come back in a report, on stderr or in a loss
    /// report, and a loss report says the field it could not carry is personal data.
    @Test func theNewPersonalFieldsStayOutOfEveryReport() throws {
        let name = "Quiggleworth"
        var text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        for (from, to) in [
            ("address: 1 Example Row, Norwich", "address: 1 \(name) Row"), ("phone: \"01632 960001\"", "phone: \(name) 1"),
            ("name: Dr Example", "name: Dr \(name)"), ("practice: Riverside Surgery", "practice: \(name) Surgery"),
            ("address: 3 Example Row, Norwich", "address: 3 \(name) Row"), ("phone: \"01632 960003\"", "phone: \(name) 3"),
            ("postcode: NR1 2AC", "postcode: \(name)"), ("ethnicity: BAFR", "ethnicity: \(name)"),
            ("lookedAfterStatus: section-20", "lookedAfterStatus: \(name)"), ("ncYearTaught: \"4\"", "ncYearTaught: \(name)")
        ] {
            #expect(text.contains(from), "the fixture no longer has \(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        let bundle = try Self.bundle(text)
        for format in ["text", "json", "html", "markdown", "sarif", "junit"] {
            let result = try EHCPProcess.run(["validate", bundle, "--format", format])
            #expect(result.status == 1)
            #expect(!result.stdout.contains(name) && !result.stderr.contains(name), "\(format) repeats a value")
        }
        let text1 = try EHCPProcess.run(["validate", bundle]).stdout
        #expect(text1.contains("child.ethnicity is not a known code") && text1.contains("setting.ncYearTaught is not a known code"), "\(text1)")
        let converted = try EHCPProcess.run(["convert", bundle + "/application.yaml", "--to", "staffordshire-information-request-yaml", "--force"])
        #expect(!converted.stderr.contains(name), "\(converted.stderr)")
        let letter = try EHCPProcess.run(["convert", bundle + "/application.yaml", "--to", "request-letter", "--force"])
        #expect(!letter.stderr.contains(name), "\(letter.stderr)")
        #expect(letter.stderr.contains("child.gp.practice (text, personal data"), "\(letter.stderr)")
    }
}
