/// Tables for a batch of requests: per authority, and how many requests each rule affected.
struct BatchSummary {
    struct AuthorityRow {
        var authority: String
        var requests = 0
        var withErrors = 0
        var errors = 0
        var warnings = 0
        var withoutErrors: Int { requests - withErrors }
    }

    struct RuleRow {
        var rule: String
        var requests: Int
        var severity: Severity
        var basis: Basis
    }

    var authorities: [AuthorityRow] = []
    var rules: [RuleRow] = []

    init(_ reports: [BundleReport]) {
        var rows: [String: AuthorityRow] = [:]
        var ruleRows: [String: RuleRow] = [:]
        for report in reports {
            let name = report.authority.map { "\($0.code) \($0.name)" } ?? "(authority not known)"
            var row = rows[name] ?? AuthorityRow(authority: name)
            row.requests += 1
            row.withErrors += report.isValid ? 0 : 1
            row.errors += report.count(.error)
            row.warnings += report.count(.warning)
            rows[name] = row
            // Each rule once per request; notes do not count as failing.
            var seen = Set<String>()
            for finding in report.findings where finding.severity != .info && seen.insert(finding.rule).inserted {
                var entry = ruleRows[finding.rule] ?? RuleRow(rule: finding.rule, requests: 0, severity: finding.severity, basis: finding.basis)
                entry.requests += 1
                entry.severity = max(entry.severity, finding.severity)
                ruleRows[finding.rule] = entry
            }
        }
        authorities = rows.values.sorted { $0.authority < $1.authority }
        rules = ruleRows.values.sorted { ($1.requests, $0.rule) < ($0.requests, $1.rule) }
    }

    static let requestHeader = ["Request", "Authority", "Errors", "Warnings", "Notes", "Verdict"]

    /// One row per request, in the order checked.
    static func requestCells(_ reports: [BundleReport]) -> [[String]] {
        reports.map { report in
            [report.bundle, report.authorityTitle, String(report.count(.error)), String(report.count(.warning)), String(report.count(.info)),
             report.isValid ? "No errors" : "Errors found"]
        }
    }

    static let authorityHeader = ["Authority", "Requests", "Without errors", "With errors", "Errors", "Warnings"]
    static let ruleHeader = ["Rule", "Requests failing", "Severity", "Basis"]

    var authorityCells: [[String]] {
        authorities.map { [$0.authority, String($0.requests), String($0.withoutErrors), String($0.withErrors), String($0.errors), String($0.warnings)] }
    }

    var ruleCells: [[String]] {
        rules.map { [$0.rule, String($0.requests), $0.severity.label, $0.basis.label] }
    }
}
