import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The XSD and the JSON Schema declare each field of the canonical schema table
/// (``CanonicalSchema/root``) with its type and required-ness, and nothing the table lacks.
@Suite struct SchemaTypeTests {
    /// The type name both schema files give a field of `type`: a named type of the schemas
    /// (`Date`, `LACode`, `Sex`…) or a built-in one. Several names are acceptable for numbers.
    private func expectedNames(_ type: FieldType, path: String) -> (xsd: Set<String>, json: Set<String>) {
        switch type {
        case .text where path == "schemaVersion": return (["SchemaVersion"], ["SchemaVersion"])
        case .text: return (["xs:string"], ["string"])
        case .date: return (["Date"], ["Date"])
        case .boolean: return (["xs:boolean"], ["boolean"])
        case .integer: return (["xs:integer", "xs:nonNegativeInteger", "xs:positiveInteger"], ["integer"])
        case .number: return (["xs:decimal", "NonNegativeDecimal", "Money"], ["number", "NonNegativeDecimal", "Money"])
        case .code(let vocabulary): return ([Self.typeName(vocabulary)], [Self.typeName(vocabulary)])
        case .identifier(let kind): return ([Self.typeName(kind)], [Self.typeName(kind)])
        case .object, .list: return ([], [])
        }
    }

    private static func typeName(_ vocabulary: Vocabulary) -> String {
        switch vocabulary {
        case .requesterRole: "RequesterRole"
        case .sex: "Sex"
        case .settingType: "SettingType"
        case .ncYear: "NCYear"
        case .needType: "NeedType"
        case .evidenceType: "EvidenceType"
        case .professionalRole: "ProfessionalRole"
        case .consentBy: "ConsentBy"
        case .ethnicity: "Ethnicity"
        case .lookedAfterStatus: "LookedAfterStatus"
        case .socialCareStatus: "SocialCareStatus"
        }
    }

    private static func typeName(_ kind: IdentifierKind) -> String {
        switch kind {
        case .laCode: "LACode"
        case .urn: "URN"
        case .upn: "UPN"
        case .uln: "ULN"
        case .nhsNumber: "NHSNumber"
        case .email: "Email"
        case .sha256: "SHA256"
        case .evidenceID, .evidenceReference: "EvidenceId"
        }
    }

    @Test func theXSDDeclaresEachFieldWithItsTypeAndRequiredness() throws {
        let xsd = try XSDDeclarations(Data(try RepositoryPaths.text("Schemas/ehcp-application-1.xsd").utf8))
        func check(_ fields: [Field], in complexType: String, prefix: String) {
            let declared = xsd.elements[complexType] ?? [:]
            #expect(Set(declared.keys) == Set(fields.map(\.name)), "\(complexType) declares other fields than the table at \(prefix)")
            for field in fields {
                let path = prefix.isEmpty ? field.name : "\(prefix).\(field.name)"
                guard let element = declared[field.name] else { continue }
                #expect(element.required == field.required, "\(path): required in the table is \(field.required)")
                switch field.type {
                case .object(let children):
                    check(children, in: element.type, prefix: path)
                case .list(let children):
                    let item = xsd.elements[element.type]?["item"]
                    #expect(item?.repeats == true, "\(path): \(element.type) is not a list of items")
                    check(children, in: item?.type ?? "", prefix: path)
                default:
                    #expect(expectedNames(field.type, path: path).xsd.contains(element.type), "\(path) has type \(element.type)")
                }
            }
        }
        check(CanonicalSchema.root, in: "Application", prefix: "")
    }

    @Test func theJSONSchemaDeclaresEachFieldWithItsTypeAndRequiredness() throws {
        let data = Data(try RepositoryPaths.text("Schemas/ehcp-application-1.schema.json").utf8)
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: [String: Any]])
        func referenced(_ property: [String: Any]) -> String? {
            (property["$ref"] as? String)?.components(separatedBy: "/").last
        }
        func check(_ fields: [Field], in object: [String: Any], prefix: String) {
            let properties = object["properties"] as? [String: [String: Any]] ?? [:]
            let required = Set(object["required"] as? [String] ?? [])
            #expect(Set(properties.keys) == Set(fields.map(\.name)), "the object at '\(prefix)' declares other fields than the table")
            for field in fields {
                let path = prefix.isEmpty ? field.name : "\(prefix).\(field.name)"
                guard let property = properties[field.name] else { continue }
                #expect(required.contains(field.name) == field.required, "\(path): required in the table is \(field.required)")
                switch field.type {
                case .object(let children):
                    check(children, in: referenced(property).flatMap { definitions[$0] } ?? [:], prefix: path)
                case .list(let children):
                    #expect(property["type"] as? String == "array", "\(path) is not an array")
                    let items = property["items"] as? [String: Any] ?? [:]
                    check(children, in: referenced(items).flatMap { definitions[$0] } ?? [:], prefix: path)
                default:
                    let name = referenced(property) ?? property["type"] as? String ?? "none"
                    #expect(expectedNames(field.type, path: path).json.contains(name), "\(path) has type \(name)")
                }
            }
        }
        check(CanonicalSchema.root, in: schema, prefix: "")
    }

    /// Each code list of the table is the enumeration of its named type, in both files.
    @Test func eachVocabularyIsTheEnumerationOfItsType() throws {
        let xsd = try XSDDeclarations(Data(try RepositoryPaths.text("Schemas/ehcp-application-1.xsd").utf8))
        let data = Data(try RepositoryPaths.text("Schemas/ehcp-application-1.schema.json").utf8)
        let definitions = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["$defs"] as? [String: [String: Any]])
        for vocabulary in Vocabulary.allCases {
            let name = Self.typeName(vocabulary)
            #expect(xsd.enumerations[name] == vocabulary.codes, "XSD \(name)")
            #expect(definitions[name]?["enum"] as? [String] == vocabulary.codes, "JSON Schema \(name)")
        }
    }
}

/// The element declarations of each named complex type of an XSD, and the enumerations of each
/// named simple type, read with Foundation's XML parser (independently of the code under test).
private final class XSDDeclarations: NSObject, XMLParserDelegate {
    struct Element {
        var type: String
        var required: Bool
        var repeats: Bool
    }

    private(set) var elements: [String: [String: Element]] = [:]
    private(set) var enumerations: [String: [String]] = [:]
    private var complexType: String?
    private var simpleType: String?

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "xs:complexType": complexType = attributes["name"]
        case "xs:simpleType": simpleType = attributes["name"]
        case "xs:element":
            guard let complexType, let element = attributes["name"] else { return }
            elements[complexType, default: [:]][element] = Element(
                type: attributes["type"] ?? "", required: (attributes["minOccurs"] ?? "1") != "0",
                repeats: attributes["maxOccurs"] == "unbounded")
        case "xs:enumeration":
            guard let simpleType, let value = attributes["value"] else { return }
            enumerations[simpleType, default: []].append(value)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "xs:complexType" { complexType = nil }
        if name == "xs:simpleType" { simpleType = nil }
    }
}
