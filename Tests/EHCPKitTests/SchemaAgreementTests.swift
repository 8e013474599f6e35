import EHCPTestSupport
import EHCPXML
import Foundation
import Testing
@testable import EHCPKit

/// The published schemas say what the canonical schema table says: every field, and no other, with
/// its type (a code list with exactly the vocabulary's codes) and whether it is required. The table
/// (`CanonicalSchema.root`) is what ehcp decodes by; a schema that differed would accept documents
/// ehcp refuses, or refuse ones it accepts.
@Suite struct SchemaAgreementTests {
    // MARK: JSON Schema

    nonisolated(unsafe) private static let json: [String: Any] = {  // read once, never written
        (try? JSONSerialization.jsonObject(with: Data(EmbeddedResources.jsonSchema.utf8))) as? [String: Any] ?? [:]
    }()

    /// A schema object with its `$ref`s followed, and the names of the definitions passed through.
    private static func resolved(_ schema: [String: Any]) -> (schema: [String: Any], refs: [String]) {
        var schema = schema
        var refs: [String] = []
        let definitions = json["$defs"] as? [String: [String: Any]] ?? [:]
        while let ref = schema["$ref"] as? String, let name = ref.split(separator: "/").last.map(String.init), let target = definitions[name] {
            refs.append(name)
            var merged = target
            for (key, value) in schema where key != "$ref" && key != "description" { merged[key] = value }
            schema = merged
        }
        return (schema, refs)
    }

    /// What is wrong with the JSON Schema's object `schema` against `fields`, by path.
    private static func jsonProblems(_ schema: [String: Any], fields: [Field], at prefix: String) -> [String] {
        let object = resolved(schema).schema
        let properties = object["properties"] as? [String: [String: Any]] ?? [:]
        let required = Set(object["required"] as? [String] ?? [])
        var problems: [String] = []
        for name in Set(properties.keys).subtracting(fields.map(\.name)) { problems.append("\(prefix)\(name): in the JSON Schema, not in the table") }
        for field in fields {
            let path = prefix + field.name
            guard let property = properties[field.name] else {
                problems.append("\(path): in the table, not in the JSON Schema")
                continue
            }
            if required.contains(field.name) != field.required { problems.append("\(path): required is \(field.required) in the table") }
            let (leaf, refs) = resolved(property)
            let type = leaf["type"] as? String
            switch field.type {
            case .text where path == "schemaVersion":
                // Text in the table; the decoder checks it against the versions it reads.
                if Set((leaf["enum"] as? [String]) ?? []) != Set(CanonicalSchema.readableVersions) { problems.append("\(path): versions differ") }
            case .text, .identifier:
                if type != "string" || leaf["enum"] != nil { problems.append("\(path): not a free string") }
            case .date:
                if type != "string" || !(refs.contains("Date") || leaf["format"] as? String == "date") { problems.append("\(path): not a date") }
            case .number:
                if type != "number" { problems.append("\(path): not a number") }
            case .integer:
                if type != "integer" { problems.append("\(path): not an integer") }
            case .boolean:
                if type != "boolean" { problems.append("\(path): not a boolean") }
            case .code(let vocabulary):
                let codes = (leaf["enum"] as? [Any])?.map { "\($0)" } ?? (leaf["oneOf"] as? [[String: Any]])?.compactMap { $0["const"].map { "\($0)" } }
                if Set(codes ?? []) != Set(vocabulary.codes) { problems.append("\(path): codes differ from the vocabulary \(vocabulary.rawValue)") }
            case .object(let children):
                if type != "object" { problems.append("\(path): not an object") }
                problems += jsonProblems(leaf, fields: children, at: path + ".")
            case .list(let children):
                guard type == "array", let items = leaf["items"] as? [String: Any] else {
                    problems.append("\(path): not an array")
                    continue
                }
                problems += jsonProblems(items, fields: children, at: path + "[].")
            }
        }
        return problems
    }

    @Test func theJSONSchemaHasEveryFieldWithItsTypeAndRequiredness() throws {
        try #require(!Self.json.isEmpty)
        let problems = Self.jsonProblems(Self.json, fields: CanonicalSchema.root, at: "")
        #expect(problems.isEmpty, "\(problems.sorted().joined(separator: "\n"))")
    }

    // MARK: XSD

    private static let xsd: XMLTree.Element? = try? XMLReader.read(Array(EmbeddedResources.xsd.utf8), file: "ehcp-application-1.xsd").root

    /// Named complex and simple types of the XSD.
    private static func named(_ kind: String) -> [String: XMLTree.Element] {
        Dictionary((xsd?.children(named: kind) ?? []).compactMap { type in type.attribute("name").map { ($0, type) } }, uniquingKeysWith: { first, _ in first })
    }

    private static let complexTypes = named("complexType")
    private static let simpleTypes = named("simpleType")

    /// Every `xs:element` declared directly in a complex type (through `all`, `sequence` or `choice`).
    private static func elements(of type: XMLTree.Element) -> [XMLTree.Element] {
        type.children.flatMap { group in ["all", "sequence", "choice"].contains(group.name) ? group.children(named: "element") : [] }
    }

    /// The enumerated values of a simple type, following restrictions of other named simple types.
    private static func enumeration(_ typeName: String) -> [String]? {
        guard let type = simpleTypes[typeName], let restriction = type.children(named: "restriction").first else { return nil }
        let values = restriction.children(named: "enumeration").compactMap { $0.attribute("value") }
        return values.isEmpty ? nil : values
    }

    private static func xsdProblems(_ typeName: String, fields: [Field], at prefix: String) -> [String] {
        guard let type = complexTypes[typeName] else { return ["\(prefix): complex type \(typeName) is not in the XSD"] }
        let declared = Dictionary(elements(of: type).compactMap { element in element.attribute("name").map { ($0, element) } }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        for name in Set(declared.keys).subtracting(fields.map(\.name)) { problems.append("\(prefix)\(name): in the XSD, not in the table") }
        for field in fields {
            let path = prefix + field.name
            guard let element = declared[field.name], let elementType = element.attribute("type") else {
                problems.append("\(path): in the table, not in the XSD (or without a type)")
                continue
            }
            if (element.attribute("minOccurs") != "0") != field.required { problems.append("\(path): required is \(field.required) in the table") }
            let base = simpleTypes[elementType]?.children(named: "restriction").first?.attribute("base") ?? elementType
            switch field.type {
            case .text where path == "schemaVersion":
                if Set(enumeration(elementType) ?? []) != Set(CanonicalSchema.readableVersions) { problems.append("\(path): versions differ") }
            case .text, .identifier:
                if base != "xs:string" || enumeration(elementType) != nil { problems.append("\(path): not a free string (\(elementType))") }
            case .date:
                if elementType != "Date" && base != "xs:date" { problems.append("\(path): not a date (\(elementType))") }
            case .number:
                if !["xs:decimal", "xs:double", "xs:float"].contains(base) { problems.append("\(path): not a number (\(elementType))") }
            case .integer:
                if !base.hasSuffix("Integer") && base != "xs:int" { problems.append("\(path): not an integer (\(elementType))") }
            case .boolean:
                if base != "xs:boolean" { problems.append("\(path): not a boolean (\(elementType))") }
            case .code(let vocabulary):
                if Set(enumeration(elementType) ?? []) != Set(vocabulary.codes) { problems.append("\(path): codes differ from the vocabulary \(vocabulary.rawValue)") }
            case .object(let children):
                problems += xsdProblems(elementType, fields: children, at: path + ".")
            case .list(let children):
                guard let list = complexTypes[elementType], let item = elements(of: list).first, item.attribute("name") == "item",
                      item.attribute("maxOccurs") == "unbounded", let itemType = item.attribute("type") else {
                    problems.append("\(path): not a list of item elements (\(elementType))")
                    continue
                }
                problems += xsdProblems(itemType, fields: children, at: path + "[].")
            }
        }
        return problems
    }

    @Test func theXSDHasEveryFieldWithItsTypeAndRequiredness() throws {
        let root = try #require(Self.xsd?.children(named: "element").first { $0.attribute("name") == "application" }?.attribute("type"))
        let problems = Self.xsdProblems(root, fields: CanonicalSchema.root, at: "")
        #expect(problems.isEmpty, "\(problems.sorted().joined(separator: "\n"))")
    }

    /// The checks above can fail: a table with a field the schemas lack, a wrong requiredness and a
    /// wrong code list is reported on each count.
    @Test func aTableThatDiffersIsCaught() {
        let altered = CanonicalSchema.root.map { field in
            field.name == "reference" ? Field("reference", .text, required: true) : field.name == "authority" ? Field("authority", .code(.sex)) : field
        } + [Field("inventedField", .text)]
        let json = Self.jsonProblems(Self.json, fields: altered, at: "")
        let xsd = Self.xsdProblems(Self.xsd?.children(named: "element").first?.attribute("type") ?? "", fields: altered, at: "")
        for problems in [json, xsd] {
            #expect(problems.contains { $0.hasPrefix("inventedField:") })
            #expect(problems.contains { $0.hasPrefix("reference: required") })
            #expect(problems.contains { $0.hasPrefix("authority: codes differ") })
        }
    }
}
