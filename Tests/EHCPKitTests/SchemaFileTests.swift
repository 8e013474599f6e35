import EHCPTestSupport
import EHCPXML
import Testing

@testable import EHCPKit

enum XSDValidatorFactory {
    static func canonical() throws -> XSDValidator {
        try XSDValidator(schema: Array(EmbeddedResources.xsd.utf8), file: "ehcp-application-1.xsd")
    }
}

@Suite struct SchemaFileTests {
    /// The build embeds every published authority file, byte for byte (the build-tool plugin
    /// finds them; the binary carries them), and the built-in catalog reads them.
    @Test func theBuildEmbedsEveryPublishedAuthorityFile() throws {
        let published = FileAccess.list(RepositoryPaths.localAuthorities).flatMap { folder in
            ["requirements.yaml", "format.yaml", "authority.yaml"].map { "\(folder)/\($0)" }
                .filter { FileAccess.exists(RepositoryPaths.localAuthorities + "/" + $0) }
        }
        #expect(Set(EmbeddedResources.authorityFiles.keys) == Set(published))
        for (path, text) in EmbeddedResources.authorityFiles {
            #expect(text == (try RepositoryPaths.text("LocalAuthorities/" + path)), "\(path)")
        }
        let builtIn = try RuleSetCatalog.builtIn.rulesets(forCode: "926")
        #expect(builtIn.map(\.id) == ["england", "norfolk"])
    }

    @Test func fixturesValidateOrFailAsExpected() throws {
        let validator = try XSDValidatorFactory.canonical()
        func errors(_ name: String) throws -> Int {
            try validator.validate(Array(RepositoryPaths.text("Tests/Fixtures/schemas/\(name)").utf8), file: name).count
        }
        #expect(try errors("valid-application.xml") == 0)
        #expect(try errors("invalid-date.xml") > 0)
        #expect(try errors("invalid-code.xml") > 0)
    }

    /// A version 1 document is a version 1.1 document; 1.1 adds fields, each with its type.
    @Test func versionOneAndOnePointOneValidate() throws {
        let validator = try XSDValidatorFactory.canonical()
        let one = try RepositoryPaths.text("Tests/Fixtures/schemas/valid-application.xml")
        let onePointOne = try RepositoryPaths.text("Tests/Fixtures/schemas/valid-application-1.1.xml")
        #expect(one.contains("<schemaVersion>1</schemaVersion>"))
        #expect(onePointOne.contains("<schemaVersion>1.1</schemaVersion>") && onePointOne.contains("<gp>"))
        func errors(_ text: String) throws -> Int { try validator.validate(Array(text.utf8), file: "a.xml").count }
        #expect(try errors(one) == 0)
        #expect(try errors(onePointOne) == 0)
        #expect(try errors(onePointOne.replacingOccurrences(of: "<schemaVersion>1.1</schemaVersion>", with: "<schemaVersion>2</schemaVersion>")) > 0)
        #expect(try errors(onePointOne.replacingOccurrences(of: "<ethnicity>BAFR</ethnicity>", with: "<ethnicity>African</ethnicity>")) > 0)
        #expect(try errors(onePointOne.replacingOccurrences(of: "<ncYearTaught>4</ncYearTaught>", with: "<ncYearTaught>Year 4</ncYearTaught>")) > 0)
        #expect(try errors(onePointOne.replacingOccurrences(of: "<from>2019-09-02</from>", with: "<from>02/09/2019</from>")) > 0)
        #expect(try errors(onePointOne.replacingOccurrences(of: "<end>2025-07-18</end>", with: "<end>summer term</end>")) > 0)
    }

    /// The YAML fixture and the XML fixture are the same application, and it decodes without a finding.
    @Test func theVersionOnePointOneFixturesAgree() throws {
        let yaml = try CanonicalYAMLFormat().read(Array(try RepositoryPaths.text("Tests/Fixtures/schemas/valid-application-1.1.yaml").utf8), file: "a.yaml")
        let xml = try CanonicalXMLFormat().read(Array(try RepositoryPaths.text("Tests/Fixtures/schemas/valid-application-1.1.xml").utf8), file: "a.xml")
        #expect(yaml.findings.isEmpty && xml.findings.isEmpty, "\(yaml.findings.map(\.message)) \(xml.findings.map(\.message))")
        #expect(ApplicationEncoder.encode(yaml.application) == ApplicationEncoder.encode(xml.application))
        let added = [
            "child.address", "child.ethnicity", "child.gp.practice", "parents.phone", "setting.ncYearTaught", "previousSettings.from", "requester.position",
            "provision.end"
        ]
        let written = try CanonicalYAMLFormat().write(yaml.application).text
        for path in added { #expect(written.contains(String(path.split(separator: ".").last!) + ":"), "\(path) is not written") }
    }
}
