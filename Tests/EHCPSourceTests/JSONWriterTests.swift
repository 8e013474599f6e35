import Testing

@testable import EHCPSource

/// The JSON every report and conversion writes: its layout and its string escapes.
@Suite struct JSONWriterTests {
    /// Every scalar below U+0020 is escaped, the usual ones by their short form, the rest as
    /// `\u00xx`; quotes and backslashes are escaped; everything else, however many bytes, is kept.
    @Test func stringsEscapeControlsQuotesAndBackslashesOnly() {
        var text = ""
        var expected = "\""
        for value in UInt8(0)..<0x20 {
            text.unicodeScalars.append(Unicode.Scalar(value))
            let short: [UInt8: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
            expected += short[value] ?? "\\u00" + (value < 0x10 ? "0" : "") + String(value, radix: 16)
        }
        text += "\"\\ é€😀\u{7F}"
        expected += "\\\"\\\\ é€😀\u{7F}\""
        #expect(JSONWriter.quote(text) == expected)
        #expect(JSONWriter.quote("plain") == "\"plain\"")
    }

    @Test func nestedValuesAreIndentedTwoSpacesAKeyAtATime() {
        let node = OutputNode.mapping([
            (key: "a", value: .sequence([.number("1"), .boolean(true), .mapping([(key: "b", value: .date("2026-01-02"))])])),
            (key: "empty", value: .mapping([])), (key: "none", value: .sequence([])), (key: "s", value: .string("x\ny"))
        ])
        #expect(
            JSONWriter.write(node) == """
                {
                  "a": [
                    1,
                    true,
                    {
                      "b": "2026-01-02"
                    }
                  ],
                  "empty": {},
                  "none": [],
                  "s": "x\\ny"
                }

                """)
        #expect(JSONWriter.write(.sequence([.string("z")]), indent: 4) == "[\n      \"z\"\n    ]")
    }
}
