import EHCPSource
import EHCPYAML
import Testing

/// The compact form the build carries published files in: read back, it is the tree that was written.
@Suite struct CompactSourceNodeTests {
    @Test func everyKindStylePlaceAndTagComesBackExactly() throws {
        let yaml = """
            plain: value
            quoted: 'it''s'
            double: "tab\\there \\u00e9 😀"
            empty:
            tagged: !custom 12
            literal: |
              two
              lines
            folded: >
              one
              line
            list: [a, "b", {c: d}]
            nested:
              - 1
              - - deeper
            """
        let root = try YAMLReader.document(Array(yaml.utf8), file: "x.yaml")
        let compact = CompactSourceNode.encode(root)
        #expect(CompactSourceNode.decode(compact, file: "x.yaml") == root)
        #expect(CompactSourceNode.decode(compact, file: "y.yaml")?.location.file == "y.yaml")
        let xmlText = SourceNode(.scalar(Scalar("a:b 3:", style: .text)), location: SourceLocation(file: "f", line: 4))
        #expect(CompactSourceNode.decode(CompactSourceNode.encode(xmlText), file: "f") == xmlText)
    }

    @Test func anythingElseIsRefused() {
        for text in ["", "X", "Sp1 1 -", "Sp1 1 -5:ab", "M1 1 -2 ", "Sp1 1 -1:ab", "Sq1 1 -0:"] {
            #expect(CompactSourceNode.decode(text, file: "f") == nil, "\(text)")
        }
        #expect(CompactSourceNode.decode("Sp1 1 -0:", file: "f") != nil)
    }
}
