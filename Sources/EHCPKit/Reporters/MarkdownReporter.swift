/// Markdown for tickets, wikis and e-mail: the same structure as the HTML report.
public struct MarkdownReporter: Reporter {
    public static let identifier = "markdown"

    public init() {}

    public func report(_ reports: [BundleReport], context: ReportContext) -> String {
        var out = ""
        if reports.count > 1 {
            let summary = BatchSummary(reports)
            out += "# \(reports.count) requests checked\n\n## Requests\n\n"
            out += Self.table(header: BatchSummary.requestHeader, rows: BatchSummary.requestCells(reports))
            out += "\n## By authority\n\n"
            out += Self.table(header: BatchSummary.authorityHeader, rows: summary.authorityCells)
            if !summary.rules.isEmpty {
                out += "\n## Requests affected, by rule\n\n" + Self.table(header: BatchSummary.ruleHeader, rows: summary.ruleCells)
            }
            out += "\n"
        }
        return out + reports.map { bundle($0, context: context) }.joined(separator: "\n")
    }

    private func bundle(_ report: BundleReport, context: ReportContext) -> String {
        var out = "# \(Self.inline(report.bundle)): \(report.authorityTitle)\n\n**\(report.verdict)**\n\n"
        if let personal = context.personal[report.bundle] { out += "- Request for: \(Self.inline(personal.line))\n" }
        if !report.rulesets.isEmpty { out += "- Rule sets: \(report.rulesets.joined(separator: ", "))\n" }
        if let asOf = report.asOf { out += "- Checked as of: \(asOf)\n" }
        for (group, findings) in FindingGroup.grouped(report, context: context) {
            out += "\n## \(group.title) (\(findings.count))\n\n_\(group.advice)_\n\n"
            for finding in findings {
                out += "- **\(finding.severity.label)** (\(finding.basis.label)) \(Self.inline(finding.message))\n"
                out += "  - Why: \(finding.why)\n"
                if let rule = context.rule(finding.rule, in: report) { out += "  - What counts: \(Self.inline(rule.plainSummary))\n" }
                if let reference = finding.reference { out += "  - Source: \(Self.inline(reference))\n" }
                if let place = BundleReport.place(finding) {
                    out += "  - Where: `\(place)`\(finding.path.map { " (`\($0)`)" } ?? "")\n"
                }
                out += "  - Rule: `\(finding.rule)`\(finding.ruleSource.map { ", defined in `\($0.file):\($0.line)`" } ?? "")\n"
            }
        }
        if let received = report.asOf {
            out += "\n## Dates the law sets\n\nIf the authority receives the request on \(received):\n\n"
            out += Self.table(header: ["By", "What", "Law"], rows: StatutoryTimeline(received: received).deadlines.map {
                [$0.date.description, $0.step, $0.regulation]
            })
        }
        return out
    }

    static func table(header: [String], rows: [[String]]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(inline).joined(separator: " | ") + " |\n" }
        return out
    }

    /// Text that cannot start markup of its own: table bars, emphasis and HTML are escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character == "\n" ? " " : character)
        }
        return out
    }
}
