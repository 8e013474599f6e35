import EHCPSource
import Testing

@testable import EHCPYAML

@Suite struct YAMLReaderTests {
    private func read(_ text: String, limits: InputLimits = .default) throws(YAMLError) -> SourceNode {
        try YAMLReader.document(Array(text.utf8), file: "doc.yaml", limits: limits)
    }

    @Test func everyNodeHasLineAndColumn() throws {
        let node = try read("a: 1\nb:\n  - x\n  - \"0123\"\n")
        #expect(node["a"]?.location == SourceLocation(file: "doc.yaml", line: 1, column: 4))
        let items = try #require(node["b"]?.items)
        #expect(items[1].location == SourceLocation(file: "doc.yaml", line: 4, column: 5))
        #expect(items[1].scalar == Scalar("0123", style: .doubleQuoted))
    }

    @Test func scalarsAreNeverCoerced() throws {
        let node = try read("urn: 012345\nflag: no\n")
        #expect(node["urn"]?.scalar?.value == "012345")
        #expect(node["flag"]?.scalar == Scalar("no", style: .plain))
    }

    @Test func malformedInputNamesLineAndColumn() {
        #expect {
            _ = try read("a: 1\nb: 3\n  c: 4\n")
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.kind == .scanner && error.description.hasPrefix("doc.yaml:3:4: error: This line is indented more than the one above")
        }
    }

    /// An unclosed bracket is reported where libyaml noticed it, and the message says where it opened.
    @Test func anUnclosedBracketNamesWhereItOpened() {
        #expect {
            _ = try read("a: [1, 2\nb: 3\n")
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.kind == .parser
                && error.description.hasPrefix("doc.yaml:2:2: error: The '[' is not closed with ']': it was opened at line 1, column 4")
        }
    }

    /// The library hands a YAML error on as its one error type: same message, same place, and
    /// printed the same; the kind stays with the reader's own error.
    @Test func aYAMLErrorBecomesADiagnosticListUnchanged() throws {
        let error = try #require(throws: YAMLError.self) { _ = try read("a: 1\nb: 3\n  c: 4\n") }
        let list = DiagnosticList(error)
        #expect(list.diagnostics == [Diagnostic(.error, error.message, at: error.location)])
        #expect(list.description == error.description)
        #expect(error.kind == .scanner)
    }

    @Test func duplicateKeysAreRefused() {
        #expect(throws: YAMLError.self) { _ = try read("a: 1\na: 2\n") }
    }

    @Test func unknownAliasIsRefused() {
        #expect(throws: YAMLError.self) { _ = try read("a: *nothing\n") }
    }

    @Test func aliasBombIsRefusedQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let start = ContinuousClock.now
        #expect { _ = try read(text) } throws: { ($0 as? YAMLError)?.kind == .limit }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect { _ = try read(text) } throws: { ($0 as? YAMLError)?.kind == .limit }
    }

    @Test func invalidUTF8IsAReaderError() {
        #expect { _ = try YAMLReader.document([0x61, 0x3A, 0x20, 0xFF, 0xFE], file: "bad.yaml") } throws: {
            ($0 as? YAMLError)?.kind == .reader
        }
    }

    @Test func secondDocumentIsRefusedWhereOneIsExpected() {
        #expect(throws: YAMLError.self) { _ = try read("a: 1\n---\nb: 2\n") }
    }

    @Test func emitterQuotesStringsThatWouldChangeType() throws {
        let text = try YAMLEmitter.emit(
            .mapping([
                ("code", .string("0123")), ("answer", .string("no")), ("count", .number("3")), ("name", .string("Zoë Ōkafor")),
                ("notes", .string("line one\nline two"))
            ]))
        let node = try read(text)
        #expect(node["code"]?.scalar == Scalar("0123", style: .doubleQuoted))
        #expect(node["answer"]?.scalar?.style == .doubleQuoted)
        #expect(node["count"]?.scalar == Scalar("3", style: .plain))
        #expect(node["name"]?.scalar?.value == "Zoë Ōkafor")
        #expect(node["notes"]?.scalar == Scalar("line one\nline two", style: .literal))
    }
}

@Suite struct JSONReaderTests {
    private func read(_ text: String) throws(YAMLError) -> SourceNode {
        try JSONReader.document(Array(text.utf8), file: "doc.json")
    }

    @Test func compactJSONIsRead() throws {
        let node = try read(#"{"a":1,"b":["x",true,null],"c":{"d":"0123"}}"#)
        #expect(node["a"]?.scalar == Scalar("1", style: .plain))
        #expect(node["c"]?["d"]?.scalar == Scalar("0123", style: .doubleQuoted))
        #expect(node["b"]?.items?.count == 3)
    }

    @Test(arguments: [
        "{\"a\": 1} # comment", "{a: 1}", "{\"a\": 'x'}", "{\"a\": yes}", "a: 1", "{\"a\": &x 1}", "{\"a\": 01}"
    ])
    func nonJSONIsRefused(_ text: String) {
        #expect { _ = try read(text) } throws: { ($0 as? YAMLError) != nil }
    }

    @Test func hashInsideAStringIsNotAComment() throws {
        #expect(try read(##"{"a": "#1"}"##)["a"]?.scalar?.value == "#1")
    }
}
