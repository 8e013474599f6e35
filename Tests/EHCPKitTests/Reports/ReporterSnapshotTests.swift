import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// Every reporter's whole output for the fixed findings, compared with a file under
/// Tests/Fixtures/reports/snapshots; `RECORD_SNAPSHOTS=1 swift test` writes the files again.
@Suite struct ReporterSnapshotTests {
    static let extensions = ["text": "txt", "json": "json", "html": "html", "markdown": "md", "sarif": "sarif", "junit": "xml"]

    /// The output with what changes between runs (the JUnit timestamp) fixed.
    /// The report with its timestamp fixed and, in HTML, the stylesheet left out: the snapshot is of
    /// the report's content; the stylesheet is tested once, below and by `ContrastTests`.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: #"timestamp="[0-9T:-]+""#, with: #"timestamp="2026-01-01T00:00:00""#, options: .regularExpression)
            .replacingOccurrences(of: #"<style>[^<]*</style>"#, with: "<style>/* the report's stylesheet */</style>", options: .regularExpression)
    }

    /// Every HTML report carries the whole stylesheet inline (a report is one file, opened anywhere).
    @Test func theHTMLReportCarriesTheStylesheet() {
        let html = HTMLReporter().report(ReportFixtures.all, context: ReportFixtures.context)
        #expect(html.contains("<style>" + HTMLReporter.style))
        #expect(html.components(separatedBy: "<style>").count == 2)
    }

    @Test(arguments: Reporters.all.map { $0.identifier })
    func outputMatchesTheSnapshot(format: String) throws {
        try expectSnapshot(format: format, of: ReportFixtures.all, named: "all")
    }

    /// A batch in which one bundle could not be read.
    @Test(arguments: Reporters.all.map { $0.identifier })
    func unreadableBundleMatchesTheSnapshot(format: String) throws {
        try expectSnapshot(format: format, of: [ReportFixtures.passing, ReportFixtures.unreadable], named: "unreadable")
    }

    private func expectSnapshot(format: String, of reports: [BundleReport], named name: String) throws {
        let reporter = try #require(Reporters.reporter(format))
        let reports = reports.map { report in
            var report = report
            if report.bundle == "intake/two" { report.personal = PersonalDetails(childName: "Test Child", dateOfBirth: "2016-01-01", reference: "REF-1") }
            return report
        }
        let text = Self.normalised(reporter.report(reports, context: ReportFixtures.context))
        let path = RepositoryPaths.fixtures + "/reports/snapshots/\(name).\(Self.extensions[format]!)"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(atPath: RepositoryPaths.fixtures + "/reports/snapshots", withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "\(format) output differs from \(path); if the change is intended, run RECORD_SNAPSHOTS=1 swift test")
    }
}
