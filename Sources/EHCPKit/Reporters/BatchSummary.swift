/// Tables for a batch of requests: per authority, and how many requests each rule affected.
/// Built one report at a time, so its size depends on the authorities and rules met, not on
/// the number of requests.
public struct BatchSummary: Sendable {
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

    private var authorityRows: [String: AuthorityRow] = [:]
    private var ruleRows: [String: RuleRow] = [:]
    /// Requests counted, and how many of them have errors.
    public private(set) var requests = 0
    public private(set) var failing = 0

    /// An empty summary, to ``add(_:)`` reports to.
    public init() {}

    init(_ reports: [BundleReport]) {
        for report in reports { add(report) }
    }

    /// Counts one request.
    public mutating func add(_ report: BundleReport) {
        requests += 1
        failing += report.isValid ? 0 : 1
        let name = report.authority.map { "\($0.code) \($0.name)" } ?? "(authority not known)"
        var row = authorityRows[name] ?? AuthorityRow(authority: name)
        row.requests += 1
        row.withErrors += report.isValid ? 0 : 1
        row.errors += report.count(.error)
        row.warnings += report.count(.warning)
        authorityRows[name] = row
        // Each rule once per request; notes do not count as failing.
        var seen = Set<String>()
        for finding in report.findings where finding.severity != .info && seen.insert(finding.rule).inserted {
            var entry = ruleRows[finding.rule] ?? RuleRow(rule: finding.rule, requests: 0, severity: finding.severity, basis: finding.basis)
            entry.requests += 1
            entry.severity = max(entry.severity, finding.severity)
            ruleRows[finding.rule] = entry
        }
    }

    var authorities: [AuthorityRow] { authorityRows.values.sorted { $0.authority < $1.authority } }
    var rules: [RuleRow] { ruleRows.values.sorted { ($1.requests, $0.rule) < ($0.requests, $1.rule) } }

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
