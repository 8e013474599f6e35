import EHCPSource
import Testing

@testable import EHCPXML

/// A document built straight from an ``OutputNode`` answers XPath exactly as the written and
/// re-parsed text does, whitespace and dropped characters included.
@Suite struct XPathBuildingTests {
    private static let namespace = "urn:ehcp:application:1"
    private static let namespaces = [(prefix: "a", uri: namespace)]

    private static let node = OutputNode.mapping([
        ("schemaVersion", .string("1")),
        ("child", .mapping([("givenNames", .string("Zoë Ōkafor")), ("lookedAfter", .boolean(false))])),
        ("empty", .mapping([])),
        ("none", .sequence([])),
        ("blank", .string("")),
        ("controls", .string("a\u{1}b\tc\r\nd\u{FFFE}e & <f> \"g\"")),
        (
            "evidence",
            .sequence([
                .mapping([("id", .string("ep")), ("date", .date("2025-01-10"))]),
                .mapping([("id", .string("salt")), ("hours", .number("3.5"))])
            ])
        )
    ])

    private static func element(_ name: String, _ node: OutputNode) -> XMLTree.Element {
        switch node {
        case .string(let text), .number(let text), .date(let text): XMLTree.Element(name: name, text: text)
        case .boolean(let flag): XMLTree.Element(name: name, text: flag ? "true" : "false")
        case .mapping(let entries): XMLTree.Element(name: name, children: entries.map { element($0.key, $0.value) })
        case .sequence(let items): XMLTree.Element(name: name, children: items.map { element("item", $0) })
        }
    }

    /// The integer value of `expression` in `document`, found by asking XPath (which answers booleans).
    private static func integer(_ expression: String, in document: XPathDocument) throws -> Int? {
        for candidate in 0..<400 where try document.boolean(XPathExpression("(\(expression)) = \(candidate)", namespaces: namespaces)) {
            return candidate
        }
        return nil
    }

    @Test(arguments: [
        "string-length(/a:application)", "count(//text())", "count(//a:item)", "count(//*)",
        "string-length(/a:application/a:evidence)", "string-length(/a:application/a:controls)",
        "string-length(/a:application/a:child/a:givenNames)", "count(/a:application/a:empty/node())",
        "count(/a:application/a:blank/node())", "number(/a:application/a:evidence/a:item[2]/a:hours) * 2",
        "count(/a:application/a:child[a:lookedAfter = 'false'])"
    ])
    func builtDocumentAnswersAsTheParsedText(_ expression: String) throws {
        var root = Self.element("application", Self.node)
        root.namespace = Self.namespace
        let parsed = try XPathDocument(Array(XMLWriter.write(root).utf8), file: "t.xml", namespaces: Self.namespaces)
        let built = XPathDocument(building: Self.node, name: "application", namespace: Self.namespace, namespaces: Self.namespaces)
        let expected = try Self.integer(expression, in: parsed)
        #expect(expected != nil)
        #expect(try Self.integer(expression, in: built) == expected)
    }
}
