import EHCPSource
import EHCPTestSupport
import Testing

@testable import EHCPKit

@Suite struct CanonicalFormatTests {
    private func read(_ format: any FormatPlugin, _ text: String, file: String = "doc") throws -> ReadResult {
        try format.read(Array(text.utf8), file: file)
    }

    @Test func yamlToXMLToJSONToYAMLKeepsEveryValue() throws {
        let original = try read(CanonicalYAMLFormat(), RepositoryPaths.text("Examples/riverside-request/application.yaml"))
        #expect(original.findings.isEmpty)
        var application = original.application
        application.root["reference"] = Value(.text("0123"))
        var child = try #require(application.root["child"]?.record)
        child["givenNames"] = Value(.text("Zoë-Ōkafor 李"))
        child["preferredName"] = Value(.text("true"))
        application.root["child"] = Value(.object(child))
        let xml = CanonicalXMLFormat().write(application).text
        let fromXML = try read(CanonicalXMLFormat(), xml)
        let json = CanonicalJSONFormat().write(fromXML.application).text
        let fromJSON = try read(CanonicalJSONFormat(), json)
        let yaml = try CanonicalYAMLFormat().write(fromJSON.application).text
        let back = try read(CanonicalYAMLFormat(), yaml)
        #expect(fromXML.findings.isEmpty && fromJSON.findings.isEmpty && back.findings.isEmpty)
        #expect(ApplicationEncoder.encode(back.application) == ApplicationEncoder.encode(application))
    }

    @Test func writtenXMLValidatesAgainstTheXSD() throws {
        let application = try read(CanonicalYAMLFormat(), RepositoryPaths.text("Examples/riverside-request/application.yaml")).application
        let xml = CanonicalXMLFormat().write(application).text
        let validator = try XSDValidatorFactory.canonical()
        #expect(try validator.validate(Array(xml.utf8), file: "out.xml").isEmpty)
    }

    @Test func unknownFieldIsAWarningWithAHint() throws {
        let result = try read(CanonicalYAMLFormat(), "schemaVersion: \"1\"\nauthority: \"926\"\ndateOfRequest: 2026-10-05\nrequestor: {}\n")
        let finding = try #require(result.findings.first { $0.rule == "SCHEMA-UNKNOWN-FIELD" })
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("did you mean 'requester'"))
        #expect(finding.location == SourceLocation(file: "doc", line: 4, column: 1))
        #expect(result.unknownFields == ["requestor"])
    }

    @Test func badValuesAreNamedByPathNeverByValue() throws {
        let text = """
            schemaVersion: "1"
            authority: "926"
            dateOfRequest: 2026-10-05
            child: { givenNames: Amelia, familyName: Okafor, dateOfBirth: 14/03/2016 }
            needs: [{ type: XYZ, rank: "1" }]
            """
        let result = try read(CanonicalYAMLFormat(), text)
        #expect(Set(result.findings.map(\.rule)) == ["SCHEMA-DATE", "SCHEMA-CODE", "SCHEMA-TYPE"])
        #expect(!result.findings.contains { $0.message.contains("14/03/2016") })
        #expect(result.findings.first { $0.rule == "SCHEMA-DATE" }?.path == "child.dateOfBirth")
        #expect(result.findings.first { $0.rule == "SCHEMA-TYPE" }?.path == "needs[0].rank")
    }

    @Test func missingRequiredFieldsAreErrors() throws {
        let result = try read(CanonicalJSONFormat(), #"{"schemaVersion": "1"}"#)
        #expect(Set(result.findings.filter { $0.rule == "SCHEMA-REQUIRED" }.compactMap(\.path)) == ["authority", "dateOfRequest"])
    }

    @Test func xmlWithTheWrongRootIsRefused() {
        #expect(throws: DiagnosticList.self) { _ = try read(CanonicalXMLFormat(), "<request/>") }
    }
}

/// Every example application of every authority survives YAML → XML → JSON → YAML unchanged.
@Suite struct ExampleRoundTripTests {
    static var documents: [String] {
        let root = RepositoryPaths.localAuthorities
        return FileAccess.list(root).flatMap { folder in
            FileAccess.list(root + "/\(folder)/examples").map { "\(root)/\(folder)/examples/\($0)/application.yaml" }
        }.filter(FileAccess.exists) + [RepositoryPaths.examples + "/riverside-request/application.yaml"]
    }

    @Test func thereAreExamplesToRoundTrip() {
        #expect(Self.documents.count > 30)
    }

    @Test(arguments: documents)
    func roundTripKeepsEveryValue(_ path: String) throws {
        let read = try CanonicalYAMLFormat().read(FileAccess.read(path), file: path)
        let original = read.application
        let xml = CanonicalXMLFormat().write(original).text
        let fromXML = try CanonicalXMLFormat().read(Array(xml.utf8), file: "x.xml")
        let json = CanonicalJSONFormat().write(fromXML.application).text
        let fromJSON = try CanonicalJSONFormat().read(Array(json.utf8), file: "x.json")
        let yaml = try CanonicalYAMLFormat().write(fromJSON.application).text
        let back = try CanonicalYAMLFormat().read(Array(yaml.utf8), file: "x.yaml")
        #expect(ApplicationEncoder.encode(back.application) == ApplicationEncoder.encode(original))
        if !read.findings.contains(where: { $0.severity == .error }) {
            #expect(try XSDValidatorFactory.canonical().validate(Array(xml.utf8), file: "x.xml").isEmpty)
        }
    }
}
