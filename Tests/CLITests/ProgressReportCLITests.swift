import EHCPTestSupport
import Foundation
import Testing

/// Progress in the reports: charts, tables and computed series only with --show-personal-data,
/// every text from the request escaped.
@Suite struct ProgressReportCLITests {
    let examples = RepositoryPaths.localAuthorities + "/england/examples"

    /// A copy of the baseline example `name` in a new folder, its document edited by `replacements`.
    private func copy(of name: String, replacing replacements: [(String, String)]) throws -> String {
        let folder = try EHCPProcess.temporaryFolder()
        let source = examples + "/" + name
        try FileManager.default.copyItem(atPath: source + "/evidence", toPath: folder + "/evidence")
        var document = try String(contentsOfFile: source + "/application.yaml", encoding: .utf8)
        for (old, new) in replacements { document = document.replacingOccurrences(of: old, with: new) }
        try document.write(toFile: folder + "/application.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func htmlDrawsEachAreaWithItsTableAndTheProvisionLinks() throws {
        let result = try EHCPProcess.run(["validate", examples + "/progress-widening-gap", "--format", "html", "--show-personal-data"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count == 3, "one chart per area")
        #expect(html.contains("<title id=\"request-1-area-1-title\">reading: standardised score</title>"))
        #expect(html.contains("<caption>fell 11.7 in 17.2 months (expected 0); gap to expected 19 → 24</caption>"))
        #expect(html.contains("<tr><th scope=\"row\">2026-03-16</th><td>76</td><td>100</td><td>24</td></tr>"))
        #expect(html.contains("<text class=\"cycle-label\"") && html.contains("<line class=\"review\""))
        #expect(html.contains("<h3 id=\"request-1-provision\">Provision and progress</h3>"))
        #expect(html.contains("<td>(none cited)</td>"))
        #expect(!html.contains("<script"))
    }

    @Test func withoutPersonalDataThereAreNoValuesChartsOrSeries() throws {
        for format in ["html", "markdown", "json"] {
            let result = try EHCPProcess.run(["validate", examples + "/progress-flat", "--format", format])
            #expect(result.status == 0)
            for hidden in ["<svg", "Provision and progress", "\"progress\"", "2024-10-07", "reading age"] {
                #expect(!result.stdout.contains(hidden), "\(format) shows \(hidden)")
            }
            let saysWhy = result.stdout.contains("Charts are drawn only with --show-personal-data, because they show the child's results.")
            #expect(saysWhy == (format == "html"), "\(format): the line in place of the charts")
        }
    }

    @Test func aRequestWithoutAttainmentHasNoLineAboutCharts() throws {
        let result = try EHCPProcess.run(["validate", examples + "/fails", "--format", "html"])
        #expect(!result.stdout.contains("Charts are drawn only"))
    }

    @Test func jsonCarriesTheComputedSeriesAndMarkdownTheTable() throws {
        let json = try EHCPProcess.run(["validate", examples + "/progress-flat", "--format", "json", "--show-personal-data"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let progress = try #require(report["progress"] as? [String: Any])
        let area = try #require((progress["areas"] as? [[String: Any]])?.first)
        #expect(area["change"] as? Double == 1.8 && area["expectedChange"] as? Double == 17)
        #expect(area["monthsCovered"] as? Double == 17.2 && area["gapChange"] as? Double == 5)
        #expect((area["points"] as? [Any])?.count == 4)
        #expect((report["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }.filter { $0.hasPrefix("ENG-") } == ["ENG-PROGRESS-RATE"])
        let markdown = try EHCPProcess.run(["validate", examples + "/progress-flat", "--format", "markdown", "--show-personal-data"]).stdout
        #expect(markdown.contains("| 2026-03-16 | 72 | 117 | 45 |"))
        #expect(markdown.contains("## Provision and progress"))
    }

    @Test func textFromTheRequestIsEscapedInChartsAndTables() throws {
        let folder = try copy(
            of: "progress-flat",
            replacing: [
                ("area: reading", "area: \"<script>x</script> & reading\""),
                ("outcome: Reads a book matched to his phonics stage with 90% accuracy", "outcome: \"<img src=x> | Reads a book\"")
            ])
        let html = try EHCPProcess.run(["validate", folder, "--format", "html", "--show-personal-data"]).stdout
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt; &amp; reading: reading age (months)"))
        #expect(!html.contains("<script") && !html.contains("<img"))
        let markdown = try EHCPProcess.run(["validate", folder, "--format", "markdown", "--show-personal-data"]).stdout
        #expect(markdown.contains("\\<img src=x\\> \\| Reads a book"))
        #expect(markdown.contains("\\<script\\>x\\</script\\> \\& reading"))
        #expect(!markdown.replacingOccurrences(of: "\\<", with: "").contains("<"), "every < is escaped")
    }

    /// Provision lines dated with schema 1.1's `start` and `end`: the period in the provision
    /// table, and each start and end marked on the chart of the area the line serves.
    @Test func datedProvisionShowsItsPeriodAndMarksTheChartOfItsArea() throws {
        let folder = try copy(
            of: "progress-widening-gap",
            replacing: [
                ("  progressEvidence: sen-support-plan\n", "  progressEvidence: sen-support-plan\n  start: 2025-09-08\n  end: 2026-03-27\n"),
                ("  outcome: Spells the 100 most common words correctly\n", "  outcome: Spells the 100 most common words correctly\n  start: 2026-01-05\n")
            ])
        let result = try EHCPProcess.run(["validate", folder, "--format", "html", "--show-personal-data"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        #expect(
            html.contains(
                "<tr><th scope=\"row\">1. Daily one-to-one structured literacy programme</th><td>Teaching assistant</td><td>2025-09-08 to 2026-03-27</td>"))
        #expect(html.contains("<td>from 2026-01-05</td>"))
        let charts = html.components(separatedBy: "<svg class=\"chart\"").dropFirst()
        let reading = try #require(charts.first { $0.contains("reading: standardised score</title>") })
        #expect(reading.components(separatedBy: "<line class=\"provision-change\"").count == 3, "the reading line's start and end")
        #expect(reading.contains(">Provision 1 starts</text>") && reading.contains(">Provision 1 ends</text>"))
        #expect(!reading.contains("Provision 2"), "the spelling line serves no charted area")
        let markdown = try EHCPProcess.run(["validate", folder, "--format", "markdown", "--show-personal-data"]).stdout
        #expect(markdown.contains("| 1. Daily one-to-one structured literacy programme | Teaching assistant | 2025-09-08 to 2026-03-27 |"))
        let json = try EHCPProcess.run(["validate", folder, "--format", "json", "--show-personal-data"]).stdout
        #expect(json.contains("\"start\": \"2025-09-08\"") && json.contains("\"end\": \"2026-03-27\""))
    }
}
