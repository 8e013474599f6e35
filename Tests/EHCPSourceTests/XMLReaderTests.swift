import EHCPSource
import Foundation
import Testing

@testable import EHCPXML

@Suite struct XMLReaderTests {
    private func read(_ text: String) throws(DiagnosticList) -> XMLTree {
        try XMLReader.read(Array(text.utf8), file: "doc.xml")
    }

    @Test func elementsKeepTheirLines() throws {
        let tree = try read("<a xmlns=\"urn:x\">\n  <b k=\"v\">text</b>\n</a>\n")
        #expect(tree.root.namespace == "urn:x")
        #expect(tree.root.children[0].location == SourceLocation(file: "doc.xml", line: 2))
        #expect(tree.root.children[0].attribute("k") == "v")
        #expect(tree.root.children[0].text == "text")
    }

    @Test func theRootIsReadFromTheStartAlone() {
        let root = XMLReader.rootElement(Array("<?xml version=\"1.0\"?>\n<!-- a note -->\n<p:a xmlns:p=\"urn:x\"><b>unclosed\n".utf8), file: "doc.xml")
        #expect(root?.name == "a")
        #expect(root?.namespace == "urn:x")
        #expect(XMLReader.rootElement(Array("<a><b/></a>".utf8), file: "doc.xml")?.namespace == nil)
        #expect(XMLReader.rootElement(Array("<?xml version=\"1.0\"?>\n<!DOCTYPE a>\n<a/>".utf8), file: "doc.xml") == nil)
        #expect(XMLReader.rootElement(Array("not xml".utf8), file: "doc.xml") == nil)
    }

    @Test func malformedXMLNamesTheLine() {
        #expect { _ = try read("<a>\n<b></a>\n") } throws: { error in
            guard let error = error as? DiagnosticList else { return false }
            return error.diagnostics.first?.location?.line == 2
        }
    }

    @Test func externalEntityIsNotExpanded() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("ehcp-xxe-secret.txt")
        try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"\(secret.path)\">]>\n<a>&x;</a>\n"
        #expect { _ = try read(text) } throws: { error in
            "\(error)".contains("DOCTYPE") && !"\(error)".contains("TOP-SECRET")
        }
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY l0 \"ha\">"
        for level in 1...9 {
            text += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        text += "]>\n<a>&l9;</a>\n"
        let start = ContinuousClock.now
        #expect(throws: DiagnosticList.self) { _ = try read(text) }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func xsdValidationListsEveryErrorWithItsLine() throws {
        let schema = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x" xmlns="urn:x" elementFormDefault="qualified">
              <xs:element name="a"><xs:complexType><xs:sequence>
                <xs:element name="d" type="xs:date" maxOccurs="unbounded"/>
              </xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """
        let validator = try XSDValidator(schema: Array(schema.utf8), file: "s.xsd")
        #expect(try validator.validate(Array("<a xmlns=\"urn:x\"><d>2026-01-01</d></a>".utf8), file: "ok.xml").isEmpty)
        let errors = try validator.validate(Array("<a xmlns=\"urn:x\">\n<d>05/10/2026</d>\n<d>x</d>\n</a>".utf8), file: "bad.xml")
        #expect(errors.map { $0.location?.line } == [2, 3])
    }

    @Test func xpathEvaluatesWithPrefixes() throws {
        let document = try XPathDocument(Array("<a xmlns=\"urn:x\"><n>3</n><n>4</n></a>".utf8), file: "d.xml", namespaces: [("p", "urn:x")])
        let namespaces = [(prefix: "p", uri: "urn:x")]
        #expect(try document.boolean(XPathExpression("count(/p:a/p:n) = 2", namespaces: namespaces)))
        #expect(try !document.boolean(XPathExpression("sum(/p:a/p:n) > 10", namespaces: namespaces)))
        #expect(throws: DiagnosticList.self) { _ = try XPathExpression("count(/p:a", namespaces: namespaces) }
        #expect(throws: DiagnosticList.self) { _ = try XPathExpression("count(") }
        #expect(throws: DiagnosticList.self) { _ = try XPathExpression("/q:a", namespaces: namespaces) }
    }

    @Test func writerEscapesText() throws {
        let element = XMLTree.Element(name: "a", namespace: "urn:x", children: [XMLTree.Element(name: "b", text: "R&D <1> \"q\"")])
        let tree = try read(XMLWriter.write(element))
        #expect(tree.root.children[0].text == "R&D <1> \"q\"")
    }
}
