import EHCPTestSupport
import Foundation
import Testing

/// `ehcp authorities compare`: one national matrix in HTML, CSV and JSON that agree with each other.
@Suite struct NationalMatrixCLITests {
    /// The rows of an RFC 4180 document; nil when it is not well-formed (a stray quote, an
    /// unterminated field, a row not ended by CRLF).
    static func csvRows(_ text: String) -> [[String]]? {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text).makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                guard field.isEmpty else { return nil }
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else if character == "\n" || character == "\r" {
                return nil
            } else {
                field.append(character)
            }
        }
        return quoted || !row.isEmpty || !field.isEmpty ? nil : rows
    }

    /// Authorities per theme, as each format states them.
    private func counts(_ arguments: [String]) throws -> (html: [String: Int], csv: [String: Int], json: [String: Int], rows: [[String]]) {
        let html = try EHCPProcess.run(["authorities", "compare"] + arguments)
        #expect(html.status == 0, "\(html.stderr)")
        var htmlCounts: [String: Int] = [:]
        for match in html.stdout.matches(of: #/<tr id="theme-([a-z-]+)"><th scope="row">[^<]*</th><td class="count">(\d+)</td>/#) {
            htmlCounts[String(match.1)] = Int(match.2)
        }
        let csv = try EHCPProcess.run(["authorities", "compare", "--format", "csv"] + arguments)
        let rows = try #require(Self.csvRows(csv.stdout), "the CSV is not well-formed")
        var codes: [String: Set<String>] = [:]
        for row in rows.dropFirst() where !row[5].isEmpty && row[5] != Self.censusTheme { codes[row[5], default: []].insert(row[1]) }
        let json = try EHCPProcess.run(["authorities", "compare", "--format", "json"] + arguments)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        var jsonCounts: [String: Int] = [:]
        for theme in object["themes"] as? [[String: Any]] ?? [] { jsonCounts[theme["id"] as! String] = theme["authorities"] as? Int }
        return (htmlCounts, codes.mapValues(\.count), jsonCounts, rows)
    }

    @Test func countsInHTMLAgreeWithCSVAndJSON() throws {
        let (html, csv, json, rows) = try counts([])
        #expect(!html.isEmpty)
        #expect(html == csv)
        #expect(html == json)
        #expect(
            rows.first == ["region", "code", "authority", "result", "newest_source", "theme", "theme_title", "asks", "severity", "basis", "grades", "rules"])
        #expect(rows.allSatisfy { $0.count == 12 })
        #expect(Set(rows.dropFirst().map { $0[1] }).count == 153, "every authority has at least one row")
        #expect(rows.contains { $0[1] == "926" && $0[5] == "apdr-cycles" && $0[7] == "2 cycles" && $0[8] == "warning" && $0[9] == "local" })
        #expect(rows.contains { $0[1] == "840" && $0[5] == "provision-threshold" && $0[7] == "£6,000" })
        #expect(rows.contains { $0[1] == "936" && $0[3] == "no-source-found" && $0[5].isEmpty })
    }

    static let censusTheme = "census-rare-fields"

    /// The fields only one or two census forms ask, per authority whose form is in the census:
    /// the same in HTML, CSV and JSON, and read from the census the binary carries.
    @Test func censusRareFieldsAgreeAcrossFormats() throws {
        let (_, _, _, rows) = try counts([])
        var csv: [String: [String]] = [:]
        for row in rows.dropFirst() where row[5] == Self.censusTheme {
            #expect(row[6] == "Fields only one or two census forms ask")
            csv[row[1], default: []].append(row[7])
        }
        let json = try EHCPProcess.run(["authorities", "compare", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        var jsonFields: [String: [String]] = [:]
        for authority in object["authorities"] as? [[String: Any]] ?? [] {
            if let fields = authority["censusRareFields"] as? [String] { jsonFields[authority["code"] as! String] = fields }
        }
        let page = try EHCPProcess.run(["authorities", "compare"]).stdout
        let htmlCount = page.matches(of: #/<li class="rare-field">/#).count
        #expect(jsonFields.count == 10, "ten authorities have a form in the census")
        #expect(jsonFields["860"] == [], "a census form with no rare field has an empty list")
        #expect(csv == jsonFields.filter { !$0.value.isEmpty })
        #expect(htmlCount == jsonFields.values.map(\.count).reduce(0, +))
        #expect(htmlCount == 26)
        #expect(csv["822"]?.contains("interpreter for the parent") == true)
        #expect(page.contains("<li class=\"rare-field\">interpreter for the parent</li>"))
        #expect(page.contains("<li class=\"rare-field\">parent&#39;s first language</li>"), "an apostrophe is escaped")
        #expect(page.contains("Fields only one or two census forms ask (census of 30 forms)"))
    }

    @Test func untrustedTextIsEscapedForEachFormat() throws {
        let drafts = try DraftAuthorities.suffolk(
            """
            result: rules
            sources:
              - { url: "https://example.org/suffolk", read: 2026-11-30, grade: archive }

            """,
            requirements: """
                ruleset: suffolk
                authority: "935"
                extends: england
                sources:
                  - { url: "https://example.org/suffolk", grade: archive }
                rules:
                  - id: SUF-FORMULA
                    severity: warning
                    basis: local
                    message: Suffolk asks for its own sheet.
                    source: https://example.org/suffolk
                    evidence: { type: other, where: { localName: '=1+1, "<script>"' } }
                  - id: SUF-THRESHOLD
                    message: Suffolk looks for provision costing at least £6,000.
                    field: { path: provisionTotal, required: true, min: 6000 }

                """)
        let (html, csv, json, rows) = try counts(["--authorities-dir", drafts])
        #expect(html == csv && html == json)
        #expect(rows.contains { $0[1] == "935" && $0[5] == "other" && $0[7] == "'=1+1, \"<script>\"" && $0[10] == "archive" })
        #expect(rows.contains { $0[1] == "935" && $0[5] == "provision-threshold" && $0[7] == "£6,000" && $0[10] == "ungraded" })
        let page = try EHCPProcess.run(["authorities", "compare", "--authorities-dir", drafts]).stdout
        #expect(!page.contains("<script>"))
        #expect(page.contains("=1+1, &quot;&lt;script&gt;&quot;"))
        let raw = try EHCPProcess.run(["authorities", "compare", "--format", "csv", "--authorities-dir", drafts]).stdout
        #expect(raw.contains(",\"'=1+1, \"\"<script>\"\"\","))
    }

    @Test func outputIsWrittenAtomicallyAndBadFormatsExitTwo() throws {
        let folder = try EHCPProcess.temporaryFolder()
        let file = folder + "/matrix.csv"
        try "old contents".write(toFile: file, atomically: true, encoding: .utf8)
        let written = try EHCPProcess.run(["authorities", "compare", "--format", "csv", "--output", file])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("region,code,authority"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["matrix.csv"], "no temporary file is left behind")
        let missing = try EHCPProcess.run(["authorities", "compare", "--output", folder + "/no-such-folder/matrix.html"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("could not be written"))
        let unknown = try EHCPProcess.run(["authorities", "compare", "--format", "xlsx"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'xlsx' is invalid for '--format <format>'") && unknown.stderr.contains("'html', 'csv' or 'json'"), "\(unknown.stderr)")
    }
}
