import EHCPTestSupport
import Foundation
import Testing

/// The HTML report's list of what is enclosed: each evidence item by its type in plain words,
/// whether its file is in the bundle, and the files no item lists; the document's own values
/// (each item's file as listed, its date) only with --show-personal-data.
@Suite struct EnclosureCLITests {
    @Test func theHTMLReportListsWhatIsEnclosed() throws {
        let bundle = try EHCPProcess.temporaryFolder() + "/request"
        try FileManager.default.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: bundle)
        try FileManager.default.moveItem(atPath: bundle + "/evidence/apdr-2.pdf", toPath: bundle + "/evidence/review.pdf")
        let html = try EHCPProcess.run(["validate", bundle, "--format", "html"])
        #expect(html.status == 1)
        #expect(html.stdout.contains("<h3 id=\"request-1-enclosed\">What is enclosed</h3>"))
        #expect(html.stdout.contains("<tr class=\"found\"><th scope=\"row\">1st</th><td>A speech and language therapy report</td><td>Yes</td></tr>"))
        #expect(
            html.stdout.contains(
                "<tr class=\"not-found\"><th scope=\"row\">5th</th><td>An assess-plan-do-review record</td><td><strong>Not found</strong></td></tr>"))
        #expect(html.stdout.contains("<li><code>evidence/review.pdf</code></li>"))
        #expect(
            !html.stdout.contains("apdr-2.pdf") && !html.stdout.contains("salt-2026.pdf") && !html.stdout.contains("2026-09-10"),
            "no value of the document without --show-personal-data")

        let personal = try EHCPProcess.run(["validate", bundle, "--format", "html", "--show-personal-data"])
        #expect(personal.stdout.contains("<td><code>evidence/apdr-2.pdf</code></td><td><strong>Not found</strong></td><td>2025-07-11</td>"))
    }
}
