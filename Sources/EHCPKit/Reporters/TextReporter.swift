import EHCPSource

/// Plain text for people: findings grouped by severity, each with where, why and its basis; for
/// several bundles, tables per authority and per rule.
///
/// Everything that comes from outside ehcp (bundle names, paths, keys, messages that name them)
/// has its control characters shown as `\u{1B}`, so nothing in a request can drive the terminal.
public struct TextReporter: StreamingReporter {
    public static let identifier = "text"

    public init() {}

    public func start(context: ReportContext) -> String { "" }

    public func bundle(_ report: BundleReport, index: Int, context: ReportContext) -> String {
        // A blank line between bundles.
        (index > 0 ? "\n" : "") + bundle(report, context: context, paint: Painter(color: context.color))
    }

    public func finish(_ summary: BatchSummary, context: ReportContext) -> String {
        guard summary.requests > 1 else { return "" }
        let paint = Painter(color: context.color)
        var out = "\n" + paint(summary.headline, "1") + "\n"
        if !summary.authorities.isEmpty {
            out += "\nBy authority:\n" + TextTable.render(header: BatchSummary.authorityHeader, rows: summary.authorityCells)
        }
        if !summary.rules.isEmpty {
            out += "\nRequests affected, by rule:\n" + TextTable.render(header: BatchSummary.ruleHeader, rows: summary.ruleCells)
        }
        return out
    }

    private func bundle(_ report: BundleReport, context: ReportContext, paint: Painter) -> String {
        guard !report.couldNotBeRead else {
            return paint(report.bundle.forTerminal, "1") + " — " + paint("could not be read", "31") + "\n"
                + report.problems.map { "  \($0.description.forTerminal)\n" }.joined()
        }
        var out = paint(report.bundle.forTerminal, "1")
        if let authority = report.authority { out += " — \(authority.name.forTerminal) (\(authority.code.forTerminal))" }
        out += "\n"
        if let personal = report.personal { out += "  \(personal.line.forTerminal)\n" }
        for severity in Severity.allCases.reversed() {
            let findings = report.findings.filter { $0.severity == severity }
            guard !findings.isEmpty else { continue }
            let heading = "\(severity == .info ? "Notes" : severity.label + "s") (\(findings.count))"
            out += "\n" + paint(heading, severity == .error ? "31" : severity == .warning ? "33" : "36") + "\n"
            for finding in findings {
                let place = BundleReport.place(finding).map { "\($0.forTerminal): " } ?? ""
                out += "  \(place)\(finding.rule.forTerminal): \(PlainPath.words(finding.message).forTerminal)\n"
                if let satisfiedBy = context.rule(finding.rule, in: report)?.satisfiedBy {
                    out += "    Satisfied by \(satisfiedBy.forTerminal).\n"
                }
                if finding.basis == .local {
                    out += "    This is the authority's own expectation, not a legal condition of a request.\n"
                }
                if let reference = finding.citation, finding.basis != .format { out += "    Source: \(reference.forTerminal)\n" }
            }
        }
        if let received = report.asOf {
            out += "\nIf the authority receives the request on \(received), the law sets these dates:\n"
            for deadline in StatutoryTimeline(received: received).deadlines {
                out += "  \(deadline.date)  \(deadline.step) (\(deadline.regulation))\n"
            }
        }
        let verdict = report.isValid ? paint("No errors", "32") : paint("Errors found", "31")
        out += "\n\(verdict): \(report.count(.error)) error(s), \(report.count(.warning)) warning(s), \(report.count(.info)) note(s)\n"
        return out
    }
}

/// ANSI colour when allowed, plain text otherwise.
struct Painter {
    var color: Bool

    func callAsFunction(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// A table in fixed-width columns: text left-aligned, numbers right-aligned.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = ([header] + rows).map { $0.map(\.forTerminal) }
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column > 0 && Int(cell) != nil ? pad + cell : cell + pad
            }
            return "  " + padded.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return line(all[0]) + line(widths.map { String(repeating: "-", count: $0) }) + all.dropFirst().map(line).joined()
    }
}

extension String {
    /// Safe to print on a terminal: control characters shown as `\u{1B}`, never acted on.
    var forTerminal: String { escapingControlCharacters() }

    /// The text without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
