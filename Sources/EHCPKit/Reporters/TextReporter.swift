/// Plain text for people: findings grouped by severity, each with where, why and its basis.
public struct TextReporter: Reporter {
    public static let identifier = "text"
    /// Whether to use ANSI colour (only on a terminal, and never with `NO_COLOR`).
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func report(_ reports: [BundleReport]) -> String {
        var out = ""
        for report in reports {
            out += bundle(report)
        }
        if reports.count > 1 {
            let failing = reports.filter { !$0.isValid }.count
            out += "\(reports.count) bundles checked: \(reports.count - failing) without errors, \(failing) with errors\n"
            out += perRule(reports)
        }
        return out
    }

    private func bundle(_ report: BundleReport) -> String {
        var out = paint(report.bundle, "1")
        if let authority = report.authority { out += " — \(authority.name) (\(authority.code))" }
        out += "\n"
        for severity in Severity.allCases.reversed() {
            let findings = report.findings.filter { $0.severity == severity }
            guard !findings.isEmpty else { continue }
            out += "\n" + paint("\(severity == .info ? "Notes" : severity.rawValue.capitalized + "s") (\(findings.count))", severity == .error ? "31" : severity == .warning ? "33" : "36") + "\n"
            for finding in findings {
                let place = finding.location.map { "\($0): " } ?? ""
                out += "  \(place)\(finding.rule): \(finding.message)\n"
                if finding.basis == .local {
                    out += "    This is the authority's own expectation, not a legal condition of a request.\n"
                }
                if let reference = finding.reference, finding.basis != .format { out += "    Source: \(reference)\n" }
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

    /// How many bundles each rule fired in, most frequent first: a week's intake at a glance.
    private func perRule(_ reports: [BundleReport]) -> String {
        var counts: [String: Int] = [:]
        for report in reports {
            for rule in Set(report.findings.filter { $0.severity != .info }.map(\.rule)) { counts[rule, default: 0] += 1 }
        }
        guard !counts.isEmpty else { return "" }
        var out = "\nRequests affected, by rule:\n"
        for (rule, count) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            out += "  \(String(count).leftPadded(to: 5))  \(rule)\n"
        }
        return out
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
