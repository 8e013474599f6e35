import EHCPSource
import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// Whatever reads an input, its failure reaches the caller as the one error type, `DiagnosticList`,
/// with its message and place as the reader made them. The `catch` blocks below use
/// `error.diagnostics` without a cast: they compile only while the calls are typed to throw it.
@Suite struct OneErrorTypeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var syntax: FormatDefinition.Syntax
        var text: String
        /// The first diagnostic, as the command line prints it (its start, for libyaml's long help).
        var expected: String
        var testDescription: String { syntax.rawValue }
    }

    static let cases: [Case] = [
        Case(
            syntax: .yaml, text: "schemaVersion: \"1.1\"\nchild:\n  - @b\n",
            expected: "doc:3:5: error: Text starting with '@' must be in quotes."),
        Case(
            syntax: .json, text: "{\"schemaVersion\": \"1.1\",\n}\n",
            expected: "doc:1:24: error: a comma after the last item of a list or object is not allowed in JSON: remove it"),
        Case(
            syntax: .xml, text: "<application>\n<child></application>\n",
            expected: "doc:2:22: error: an end tag that does not match the element it closes"),
        Case(
            syntax: .csv, text: "schemaVersion,reference\n1.1,\"open\n",
            expected: "doc:2:5: error: a quoted field is not closed before the end of the file")
    ]

    @Test(arguments: cases) func eachSyntaxsReaderFailsWithTheOneType(_ example: Case) {
        do {
            _ = try SourceDocument.parse(Array(example.text.utf8), file: "doc", syntax: example.syntax)
            Issue.record("\(example.syntax) was read")
        } catch {
            #expect(error.diagnostics.allSatisfy { $0.location?.file == "doc" })
            #expect(error.description.hasPrefix(example.expected), "\(error)")
        }
    }

    @Test(arguments: cases.filter { $0.syntax != .csv }) func eachCanonicalFormatFailsWithTheOneType(_ example: Case) throws {
        let format = try #require(FormatRegistry.canonical.first { $0.syntax == example.syntax })
        do {
            _ = try format.read(Array(example.text.utf8), file: "doc")
            Issue.record("\(format.id) read it")
        } catch {
            #expect(error.description.hasPrefix(example.expected), "\(error)")
        }
    }

    @Test func aMissingBundleAndAnUnreadableOneFailWithTheOneType() throws {
        let folder = NSTemporaryDirectoryPath.make()
        for (path, expected) in [
            (folder + "/absent", "\(folder)/absent: no such file"),
            (folder + "/absent.zip", "\(folder)/absent.zip: no such file")
        ] {
            do {
                _ = try Validator(rulesets: .builtIn, options: ValidationOptions()).validate(bundle: path)
                Issue.record("\(path) was read")
            } catch {
                #expect(error.diagnostics.first?.message.hasPrefix(expected) == true, "\(error)")
            }
        }
    }

    @Test func anErrorOfAnotherTypeBecomesOneDiagnosticSayingWhatItIs() {
        struct Unexpected: Error, CustomStringConvertible { var description: String { "the disk went away" } }
        let list = DiagnosticList(describing: Unexpected())
        #expect(list.description == "error: the disk went away")
        let original = DiagnosticList.error("kept as it is", at: SourceLocation(file: "a.yaml", line: 2))
        #expect(DiagnosticList(describing: original) == original)
        #expect(throws: original) { try DiagnosticList.catching { throw original } }
    }
}
