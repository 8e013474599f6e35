import EHCPTestSupport
import Foundation
import Testing

/// A name typed into a coded or typed field, or inside a document the parsers refuse, never
/// comes back in a report or on stderr.
@Suite struct PersonalDataCLITests {
    static let name = "Quiggleworth"
    static let formats = ["text", "json", "html", "markdown", "sarif", "junit"]

    /// The example request with the distinctive name in every coded field, an evidence
    /// reference, a typed field and the schema version.
    static func bundleWithNameInCodedFields() throws -> String {
        let bundle = try EHCPProcess.temporaryFolder() + "/request"
        try FileManager.default.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: bundle)
        var text = try String(contentsOfFile: bundle + "/application.yaml", encoding: .utf8)
        for (from, to) in [
            ("schemaVersion: \"1\"", "schemaVersion: \(name) 1"),
            ("  sex: F", "  sex: Zoe \(name)"), ("  ncYear: \"5\"", "  ncYear: \(name)"), ("- by: parent", "- by: Grace \(name)"),
            ("  type: mainstream", "  type: \(name) Academy"), ("- type: SLCN", "- type: \(name)"),
            ("- role: speech-and-language-therapist", "- role: Dr \(name)"), ("  type: child-views", "  type: \(name) views"),
            ("  role: setting", "  role: \(name)"), ("  rank: 1", "  rank: \(name)"), ("  reviewed: true", "  reviewed: \(name)"),
            ("  evidence: apdr-2", "  evidence: \(name)-notes"), ("  hoursPerWeek: 3", "  hoursPerWeek: \(name)"),
            ("file: evidence/apdr-1.pdf", "file: evidence/apdr-1.\(name)"),
            ("  admitted: 2020-09-03", "  admitted: \(name)"), ("  upn: A123456789012", "  upn: \(name)"),
            ("  email: grace@example.org", "  email: \(name)"), ("  homeAuthority: \"926\"", "  homeAuthority: \(name)")
        ] {
            #expect(text.contains(from), "the example no longer has \(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        try text.write(toFile: bundle + "/application.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: bundle + "/evidence/apdr-1.pdf", toPath: bundle + "/evidence/apdr-1.\(name)")
        return bundle
    }

    @Test(arguments: formats)
    func aNameInACodedFieldIsNeverRepeated(format: String) throws {
        let bundle = try Self.bundleWithNameInCodedFields()
        let result = try EHCPProcess.run(["validate", bundle, "--format", format])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!result.stdout.contains(Self.name), "\(format) repeats the value:\n\(result.stdout)")
        #expect(!result.stderr.contains(Self.name))
        // What was expected, and where, is still said.
        if format == "text" {
            #expect(result.stdout.contains("child.sex is not a known code; expected one of:"))
            #expect(result.stdout.contains("setting.ncYear is not a known code"))
            #expect(result.stdout.contains("the 1st consent record's by is not a known code"))
        }
    }

    @Test func convertNamesThePathNotTheValue() throws {
        let bundle = try Self.bundleWithNameInCodedFields()
        for target in ["bedford-request-csv", "canonical-json", "norfolk-referral-xml"] {
            let result = try EHCPProcess.run(["convert", bundle + "/application.yaml", "--to", target, "--force"])
            #expect(result.stderr.contains("child.sex is not a known code"), "\(result.stderr)")
            #expect(!result.stderr.contains(Self.name), "\(target): \(result.stderr)")
        }
    }

    /// Documents the parsers refuse, each with a name where libxml2 or libyaml would quote it.
    @Test(arguments: [
        (
            "application.xml",
            "<?xml version=\"1.0\"?>\n<application xmlns=\"urn:ehcp:application:1\">\n<child><givenNames><![CDATA[Zoe \(name) and more text here"
        ),
        (
            "application.xml",
            "<?xml version=\"1.0\"?>\n<application xmlns=\"urn:ehcp:application:1\">\n<child><givenNames>&\(name);</givenNames></child></application>\n"
        ),
        ("application.xml", "<?xml version=\"1.0\"?>\n<application xmlns=\"urn:ehcp:application:1\">\n<child><\(name)></child></application>\n"),
        ("application.yaml", "schemaVersion: \"1\"\nchild:\n  givenNames: *\(name)\n"),
        ("application.yaml", "schemaVersion: \"1\"\nchild:\n  givenNames: Zoe\n  givenNames: \(name)\n  \(name): x\n  \(name): y\n"),
        ("application.json", "{\"schemaVersion\": \"1\", \"child\": {\"givenNames\": *\(name)}}\n")
    ])
    func parserErrorsGiveThePlaceAndKindOnly(file: String, content: String) throws {
        let bundle = try EHCPProcess.temporaryFolder()
        try content.write(toFile: bundle + "/" + file, atomically: true, encoding: .utf8)
        let result = try EHCPProcess.run(["validate", bundle])
        #expect(result.status == 2)
        #expect(result.stderr.contains(bundle + "/" + file + ":"), "\(result.stderr)")
        #expect(!result.stderr.contains(Self.name), "\(result.stderr)")
        let converted = try EHCPProcess.run(["convert", bundle + "/" + file, "--to", "canonical-yaml"])
        #expect(converted.status == 2)
        #expect(!converted.stderr.contains(Self.name), "\(converted.stderr)")
    }
}
