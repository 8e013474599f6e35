import EHCPSource
import Testing

@testable import EHCPKit

/// `format.yaml` mistakes are caught with their line, never turned into a mapping that silently loses data.
@Suite struct FormatLoaderTests {
    private func problems(_ text: String) -> [Diagnostic] {
        FormatLoader.lint(Array(text.utf8), file: "format.yaml")
    }

    private let header = """
        format: test-xml
        authority: "926"
        syntax: xml
        xml: { root: Request, namespace: "urn:test" }
        fields:

        """

    @Test func seededMistakesAreReportedAtTheirLines() {
        let text =
            header + """
                  child.givenName: Child/Forenames
                  child.dateOfBirth: { path: Child/DOB, date: dd/MM/yy }
                  child.sex: { path: Child/Gender, values: { Male: M, Boy: M, Female: Female } }
                  child.familyName: Child/Surname
                  child.preferredName: Child/Surname
                  needs.type: Need/Code
                  evidence:
                    each: Appendix
                    fields:
                      kind: "@kind"
                  reference: "Ref//Bad"
                  setting: Setting
                """
        let found = problems(text)
        func line(_ fragment: String) -> Int? { found.first { $0.message.contains(fragment) }?.location?.line }
        #expect(line("'child.givenName' is not a path of the canonical schema (did you mean 'child.givenNames'?)") == 6)
        #expect(line("date pattern 'dd/MM/yy'") == 7)
        #expect(line("'Female' is not a valid child.sex value") == 8)
        #expect(line("'values' maps 'Male' and 'Boy' to 'M'") == 8)
        #expect(line("'Child/Surname' is already written by child.familyName") == 10)
        #expect(line("is inside a list") == 11)
        #expect(line("'kind' is not a value field of a evidence item") == 15)
        #expect(line("'Ref//Bad' is not a path ehcp can read and write") == 16)
        #expect(line("'setting' is an object") == 17)
        #expect(found.count == 9, "\(found.map(\.description))")
    }

    @Test func formatsOfEachSyntaxNeedAWayToBeRecognised() {
        let json = problems("format: test-json\nsyntax: json\nfields:\n  reference: ref\n")
        #expect(json.contains { $0.message.contains("needs 'marker") })
        let xml = problems("format: test-xml\nsyntax: xml\nfields:\n  reference: Ref\n")
        #expect(xml.contains { $0.message.contains("needs 'xml: { root") })
    }

    @Test func csvListsNeedNumberedColumns() {
        let text = """
            format: test-csv
            syntax: csv
            marker: { path: Form, value: T }
            fields:
              reference: Ref {n}
              needs:
                fields:
                  type: Need Type
            """
        let found = problems(text)
        #expect(found.contains { $0.message.contains("{n} belongs only in the columns of a csv list") && $0.location?.line == 5 })
        #expect(found.contains { $0.message.contains("needs 'max'") && $0.location?.line == 6 })
        #expect(found.contains { $0.message.contains("must hold {n}") && $0.location?.line == 8 })
    }

    @Test func reverseChoosesTheValueWritten() throws {
        let definition = try FormatLoader.load(
            Array((header + "  child.sex: { path: G, values: { Male: M, Boy: M, Female: F }, reverse: { M: Male } }\n").utf8), file: "f.yaml")
        #expect(definition.values[0].writeMap == ["M": "Male", "F": "Female"])
        #expect(definition.values[0].readMap["Boy"] == "M")
    }

    @Test func datePatterns() throws {
        let pattern = try DatePattern.parse("dd/MM/yyyy").get()
        let date = try #require(CalendarDate(iso: "2016-03-04"))
        #expect(pattern.format(date) == "04/03/2016")
        #expect(pattern.read("04/03/2016") == date)
        #expect(pattern.read("31/02/2016") == nil)
        #expect(pattern.read("4/3/2016") == nil)
        let loose = try DatePattern.parse("d.M.yyyy").get()
        #expect(loose.read("4.3.2016") == date && loose.format(date) == "4.3.2016")
        #expect(try DatePattern.parse("yyyyMMdd").get().read("20160304") == date)
        #expect((try? DatePattern.parse("dMyyyy").get()) == nil)
        #expect((try? DatePattern.parse("MM/yyyy").get()) == nil)
    }

    @Test func csvTablesKeepQuotedCommasQuotesAndLineBreaks() throws {
        let text = CSVTable.write(header: ["a", "b, c", "d"], rows: [["1", "say \"hi\"", "two\nlines"]])
        let table = try CSVTable.read(Array(text.utf8), file: "t.csv")
        #expect(table.header.map(\.text) == ["a", "b, c", "d"])
        #expect(table.rows[0].map(\.text) == ["1", "say \"hi\"", "two\nlines"])
        #expect(table.rows[0][2].location.line == 2 && table.rows[0][2].location.column == 16)
    }

    @Test func malformedCSVIsRefusedWithItsPlace() {
        func problem(_ text: String) -> Diagnostic? { problem(bytes: Array(text.utf8)) }
        func problem(bytes: [UInt8]) -> Diagnostic? {
            do {
                _ = try CSVTable.read(bytes, file: "t.csv")
                return nil
            } catch { return error.diagnostics.first }
        }
        #expect(problem("a,b\n1,\"open\n")?.location?.line == 2)
        #expect(problem("a,b\n1,2,3\n")?.message.contains("3 cells") == true)
        #expect(problem("a,b\n1,x\"y\n")?.location?.column == 4)
        #expect(problem("a,b\n1,\"x\"y\n")?.message.contains("after the closing quote") == true)
        #expect(problem(bytes: [0x61, 0x0A, 0xFF, 0x0A])?.message.contains("not valid UTF-8") == true)
        let limits = InputLimits(maxDocumentBytes: 1 << 20)
        #expect(throws: DiagnosticList.self) { try CSVTable.read([UInt8](repeating: 0x61, count: (1 << 20) + 1), file: "big.csv", limits: limits) }
    }
}
