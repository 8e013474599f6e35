import EHCPSource

/// Markdown for tickets, wikis and e-mail: the same structure as the HTML report.
///
/// Text from outside ehcp (bundle names, paths, keys, messages naming them, rule-set files) is
/// escaped for CommonMark and GitHub's extensions: it can never open raw HTML, an image, a link or
/// an autolink, emphasis, a heading, or a table cell, and never break a line.
public struct MarkdownReporter: Reporter {
    public static let identifier = "markdown"

    public init() {}

    public func report(_ reports: [BundleReport], context: ReportContext) -> String {
        var out = ""
        if reports.count > 1 {
            let summary = BatchSummary(reports)
            out += "# \(reports.count) requests checked\n\n\(summary.headline).\n\n## Requests\n\n"
            out += Self.table(header: BatchSummary.requestHeader, rows: BatchSummary.requestCells(reports))
            if !summary.authorities.isEmpty {
                out += "\n## By authority\n\n" + Self.table(header: BatchSummary.authorityHeader, rows: summary.authorityCells)
            }
            if !summary.rules.isEmpty {
                out += "\n## Requests affected, by rule\n\n" + Self.table(header: BatchSummary.ruleHeader, rows: summary.ruleCells)
            }
            out += "\n"
        }
        return out + reports.map { bundle($0, context: context) }.joined(separator: "\n")
    }

    private func bundle(_ report: BundleReport, context: ReportContext) -> String {
        guard !report.couldNotBeRead else {
            return "# \(Self.inline(report.bundle)): could not be read\n\n**\(BundleReport.unreadableVerdict)**\n\n"
                + report.problems.map { problem in
                    "- " + (problem.location.map { Self.code($0.description) + ": " } ?? "") + Self.inline(problem.message) + "\n"
                }.joined()
        }
        var out = "# \(Self.inline(report.bundle)): \(Self.inline(report.authorityTitle))\n\n**\(report.verdict)**\n\n"
        if let personal = report.personal { out += "- Request for: \(Self.inline(personal.line))\n" }
        if !report.rulesets.isEmpty { out += "- Rule sets: \(report.rulesets.map { Self.inline($0) }.joined(separator: ", "))\n" }
        if let asOf = report.asOf { out += "- Checked as of: \(asOf)\n" }
        for (group, findings) in FindingGroup.grouped(report, context: context) {
            out += "\n## \(group.title) (\(findings.count))\n\n_\(group.advice)_\n\n"
            for finding in findings {
                out += "- **\(finding.severity.label)** (\(finding.basis.label)) \(Self.inline(PlainPath.words(finding.message)))\n"
                out += "  - Why: \(finding.why)\n"
                if let rule = context.rule(finding.rule, in: report) { out += "  - What counts: \(Self.inline(rule.plainSummary))\n" }
                if let satisfiedBy = context.rule(finding.rule, in: report)?.satisfiedBy { out += "  - Satisfied by: \(Self.inline(satisfiedBy))\n" }
                if let reference = finding.citation { out += "  - Source: \(Self.inline(reference, autolinks: true))\n" }
                if let place = BundleReport.place(finding) {
                    out +=
                        "  - Where: \(Self.code(place))\(finding.path.map { path in PlainPath.words(path) == path ? " (\(Self.code(path)))" : " (\(Self.inline(PlainPath.words(path))))" } ?? "")\n"
                }
                out += "  - Rule: \(Self.code(finding.rule))\(finding.ruleSource.map { ", defined in \(Self.code("\($0.file):\($0.line)"))" } ?? "")\n"
            }
        }
        if let progress = report.personal?.progress { out += Self.progress(progress) }
        if let received = report.asOf {
            out += "\n## Dates the law sets\n\nIf the authority receives the request on \(received):\n\n"
            out += Self.table(
                header: ["By", "What", "Law"],
                rows: StatutoryTimeline(received: received).deadlines.map {
                    [$0.date.description, $0.step, $0.regulation]
                })
        }
        return out
    }

    static func table(header: [String], rows: [[String]]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map { inline($0) }.joined(separator: " | ") + " |\n" }
        return out
    }

    /// Text that cannot start markup of its own: every punctuation character that CommonMark or
    /// GitHub reads as markup (code, emphasis, links, images, HTML, entities, table bars, headings,
    /// strikethrough) is backslash-escaped; `://`, `www.` and `@` are broken so no autolink forms
    /// (unless `autolinks`, for the addresses a rule set cites); line breaks become spaces and
    /// other control characters are shown as `\u{1B}`.
    static func inline(_ text: String, autolinks: Bool = false) -> String {
        var out = ""
        var previous: [Character] = []
        for character in text.escapingControlCharacters(keeping: ["\n", "\r"]) {
            if "\\`*_[]<>|#!&~".contains(character) { out.append("\\") }
            if !autolinks, character == ":" || character == "@" || (character == "." && previous.map { $0.lowercased() }.joined() == "www") {
                out.append("\\")
            }
            out.append(character.isNewline ? " " : character)
            previous.append(character)
            if previous.count > 3 { previous.removeFirst() }
        }
        return out
    }

    /// `text` as a code span, whose content CommonMark never reads as markup: fenced with one
    /// backtick more than the longest run inside it, and on one line.
    static func code(_ text: String) -> String {
        let flat = String(text.escapingControlCharacters(keeping: ["\n", "\r"]).map { $0.isNewline ? " " : $0 })
        var longest = 0
        var run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.first == "`" || flat.last == "`" || flat.first == " " ? " " : ""
        return fence + pad + flat + pad + fence
    }
}
