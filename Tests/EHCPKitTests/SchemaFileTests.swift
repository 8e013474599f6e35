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
    @Test func embeddedCopiesMatchTheFiles() throws {
        #expect(EmbeddedResources.xsd == (try RepositoryPaths.text("Schemas/ehcp-application-1.xsd")), "run scripts/embed-resources.sh")
        #expect(EmbeddedResources.jsonSchema == (try RepositoryPaths.text("Schemas/ehcp-application-1.schema.json")), "run scripts/embed-resources.sh")
        #expect(EmbeddedResources.authoritiesCSV == (try RepositoryPaths.text("LocalAuthorities/authorities.csv")), "run scripts/embed-resources.sh")
    }

    @Test func embeddedAuthorityFilesMatchTheFiles() throws {
        let published = FileAccess.list(RepositoryPaths.localAuthorities).flatMap { folder in
            ["requirements.yaml", "format.yaml", "authority.yaml"].map { "\(folder)/\($0)" }
                .filter { FileAccess.exists(RepositoryPaths.localAuthorities + "/" + $0) }
        }
        #expect(Set(EmbeddedResources.authorityFiles.keys) == Set(published), "run scripts/embed-resources.sh")
        for (path, text) in EmbeddedResources.authorityFiles {
            #expect(text == (try RepositoryPaths.text("LocalAuthorities/" + path)), "run scripts/embed-resources.sh: \(path)")
        }
        let builtIn = try RuleSetCatalog.builtIn.rulesets(forCode: "926")
        #expect(builtIn.map(\.id) == ["england", "norfolk"])
    }

    /// Every field of the Swift schema is an element of the XSD and a property of the JSON Schema,
    /// and the XSD declares no field the Swift schema lacks.
    @Test func schemaFilesAreInStepWithTheModel() throws {
        let xsd = try RepositoryPaths.text("Schemas/ehcp-application-1.xsd")
        let json = try RepositoryPaths.text("Schemas/ehcp-application-1.schema.json")
        let names = Set(CanonicalSchema.allPaths.map { String($0.split(separator: ".").last!) })
        for name in names {
            #expect(xsd.contains("name=\"\(name)\""), "XSD lacks \(name)")
            #expect(json.contains("\"\(name)\""), "JSON Schema lacks \(name)")
        }
        let declared = xsd.components(separatedBy: "<xs:element name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        for name in Set(declared).subtracting(["application", "item"]) {
            #expect(names.contains(name), "XSD declares \(name), which the model lacks")
        }
        for vocabulary in Vocabulary.allCases {
            for code in vocabulary.codes { #expect(xsd.contains("value=\"\(code)\""), "XSD lacks code \(code)") }
        }
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
    }

    /// The YAML fixture and the XML fixture are the same application, and it decodes without a finding.
    @Test func theVersionOnePointOneFixturesAgree() throws {
        let yaml = try CanonicalYAMLFormat().read(Array(try RepositoryPaths.text("Tests/Fixtures/schemas/valid-application-1.1.yaml").utf8), file: "a.yaml")
        let xml = try CanonicalXMLFormat().read(Array(try RepositoryPaths.text("Tests/Fixtures/schemas/valid-application-1.1.xml").utf8), file: "a.xml")
        #expect(yaml.findings.isEmpty && xml.findings.isEmpty, "\(yaml.findings.map(\.message)) \(xml.findings.map(\.message))")
        #expect(ApplicationEncoder.encode(yaml.application) == ApplicationEncoder.encode(xml.application))
        let added = ["child.address", "child.ethnicity", "child.gp.practice", "parents.phone", "setting.ncYearTaught", "previousSettings.from", "requester.position"]
        let written = try CanonicalYAMLFormat().write(yaml.application).text
        for path in added { #expect(written.contains(String(path.split(separator: ".").last!) + ":"), "\(path) is not written") }
    }
}
