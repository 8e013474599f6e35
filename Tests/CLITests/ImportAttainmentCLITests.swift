import EHCPTestSupport
import Foundation
import Testing

/// `ehcp import-attainment`: a tracking system's CSV into the application, every bad cell at its
/// position without its value, the user's document kept byte for byte but for the added rows.
@Suite struct ImportAttainmentCLITests {
    /// A bundle made by `ehcp init` (its `attainment: []` carries a comment), and its document's text.
    private func initBundle() throws -> (folder: String, document: String, text: String) {
        let folder = try EHCPProcess.temporaryFolder()
        let result = try EHCPProcess.run(["init", folder + "/request", "--authority", "norfolk"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = folder + "/request/application.yaml"
        return (folder, document, try String(contentsOfFile: document, encoding: .utf8))
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A folder holding `document` as its `application.yaml`, and `more.csv` with one new row.
    private func bundle(holding document: String) throws -> String {
        let folder = try EHCPProcess.temporaryFolder()
        try write(document, to: folder + "/application.yaml")
        try write("area,measure,date,value\nreading,words,2026-01-01,40\n", to: folder + "/more.csv")
        return folder
    }

    private static let export =
        "\u{FEFF}Area,Measure,Date,Value,Expected\r\n"
        + "reading,reading age (months),15/09/2025,62,114\r\n\r\n"
        + "\"reading\",\"reading age (months)\",2026-03-16,\"68\",120\r\n"
        + "maths,\"steps, \"\"small\"\"\",2026-03-16,3.5,\r\n,,,,\r\n"

    @Test func rowsGoIntoTheListAndEveryOtherLineIsKept() throws {
        let (folder, document, before) = try initBundle()
        try write(Self.export, to: folder + "/export.csv")
        let result = try EHCPProcess.run(["import-attainment", folder + "/export.csv", "--into", folder + "/request"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Added 3 attainment rows to"))
        let after = try String(contentsOfFile: document, encoding: .utf8)
        let added = [
            "  - { area: \"reading\", measure: \"reading age (months)\", date: 2025-09-15, value: 62, expected: 114 }",
            "  - { area: \"reading\", measure: \"reading age (months)\", date: 2026-03-16, value: 68, expected: 120 }",
            "  - { area: \"maths\", measure: \"steps, \\\"small\\\"\", date: 2026-03-16, value: 3.5 }"
        ]
        let listLine = try #require(before.split(separator: "\n").first { $0.hasPrefix("attainment: []") })
        let expected = before.replacingOccurrences(
            of: listLine,
            with: listLine.replacingOccurrences(of: "attainment: []", with: "attainment:   ")
                + "\n" + added.joined(separator: "\n"))
        #expect(after == expected, "only the [] and the added rows differ")
        let json = try EHCPProcess.run(["validate", folder + "/request", "--format", "json", "--show-personal-data"]).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let areas = try #require((report["progress"] as? [String: Any])?["areas"] as? [[String: Any]])
        #expect(areas.map { ($0["points"] as? [Any])?.count } == [2, 1])
    }

    @Test func runningTwiceAddsNothingTheSecondTime() throws {
        let (folder, document, _) = try initBundle()
        try write(Self.export, to: folder + "/export.csv")
        let arguments = ["import-attainment", folder + "/export.csv", "--into", folder + "/request"]
        #expect(try EHCPProcess.run(arguments).status == 0)
        let once = try String(contentsOfFile: document, encoding: .utf8)
        let again = try EHCPProcess.run(arguments)
        #expect(again.status == 0)
        #expect(again.stdout.contains("Nothing to add"))
        #expect(again.stderr.contains("export.csv:2:1: note: row 2: attainment[0] already has this area, measure and date; not added again"))
        #expect(try String(contentsOfFile: document, encoding: .utf8) == once)
    }

    @Test func everyBadCellIsListedByPositionWithoutItsValueAndNothingChanges() throws {
        let (folder, document, before) = try initBundle()
        try write(
            """
            area,measure,date,value,expected
            reading,words read,31/02/2025,=1+1,abc
            "spell\u{1}ing",words,2025-13-01,1e3,
            ,words,2025-01-01,7,8
            maths,"steps\u{1B}[31m",2025-01-01,5,
            maths,steps,2025-01-01,6,
            maths,steps,01/01/2025,7,

            """, to: folder + "/bad.csv")
        let result = try EHCPProcess.run(["import-attainment", folder + "/bad.csv", "--into", folder + "/request"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map { $0.replacingOccurrences(of: folder + "/", with: "") }
        #expect(
            lines == [
                "bad.csv:2:20: error: row 2, column date: not a date (write YYYY-MM-DD or DD/MM/YYYY)",
                "bad.csv:2:31: error: row 2, column value: not a number (write it with digits and at most one decimal point, as 62 or 3.5)",
                "bad.csv:2:36: error: row 2, column expected: not a number (write it with digits and at most one decimal point, as 62 or 3.5)",
                "bad.csv:3:1: error: row 3, column area: holds a control character or line break; write it on one line of plain text",
                "bad.csv:3:19: error: row 3, column date: not a date (write YYYY-MM-DD or DD/MM/YYYY)",
                "bad.csv:3:30: error: row 3, column value: not a number (write it with digits and at most one decimal point, as 62 or 3.5)",
                "bad.csv:4:1: error: row 4, column area: empty; every row needs its area",
                "bad.csv:5:7: error: row 5, column measure: holds a control character or line break; write it on one line of plain text",
                "bad.csv:7:1: error: row 7: the same area, measure and date as row 6; keep one of them"
            ])
        for value in ["31/02/2025", "=1+1", "abc", "1e3", "2025-13-01", "spell", "words"] {
            #expect(!lines.joined(separator: "\n").contains(value), "a cell's value in a message")
        }
        #expect(try String(contentsOfFile: document, encoding: .utf8) == before)
    }

    @Test func aSheetWithoutRowsIsAnError() throws {
        let (folder, document, before) = try initBundle()
        try write("area,measure,date,value,expected\r\n,,,,\r\n", to: folder + "/empty.csv")
        let result = try EHCPProcess.run(["import-attainment", folder + "/empty.csv", "--into", folder + "/request"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("empty.csv:1:1: error: ") && result.stderr.contains("holds no rows below its header"))
        #expect(try String(contentsOfFile: document, encoding: .utf8) == before)
    }

    @Test func formulasMarkupAndQuotesAreKeptAsPlainText() throws {
        let (folder, document, _) = try initBundle()
        let hostile = ["=HYPERLINK(\"http://example.org\")", "<script>alert(1)</script>", "back\\slash: # not a comment", "é — ü"]
        let csv =
            "area,measure,date,value\n"
            + hostile.enumerated().map { index, text in
                "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\",score,2026-0\(index + 1)-01,\(index)"
            }.joined(separator: "\n") + "\n"
        try write(csv, to: folder + "/hostile.csv")
        let result = try EHCPProcess.run(["import-attainment", folder + "/hostile.csv", "--into", folder + "/request"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: document, encoding: .utf8)
        #expect(text.contains("area: \"=HYPERLINK(\\\"http://example.org\\\")\""), "quoted, its quotes escaped")
        #expect(text.contains("area: \"é \\u2014 ü\""), "letters are kept, other characters beyond ASCII escaped")
        let json = try EHCPProcess.run(["validate", folder + "/request", "--format", "json", "--show-personal-data"]).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let areas = try #require((report["progress"] as? [String: Any])?["areas"] as? [[String: Any]])
        #expect(Set(areas.compactMap { $0["area"] as? String }) == Set(hostile), "read back exactly as written")
    }

    @Test func dryRunPrintsTheRowsAndChangesNothing() throws {
        let (folder, document, before) = try initBundle()
        try write(Self.export, to: folder + "/export.csv")
        let result = try EHCPProcess.run(["import-attainment", folder + "/export.csv", "--into", folder + "/request", "--dry-run"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Would add 3 attainment rows to"))
        #expect(result.stdout.contains("  - { area: \"maths\", measure: \"steps, \\\"small\\\"\", date: 2026-03-16, value: 3.5 }"))
        #expect(try String(contentsOfFile: document, encoding: .utf8) == before)
    }

    @Test func aBlockListKeepsItsCommentsLineEndsAndIndentation() throws {
        let before =
            "schemaVersion: \"1\"\r\nauthority: \"926\"\r\ndateOfRequest: 2026-10-05\r\nattainment:  # from the tracker\r\n"
            + "- area: reading   # first\r\n  measure: words\r\n  date: 2025-01-01\r\n  value: 1\r\n\r\n# evidence next\r\nevidence: []\r\n"
        let folder = try bundle(holding: before)
        let result = try EHCPProcess.run(["import-attainment", folder + "/more.csv", "--into", folder])
        #expect(result.status == 0, "\(result.stderr)")
        let after = try String(contentsOfFile: folder + "/application.yaml", encoding: .utf8)
        #expect(
            after
                == before.replacingOccurrences(
                    of: "  value: 1\r\n", with: "  value: 1\r\n- { area: \"reading\", measure: \"words\", date: 2026-01-01, value: 40 }\r\n"))
    }

    @Test func aDocumentWithoutTheListGainsOneAtTheEnd() throws {
        let before = "# my request\nschemaVersion: \"1\"\nauthority: \"926\"\ndateOfRequest: 2026-10-05"
        let folder = try bundle(holding: before)
        #expect(try EHCPProcess.run(["import-attainment", folder + "/more.csv", "--into", folder]).status == 0)
        let after = try String(contentsOfFile: folder + "/application.yaml", encoding: .utf8)
        #expect(after == before + "\nattainment:\n  - { area: \"reading\", measure: \"words\", date: 2026-01-01, value: 40 }\n")
    }

    /// A list written inline, and a document whose edit would not read back as it plus the rows.
    @Test(arguments: [
        (
            "schemaVersion: \"1\"\nauthority: \"926\"\ndateOfRequest: 2026-10-05\nattainment: [ { area: a, measure: m, date: 2025-01-01, value: 1 } ]\n",
            "application.yaml:4:1: error: attainment is not written as a list of items one a line"
        ),
        (
            "{ schemaVersion: \"1\", authority: \"926\", dateOfRequest: 2026-10-05 }\n",
            "the rows could not be added without changing something else in the document"
        )
    ])
    func aLayoutThatIsNotEditedIsRefusedUnchanged(before: String, message: String) throws {
        let folder = try bundle(holding: before)
        let result = try EHCPProcess.run(["import-attainment", folder + "/more.csv", "--into", folder])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
        #expect(try String(contentsOfFile: folder + "/application.yaml", encoding: .utf8) == before)
    }

    @Test func yamlWrittenElsewhereIsTheEditedTextOrTheFormatTheOutputNames() throws {
        let (folder, document, before) = try initBundle()
        try write(Self.export, to: folder + "/export.csv")
        for name in ["copy.yaml", "copy.xml"] {
            let result = try EHCPProcess.run(["import-attainment", folder + "/export.csv", "--into", folder + "/request", "--output", folder + "/" + name])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try String(contentsOfFile: document, encoding: .utf8) == before)
        #expect(try String(contentsOfFile: folder + "/copy.yaml", encoding: .utf8).hasPrefix(before.prefix(200)), "the comments kept")
        let xml = try String(contentsOfFile: folder + "/copy.xml", encoding: .utf8)
        #expect(xml.contains("<application xmlns=\"urn:ehcp:application:1\">") && xml.contains("<measure>steps, \"small\"</measure>"))
    }

    @Test func jsonIsNotRewrittenInPlaceButCanBeWrittenElsewhere() throws {
        let folder = try EHCPProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/request", withIntermediateDirectories: true)
        let before = "{\"schemaVersion\": \"1\", \"authority\": \"926\", \"dateOfRequest\": \"2026-10-05\"}\n"
        try write(before, to: folder + "/request/application.json")
        try write("area,measure,date,value\nreading,words,2026-01-01,40\n", to: folder + "/more.csv")
        let refused = try EHCPProcess.run(["import-attainment", folder + "/more.csv", "--into", folder + "/request"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("give --output FILE.yaml"))
        let inside = try EHCPProcess.run(["import-attainment", folder + "/more.csv", "--into", folder + "/request", "--output", folder + "/request/new.json"])
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("is inside"))
        let written = try EHCPProcess.run(["import-attainment", folder + "/more.csv", "--into", folder + "/request", "--output", folder + "/new.json"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOfFile: folder + "/request/application.json", encoding: .utf8) == before)
        let copy = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/new.json"))) as? [String: Any])
        #expect((copy["attainment"] as? [[String: Any]])?.first?["area"] as? String == "reading")
    }
}
