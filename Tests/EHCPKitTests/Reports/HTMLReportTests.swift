import Foundation
import Testing

@testable import EHCPKit

/// The HTML report is a printable, accessible page that needs no script.
@Suite struct HTMLReportTests {
    let html = HTMLReporter().report(ReportFixtures.all, context: ReportFixtures.context)

    @Test func isAPageWithLandmarksAndALanguage() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        for landmark in ["header", "main", "footer"] {
            #expect(html.components(separatedBy: "<\(landmark)>").count == 2, "one <\(landmark)>")
            #expect(html.components(separatedBy: "</\(landmark)>").count == 2)
        }
        #expect(html.contains("<meta charset=\"utf-8\">") && html.contains("<title>Request checks: 3 requests</title>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.range(of: #" on[a-z]+="#, options: .regularExpression) == nil, "no event handlers")
        #expect(!html.contains("<link") && !html.contains("<img"), "self-contained: nothing loaded from elsewhere")
    }

    @Test func headingsDescendInOrder() throws {
        let levels = try NSRegularExpression(pattern: "<h([1-6])").matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            Int(html[Range($0.range(at: 1), in: html)!])!
        }
        #expect(levels.filter { $0 == 1 }.count == 1 && levels.first == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) { #expect(next <= previous + 1, "heading jumps from h\(previous) to h\(next)") }
    }

    @Test func elementsAreBalanced() {
        for tag in ["article", "section", "ol", "ul", "li", "dl", "table", "p", "code"] {
            let opened = html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
            #expect(opened == html.components(separatedBy: "</\(tag)>").count - 1, "<\(tag)> balanced")
        }
    }

    @Test func groupsComeInTheOrderOfWhatToDoWithReasonsAndSources() throws {
        let order = ["Missing evidence (1)", "Evidence that is out of date (1)", "Details to correct (2)", "Notes (1)", "Dates the law sets"]
        let positions = try order.map { try #require(html.range(of: ">\($0)</h3>")?.lowerBound, "\($0)") }
        #expect(positions == positions.sorted())
        #expect(html.contains("Local practice: the authority&#39;s own expectation, not a legal condition of a request."))
        #expect(html.contains("<a href=\"https://example.org/NFK-CONSENT\">open the guidance</a>"))
        #expect(
            html.contains(
                "<tr><th scope=\"row\"><a href=\"#request-1\">intake/request one</a></th><td>Norfolk (926)</td><td>3</td><td>1</td><td>1</td><td>Errors found</td></tr>"
            ))
        #expect(html.contains("<article aria-labelledby=\"request-1\">\n<h2 id=\"request-1\">"))
        #expect(html.contains("<dt>What counts</dt><dd>The rule checks that at least 1 evidence item(s) of type consent-form.</dd>"))
        #expect(html.contains("Message of NFK-CONSENT &lt;&amp;&gt; &quot;quoted&quot;"))
        #expect(html.contains("<tr><td>2027-02-22</td><td>Final EHC plan issued</td><td>SEND Regulations 2014 reg 13(2)</td></tr>"))
    }
}
