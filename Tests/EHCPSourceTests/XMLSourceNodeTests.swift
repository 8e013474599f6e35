import EHCPSource
import Testing

@testable import EHCPXML

@Suite struct XMLSourceNodeTests {
    private let document = """
        <a xmlns="urn:x" k="v">
          <list>
            <item>one</item>
            <item><![CDATA[two]]> &amp; more</item>
          </list>
          <b>text</b>
          <b/>
          tail
        </a>
        """

    private func text(_ value: String, line: Int) -> SourceNode {
        SourceNode(.scalar(Scalar(value, style: .text)), location: SourceLocation(file: "doc.xml", line: line))
    }

    private func entry(_ key: String, _ value: SourceNode) -> SourceNode.Entry {
        SourceNode.Entry(key: key, keyLocation: value.location, value: value)
    }

    @Test func elementsAndItemsGiveListsAndMappingsWithTheirLines() throws {
        let read = try XMLReader.sourceNode(Array(document.utf8), file: "doc.xml", shape: .elementsAndItems)
        #expect(read.name == "a")
        #expect(read.namespace == "urn:x")
        let list = SourceNode(.sequence([text("one", line: 3), text("two & more", line: 4)]), location: SourceLocation(file: "doc.xml", line: 2))
        let expected = SourceNode(
            .mapping([entry("list", list), entry("b", text("text", line: 6)), entry("b", text("", line: 7))]),
            location: SourceLocation(file: "doc.xml", line: 1))
        #expect(read.root == expected)
    }

    @Test func attributesAndTextGiveAtEntriesAndTheElementsOwnText() throws {
        let read = try XMLReader.sourceNode(Array(document.utf8), file: "doc.xml", shape: .attributesAndText)
        let root = try #require(read.root.entries)
        #expect(root.map(\.key) == ["@k", "list", "b", "b", "."])
        #expect(root[0].value.scalar?.value == "v")
        #expect(root[1].value.entries?.map(\.key) == ["item", "item"])
        #expect(root[4].value.scalar?.value.contains("tail") == true)
        #expect(root[4].keyLocation == SourceLocation(file: "doc.xml", line: 1))
    }

    @Test func limitsAndMessagesAreThoseOfTheTree() {
        let deep = String(repeating: "<a>", count: 5) + String(repeating: "</a>", count: 5)
        let wide = "<a>" + String(repeating: "<b/>", count: 5) + "</a>"
        let limits = InputLimits(maxDocumentBytes: 1 << 20, maxDepth: 3, maxNodes: 4)
        for text in [deep, wide, "<a>\n<b></a>\n", "<!DOCTYPE a>\n<a/>", "<a>&x;</a>"] {
            let bytes = Array(text.utf8)
            var treeError: DiagnosticList?
            do { _ = try XMLReader.read(bytes, file: "doc.xml", limits: limits) } catch { treeError = error }
            for shape in [XMLReader.Shape.elementsAndItems, .attributesAndText] {
                var nodeError: DiagnosticList?
                do { _ = try XMLReader.sourceNode(bytes, file: "doc.xml", shape: shape, limits: limits) } catch { nodeError = error }
                #expect(nodeError != nil)
                #expect(nodeError == treeError)
            }
        }
    }
}
