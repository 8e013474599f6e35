import Foundation

/// JUnit XML for an authority's pipelines: one test suite per bundle, one test case per rule.
///
/// Every rule applied is a test case, so a pipeline shows which rules a request meets as well as
/// which it fails; errors and warnings are `<failure>`s (their `type` is the severity; the exit
/// status still follows `--fail-on`), notes pass. The layout is the Ant JUnit format that CI servers read.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"

    public init() {}

    public func report(_ reports: [BundleReport], context: ReportContext) -> String {
        let suites = reports.enumerated().map { suite($1, id: $0, context: context) }
        let tests = suites.reduce(0) { $0 + $1.tests }
        let failures = suites.reduce(0) { $0 + $1.failures }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ehcp\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
            + suites.map(\.xml).joined() + "</testsuites>\n"
    }

    private func suite(_ report: BundleReport, id: Int, context: ReportContext) -> (xml: String, tests: Int, failures: Int) {
        var ids = context.rules(for: report).map(\.id)
        for finding in report.findings where !ids.contains(finding.rule) { ids.append(finding.rule) }
        let byRule = Dictionary(grouping: report.findings.filter { $0.severity != .info }, by: \.rule)
        let name = report.bundle.escapedForMarkup
        var cases = ""
        for rule in ids {
            cases += "    <testcase name=\"\(rule.escapedForMarkup)\" classname=\"\(name)\" time=\"0\""
            guard let findings = byRule[rule] else {
                cases += "/>\n"
                continue
            }
            let worst = findings.map(\.severity).max() ?? .error
            let body = findings.map { finding in
                let place = BundleReport.place(finding).map { "\($0): " } ?? ""
                return "\(place)\(finding.severity.rawValue): \(finding.message) [\(finding.basis.label)]"
                    + (finding.citation.map { "\nSource: \($0)" } ?? "")
            }.joined(separator: "\n")
            cases += ">\n      <failure message=\"\(findings[0].message.escapedForMarkup)\" type=\"\(worst.rawValue)\">\(body.escapedForMarkup)</failure>\n    </testcase>\n"
        }
        var properties = ""
        if let authority = report.authority {
            properties += "      <property name=\"authority\" value=\"\(authority.code) \(authority.name.escapedForMarkup)\"/>\n"
        }
        if let asOf = report.asOf {
            properties += "      <property name=\"asOf\" value=\"\(asOf)\"/>\n"
            for deadline in StatutoryTimeline(received: asOf).deadlines {
                properties += "      <property name=\"\(deadline.regulation.escapedForMarkup)\" value=\"\(deadline.date): \(deadline.step.escapedForMarkup)\"/>\n"
            }
        }
        properties += "      <property name=\"rulesets\" value=\"\(report.rulesets.joined(separator: ",").escapedForMarkup)\"/>\n"
        let xml = """
              <testsuite name="\(name)" package="ehcp" id="\(id)" tests="\(ids.count)" failures="\(byRule.count)" errors="0" skipped="0" time="0" timestamp="\(Self.timestamp())" hostname="localhost">
                <properties>
            \(properties)    </properties>
            \(cases)    <system-out/>
                <system-err/>
              </testsuite>

            """
        return (xml, ids.count, byRule.count)
    }

    /// Now, as the format wants it: `YYYY-MM-DDTHH:MM:SS`, UTC, no zone.
    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: Date())
    }
}
