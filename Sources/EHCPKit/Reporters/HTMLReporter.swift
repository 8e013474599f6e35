/// A self-contained, printable HTML page for a SENCO or a parent meeting.
///
/// The summary comes first, then findings grouped by what to do (``FindingGroup``), each with the
/// rule's reason, its source and whether it is law or local practice, then the statutory dates.
/// Plain semantic markup (landmarks, headings, tables with headers), colours with at least 4.5:1
/// contrast that are never the only signal, print styles, and no script.
public struct HTMLReporter: Reporter {
    public static let identifier = "html"

    public init() {}

    public func report(_ reports: [BundleReport], context: ReportContext) -> String {
        let title = reports.count == 1 ? "Request check: \(reports[0].authorityTitle)" : "Request checks: \(reports.count) requests"
        var body = ""
        if reports.count > 1 { body += batch(reports) }
        for (index, report) in reports.enumerated() {
            body += bundle(report, id: "request-\(index + 1)", context: context)
        }
        let charts = reports.contains { $0.personal?.progress != nil }
        return HTMLPage.document(
            title: title,
            intro:
                "What to gather, renew or correct before an EHC needs assessment request is sent. A local rule failing means the authority may ask a setting for more before deciding; it does not make the request invalid, and a parent's or young person's letter is a legally valid request.",
            extraStyle: charts ? ProgressChart.style : "",
            main: body,
            footer: "Checked by ehcp \(context.toolVersion). Findings name fields and documents, never their personal values.")
    }

    private func bundle(_ report: BundleReport, id: String, context: ReportContext) -> String {
        var out = "<article aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(report.bundle.escapedForMarkup)</h2>\n"
        guard !report.couldNotBeRead else {
            out +=
                "<section class=\"summary invalid\" aria-label=\"Summary\">\n<p class=\"verdict\"><strong>\(BundleReport.unreadableVerdict.escapedForMarkup)</strong></p>\n<ul>\n"
            out += report.problems.map { "<li>\($0.description.escapedForMarkup)</li>\n" }.joined()
            return out + "</ul>\n</section>\n</article>\n"
        }
        out += "<section class=\"summary \(report.isValid ? "valid" : "invalid")\" aria-label=\"Summary\">\n"
        out += "<p class=\"verdict\"><strong>\(report.verdict.escapedForMarkup)</strong></p>\n<dl>\n"
        if let personal = report.personal { out += "<dt>Request for</dt><dd>\(personal.line.escapedForMarkup)</dd>\n" }
        out += "<dt>Authority</dt><dd>\(report.authorityTitle.escapedForMarkup)</dd>\n"
        if !report.rulesets.isEmpty { out += "<dt>Rule sets</dt><dd>\(report.rulesets.joined(separator: ", ").escapedForMarkup)</dd>\n" }
        if let asOf = report.asOf { out += "<dt>Checked as of</dt><dd>\(asOf)</dd>\n" }
        out += "</dl>\n"
        let groups = FindingGroup.grouped(report, context: context)
        if !groups.isEmpty {
            out +=
                "<ul class=\"contents\">\n"
                + groups.map { "<li><a href=\"#\(id)-\($0.group.rawValue)\">\($0.group.title) (\($0.findings.count))</a></li>" }.joined(separator: "\n")
                + "\n</ul>\n"
        }
        out += "</section>\n"
        for (group, findings) in groups {
            out += "<section aria-labelledby=\"\(id)-\(group.rawValue)\">\n<h3 id=\"\(id)-\(group.rawValue)\">\(group.title) (\(findings.count))</h3>\n"
            out += "<p class=\"advice\">\(group.advice)</p>\n<ol class=\"findings\">\n"
            out += findings.map { item($0, rule: context.rule($0.rule, in: report)) }.joined()
            out += "</ol>\n</section>\n"
        }
        if let enclosure = report.enclosure {
            let personal = report.personal != nil
            out += "<section aria-labelledby=\"\(id)-enclosed\">\n<h3 id=\"\(id)-enclosed\">What is enclosed</h3>\n" + enclosure.html(showingValues: personal)
            if !personal { out += "<p class=\"advice\">Each item's file and date, as the document gives them, are shown with --show-personal-data.</p>\n" }
            out += "</section>\n"
        }
        if let progress = report.personal?.progress {
            out += progressSections(progress, id: id)
        } else if report.recordsAttainment, report.personal == nil {
            out += withheldCharts(id: id)
        }
        if let received = report.asOf { out += timeline(received, id: id) }
        return out + "</article>\n"
    }

    private func item(_ finding: Finding, rule: Rule?) -> String {
        var out = "<li class=\"finding \(finding.severity.rawValue)\">\n"
        out +=
            "<p><span class=\"badge\">\(finding.severity.label)</span> <span class=\"basis \(finding.basis.rawValue)\">\(finding.basis.label)</span> \(PlainPath.words(finding.message).escapedForMarkup)</p>\n<dl>\n"
        out += "<dt>Why</dt><dd>\(finding.why.escapedForMarkup)</dd>\n"
        if let rule { out += "<dt>What counts</dt><dd>\(rule.plainSummary.escapedForMarkup)</dd>\n" }
        if let satisfiedBy = rule?.satisfiedBy { out += "<dt>Satisfied by</dt><dd>\(satisfiedBy.escapedForMarkup)</dd>\n" }
        if let reference = finding.citation {
            out += "<dt>Source</dt><dd>\(reference.escapedForMarkup)"
            if let url = reference.firstURL { out += " (<a href=\"\(url.escapedForMarkup)\">open the guidance</a>)" }
            out += "</dd>\n"
        }
        if let place = BundleReport.place(finding) {
            out +=
                "<dt>Where</dt><dd><code>\(place.escapedForMarkup)</code>\(finding.path.map { path in PlainPath.words(path) == path ? " (<code>\(path.escapedForMarkup)</code>)" : " (\(PlainPath.words(path).escapedForMarkup))" } ?? "")</dd>\n"
        }
        out += "<dt>Rule</dt><dd><code>\(finding.rule.escapedForMarkup)</code>"
        if let source = finding.ruleSource { out += ", defined in <code>\(source.file.escapedForMarkup):\(source.line)</code>" }
        return out + "</dd>\n</dl>\n</li>\n"
    }

    private func timeline(_ received: CalendarDate, id: String) -> String {
        var out = "<section aria-labelledby=\"\(id)-timeline\">\n<h3 id=\"\(id)-timeline\">Dates the law sets</h3>\n"
        out +=
            "<p>If the authority receives the request on \(received):</p>\n<table class=\"dates\">\n<thead><tr><th scope=\"col\">By</th><th scope=\"col\">What</th><th scope=\"col\">Law</th></tr></thead>\n<tbody>\n"
        for deadline in StatutoryTimeline(received: received).deadlines {
            out += "<tr><td>\(deadline.date)</td><td>\(deadline.step.escapedForMarkup)</td><td>\(deadline.regulation)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func batch(_ reports: [BundleReport]) -> String {
        let summary = BatchSummary(reports)
        var out = "<section aria-labelledby=\"batch\">\n<h2 id=\"batch\">\(reports.count) requests checked</h2>\n<p>\(summary.headline.escapedForMarkup).</p>\n"
        out += "<table>\n<caption>Requests</caption>\n<thead><tr>"
        out += BatchSummary.requestHeader.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (index, cells) in BatchSummary.requestCells(reports).enumerated() {
            out += "<tr><th scope=\"row\"><a href=\"#request-\(index + 1)\">\(cells[0].escapedForMarkup)</a></th>"
            out += cells.dropFirst().map { "<td>\($0.escapedForMarkup)</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !summary.authorities.isEmpty {
            out += Self.table(caption: "By authority", header: BatchSummary.authorityHeader, rows: summary.authorityCells)
        }
        if !summary.rules.isEmpty {
            out += Self.table(caption: "Requests affected, by rule", header: BatchSummary.ruleHeader, rows: summary.ruleCells)
        }
        return out + "</section>\n"
    }

    static func table(caption: String, header: [String], rows: [[String]]) -> String {
        var out = "<table>\n<caption>\(caption.escapedForMarkup)</caption>\n<thead><tr>"
        out += header.map { "<th scope=\"col\">\($0.escapedForMarkup)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out +=
                "<tr>"
                + row.enumerated().map { column, cell in
                    column == 0 ? "<th scope=\"row\">\(cell.escapedForMarkup)</th>" : "<td>\(cell.escapedForMarkup)</td>"
                }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Dark text on light backgrounds; every pair is at least 4.5:1.
    static let style = """

        body { font-family: system-ui, "Segoe UI", Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; line-height: 1.5; }
        header { border-bottom: 4px solid #1d4f91; margin-bottom: 1rem; }
        h1 { font-size: 1.8rem; margin: 0.5rem 0; }
        h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 1px solid #b1b4b6; }
        h3 { font-size: 1.15rem; margin-top: 1.5rem; }
        a { color: #1d4f91; }
        .summary { border-left: 6px solid #1d4f91; background: #f3f2f1; padding: 0.5rem 1rem; }
        .summary.invalid { border-left-color: #a4161a; }
        .summary.valid { border-left-color: #1e6b35; }
        .summary dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; }
        .advice { font-style: italic; }
        ol.findings { padding-left: 1.5rem; }
        .finding { margin-bottom: 1rem; break-inside: avoid; }
        .finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0.25rem 0; font-size: 0.95rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        .badge, .basis { display: inline-block; padding: 0 0.4rem; border-radius: 3px; font-weight: 600; font-size: 0.9rem; border: 1px solid currentColor; }
        .error .badge { color: #a4161a; background: #fdecea; }
        .warning .badge { color: #6b4400; background: #fff4d6; }
        .info .badge { color: #1d4f91; background: #e8f0fb; }
        .basis { color: #1b1b1b; background: #fff; }
        .basis.local { color: #4a2a7a; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
        caption { text-align: left; font-weight: 600; }
        table.dates td:first-child, table.dates td:last-child { white-space: nowrap; }
        th, td { border: 1px solid #b1b4b6; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        thead th { background: #f3f2f1; }
        footer { margin-top: 2rem; border-top: 1px solid #b1b4b6; font-size: 0.9rem; }
        @media print { body { max-width: none; padding: 0; } a { color: inherit; } .contents { display: none; } h2 { break-before: page; } article:first-of-type h2 { break-before: auto; } }

        """
}
