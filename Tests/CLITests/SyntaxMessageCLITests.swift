import EHCPTestSupport
import Foundation
import Testing

/// A document that cannot be read is explained in plain words with the fix, at file:line:column,
/// and never by quoting it: each case writes the personal value "Amelia" near the mistake.
@Suite struct SyntaxMessageCLITests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var content: String
        /// `line:column` and the words the message must hold.
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "colon in a value", file: "application.yaml",
            content: "schemaVersion: \"1\"\nchild:\n  givenNames: Amelia: Rose\n",
            expected: "3:21: error: Text containing ': ' (a colon and a space) must be in quotes. Put the whole value in double quotes"),
        Case(
            name: "line indented more than the one above", file: "application.yaml",
            content: "schemaVersion: \"1\"\nchild:\n  givenNames: Amelia\n    familyName: Okafor\n",
            expected: "4:15: error: This line is indented more than the one above. Line it up with the field above it"),
        Case(
            name: "line indented less than its section", file: "application.yaml",
            content: "schemaVersion: \"1\"\nchild:\n    givenNames: Amelia\n  familyName: Okafor\n",
            expected: "4:3: error: This line is not lined up with the lines above it in the same section"),
        Case(
            name: "tab for indentation", file: "application.yaml",
            content: "schemaVersion: \"1\"\nchild:\n  givenNames: Amelia\n\tfamilyName: Okafor\n",
            expected: "4:1: error: A tab is used for indentation; YAML needs spaces"),
        Case(
            name: "unclosed quote", file: "application.yaml",
            content: "schemaVersion: \"1\"\nchild:\n  givenNames: \"Amelia\n  familyName: Okafor\n",
            expected: "5:1: error: The quote opened at line 3, column 15 is never closed. Add the closing quote"),
        Case(
            name: "unclosed bracket", file: "application.yaml",
            content: "schemaVersion: \"1\"\nchild: {givenNames: Amelia\nauthority: \"926\"\n",
            expected: "3:10: error: The '{' is not closed with '}': it was opened at line 2, column 8"),
        Case(
            name: "list item on its field's line", file: "application.yaml",
            content: "schemaVersion: \"1\"\nneeds: - Amelia\n",
            expected: "2:8: error: A list item ('- ') cannot start on the same line as its field"),
        Case(
            name: "line without a colon", file: "application.yaml",
            content: "schemaVersion: \"1\"\nreference: Amelia\nOkafor\nauthority: \"926\"\n",
            expected: "4:1: error: This line has no ':' after its field name"),
        Case(
            name: "JSON bracket not closed", file: "application.json",
            content: "{\"schemaVersion\": \"1\", \"needs\": [\"Amelia\", \"SEMH\"}\n",
            expected: "1:50: error: The '[' is not closed with ']'"),
        Case(
            name: "JSON string not closed", file: "application.json",
            content: "{\"schemaVersion\": \"1\", \"reference\": \"Amelia}\n",
            expected: "2:1: error: The quote opened at line 1, column 37 is never closed"),
        Case(
            name: "JSON with text after it", file: "application.json",
            content: "{\"schemaVersion\": \"1\"} Amelia\n",
            expected: "1:24: error: There is more here after the end of the document"),
        Case(
            name: "JSON comma after the last item", file: "application.json",
            content: "{\"schemaVersion\": \"1\", \"reference\": \"Amelia\",\n}\n",
            expected: "1:45: error: a comma after the last item of a list or object is not allowed in JSON: remove it"),
        Case(
            name: "XML end tag that does not match", file: "application.xml",
            content:
                "<?xml version=\"1.0\"?>\n<application xmlns=\"urn:ehcp:application:1\">\n<child><givenNames>Amelia</familyName></child>\n</application>\n",
            expected: "3:39: error: an end tag that does not match the element it closes: check that every <field> is closed by its own </field>"),
        Case(
            name: "XML ampersand in text", file: "application.xml",
            content:
                "<?xml version=\"1.0\"?>\n<application xmlns=\"urn:ehcp:application:1\">\n<child><givenNames>Amelia & Rose</givenNames></child>\n</application>\n",
            expected: "3:28: error: a name is missing where XML needs one: in text, write & as &amp; and < as &lt;")
    ]

    @Test(arguments: cases) func aSyntaxErrorIsExplainedWithItsFix(_ example: Case) throws {
        let bundle = try EHCPProcess.temporaryFolder() + "/request"
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try example.content.write(toFile: bundle + "/" + example.file, atomically: true, encoding: .utf8)
        let result = try EHCPProcess.run(["validate", bundle])
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("\(example.file):\(example.expected)"), "\(result.stderr)")
        #expect(result.stdout.contains("could not be read"), "\(result.stdout)")
        for output in [result.stdout, result.stderr] {
            #expect(!output.contains("Amelia") && !output.contains("Okafor") && !output.contains("Rose\n"), "\(output)")
        }
    }

    /// In a zip, the same message names the document as a place inside the zip, as it is given,
    /// never the private folder it was unpacked into.
    @Test func aSyntaxErrorInAZipIsPlacedInsideTheZip() throws {
        let folder = try EHCPProcess.temporaryFolder()
        let content = Data("schemaVersion: \"1.1\"\nchild:\n  - @Amelia\n".utf8)
        try ZipBuilder([ZipBuilder.Entry("application.yaml", content)]).write(to: folder + "/bundle.zip")
        let result = try EHCPProcess.run(["validate", "bundle.zip"], workingDirectory: folder)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.hasPrefix("bundle.zip/application.yaml:3:5: error: Text starting with '@' must be in quotes."), "\(result.stderr)")
        #expect(!result.stderr.contains("ehcp-zip-") && !result.stderr.contains("Amelia"), "\(result.stderr)")
    }
}
