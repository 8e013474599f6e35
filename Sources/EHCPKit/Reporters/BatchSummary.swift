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
        /// The authorities (by code) whose requests it affected, by the severity it had there:
        /// an authority's rule set may override a rule's severity.
        var severities: [Severity: Set<String>]
        var basis: Basis

        /// "Error", or, when authorities differ, each severity with its authorities: "Error (860); Warning (926)".
        var severityCell: String {
            guard severities.count > 1 else { return severities.keys.first?.label ?? "" }
            return severities.keys.sorted(by: >).map { severity in
                "\(severity.label) (\(severities[severity, default: []].sorted().joined(separator: ", ")))"
            }.joined(separator: "; ")
        }
    }

    private var authorityRows: [String: AuthorityRow] = [:]
    private var ruleRows: [String: RuleRow] = [:]
    /// Requests counted, how many of them were read and have errors, and how many could not be read.
    public private(set) var requests = 0
    public private(set) var failing = 0
    public private(set) var unreadable = 0

    /// Requests read with no errors.
    public var withoutErrors: Int { requests - failing - unreadable }

    /// An empty summary, to ``add(_:)`` reports to.
    public init() {}

    init(_ reports: [BundleReport]) {
        for report in reports { add(report) }
    }

    /// Counts one request.
    public mutating func add(_ report: BundleReport) {
        requests += 1
        guard !report.couldNotBeRead else {
            unreadable += 1
            return
        }
        failing += report.isValid ? 0 : 1
        let name = report.authority.map { "\($0.code) \($0.name)" } ?? "(authority not known)"
        var row = authorityRows[name] ?? AuthorityRow(authority: name)
        row.requests += 1
        row.withErrors += report.isValid ? 0 : 1
        row.errors += report.count(.error)
        row.warnings += report.count(.warning)
        authorityRows[name] = row
        // Each rule once per request, at its worst there; notes do not count as failing.
        let code = report.authority?.code ?? "authority not known"
        for (rule, findings) in Dictionary(grouping: report.findings.filter { $0.severity != .info }, by: \.rule) {
            var entry = ruleRows[rule] ?? RuleRow(rule: rule, requests: 0, severities: [:], basis: findings[0].basis)
            entry.requests += 1
            entry.severities[findings.map(\.severity).max() ?? .error, default: []].insert(code)
            ruleRows[rule] = entry
        }
    }

    var authorities: [AuthorityRow] { authorityRows.values.sorted { $0.authority < $1.authority } }
    var rules: [RuleRow] { ruleRows.values.sorted { ($1.requests, $0.rule) < ($0.requests, $1.rule) } }

    static let requestHeader = ["Request", "Authority", "Errors", "Warnings", "Notes", "Verdict"]

    /// One row per request, in the order checked.
    static func requestCells(_ reports: [BundleReport]) -> [[String]] {
        reports.map { report in
            guard !report.couldNotBeRead else { return [report.bundle, "—", "—", "—", "—", "Could not be read"] }
            return [
                report.bundle, report.authorityTitle, String(report.count(.error)), String(report.count(.warning)), String(report.count(.info)),
                report.isValid ? "No errors" : "Errors found"
            ]
        }
    }

    /// "3 bundles checked: 1 without errors, 1 with errors, 1 could not be read".
    var headline: String {
        "\(requests) bundles checked: \(withoutErrors) without errors, \(failing) with errors"
            + (unreadable > 0 ? ", \(unreadable) could not be read" : "")
    }

    static let authorityHeader = ["Authority", "Requests", "Without errors", "With errors", "Errors", "Warnings"]
    static let ruleHeader = ["Rule", "Requests failing", "Severity", "Basis"]

    var authorityCells: [[String]] {
        authorities.map { [$0.authority, String($0.requests), String($0.withoutErrors), String($0.withErrors), String($0.errors), String($0.warnings)] }
    }

    var ruleCells: [[String]] {
        rules.map { [$0.rule, String($0.requests), $0.severityCell, $0.basis.label] }
    }
}
