import EHCPSource
import Testing

@testable import EHCPKit

/// A format written in Swift takes part in detection and conversion like a published one.
@Suite struct CompiledFormatTests {
    /// A stand-in for an authority system's export: `key=value` lines, marked by its first line.
    struct KeyValueFormat: FormatPlugin {
        var id: String { "test-key-value" }
        var syntax: FormatDefinition.Syntax? { .yaml }

        func recognises(_ document: SourceDocument) -> Bool {
            document.root.scalar?.value.hasPrefix("KV1") == true
        }

        func read(_ bytes: [UInt8], file: String) -> ReadResult {
            var root = Record()
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst() {
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                root[parts[0]] = parts[0] == "dateOfRequest" ? CalendarDate(iso: parts[1]).map { Value(.date($0)) } : Value(.text(parts[1]))
            }
            return ReadResult(application: Application(root: root, file: file), findings: [], unknownFields: [])
        }

        func write(_ application: Application) -> (text: String, loss: LossReport) {
            let keys = ["schemaVersion", "authority", "dateOfRequest"]
            let text = (["KV1"] + keys.compactMap { key in application.root[key].map { "\(key)=\($0.comparableText)" } }).joined(separator: "\n")
            return (text + "\n", LossReport())
        }
    }

    @Test func aCompiledFormatIsDetectedAndConverts() throws {
        let registry = FormatRegistry(formats: FormatRegistry.canonical + [KeyValueFormat()])
        let input = Array("KV1\nschemaVersion=1\nauthority=926\ndateOfRequest=2026-10-05\n".utf8)
        let source = try registry.detect(path: "export.txt", bytes: input)
        #expect(source.id == "test-key-value")
        let output = try Converter.convert(input, file: "export.txt", from: source, to: CanonicalJSONFormat())
        #expect(output.text.contains("\"dateOfRequest\": \"2026-10-05\""))
        #expect(output.text.contains("\"schemaVersion\": \"1.1\""), "a version 1 document is written as the version ehcp writes")
        let back = try Converter.convert(Array(output.text.utf8), file: "a.json", from: CanonicalJSONFormat(), to: KeyValueFormat())
        #expect(back.text == String(decoding: input, as: UTF8.self).replacingOccurrences(of: "schemaVersion=1\n", with: "schemaVersion=1.1\n"))
    }

    @Test func theRequestLetterIsWrittenWithoutLosingTrackOfWhatItLeavesOut() throws {
        let yaml = """
            schemaVersion: "1"
            authority: "926"
            dateOfRequest: 2026-10-05
            requester: { role: parent, name: Grace Okafor }
            child: { givenNames: Amelia, familyName: Okafor, dateOfBirth: 2016-03-14, upn: A123456789012 }
            evidence:
              - { id: ep, type: educational-psychologist-report, title: EP report, date: 2026-01-10, file: evidence/ep.pdf, sha256: "\(String(repeating: "a", count: 64))" }
            """
        let output = try Converter.convert(Array(yaml.utf8), file: "a.yaml", from: CanonicalYAMLFormat(), to: RequestLetterFormat())
        #expect(output.text.contains("ask Norfolk to carry out an Education, Health and Care needs assessment for Amelia Okafor, born 14 March 2016"))
        #expect(output.text.contains("by 16 November 2026"))
        #expect(output.text.contains("1. EP report, educational-psychologist-report, 10 January 2026, evidence/ep.pdf"))
        #expect(Set(output.loss.entries.map(\.path)) == ["child.upn", "evidence[].id", "evidence[].sha256"])
        #expect(throws: DiagnosticList.self) { try RequestLetterFormat().read(Array(output.text.utf8), file: "letter.txt") }
    }
}
