import EHCPSource
import EHCPXML
import Foundation

/// JUnit XML for an authority's pipelines: one test suite per bundle, one test case per rule.
///
/// Every rule applied is a test case, so a pipeline shows which rules a request meets as well as
/// which it fails; errors and warnings are `<failure>`s (their `type` is the severity; the exit
/// status still follows `--fail-on`), notes pass. The layout is the Ant JUnit format that CI servers
/// read, written with `XMLWriter` so it is well-formed whatever names and messages hold.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"

    public init() {}

    public func report(_ reports: [BundleReport], context: ReportContext) -> String {
        let timestamp = Self.timestamp()
        let suites = reports.enumerated().map { suite($1, id: $0, timestamp: timestamp, context: context) }
        let tests = suites.reduce(0) { $0 + (Int($1.attribute("tests") ?? "") ?? 0) }
        let failures = suites.reduce(0) { $0 + (Int($1.attribute("failures") ?? "") ?? 0) }
        let errors = suites.reduce(0) { $0 + (Int($1.attribute("errors") ?? "") ?? 0) }
        var attributes: [XMLTree.Attribute] = [
            .init(name: "name", value: "ehcp"), .init(name: "tests", value: String(tests)), .init(name: "failures", value: String(failures))
        ]
        if errors > 0 { attributes.append(.init(name: "errors", value: String(errors))) }
        return XMLWriter.write(Element(name: "testsuites", attributes: attributes, children: suites))
    }

    private typealias Element = XMLTree.Element

    private func suite(_ report: BundleReport, id: Int, timestamp: String, context: ReportContext) -> Element {
        if report.couldNotBeRead { return unreadableSuite(report, id: id, timestamp: timestamp) }
        var ids = report.rules.map(\.id)
        for finding in report.findings where !ids.contains(finding.rule) { ids.append(finding.rule) }
        let byRule = Dictionary(grouping: report.findings.filter { $0.severity != .info }, by: \.rule)
        let name = Self.xmlText(report.bundle)
        let cases = ids.map { rule in
            var testcase = Element(
                name: "testcase",
                attributes: [
                    .init(name: "name", value: Self.xmlText(rule)), .init(name: "classname", value: name), .init(name: "time", value: "0")
                ])
            if let findings = byRule[rule] {
                let worst = findings.map(\.severity).max() ?? .error
                let body = findings.map { finding in
                    let place = BundleReport.place(finding).map { "\($0): " } ?? ""
                    return "\(place)\(finding.severity.rawValue): \(finding.message) [\(finding.basis.label)]"
                        + (finding.citation.map { "\nSource: \($0)" } ?? "")
                }.joined(separator: "\n")
                testcase.children = [
                    Element(
                        name: "failure",
                        attributes: [
                            .init(name: "message", value: Self.xmlText(findings[0].message)), .init(name: "type", value: worst.rawValue)
                        ], text: Self.xmlText(body))
                ]
            }
            return testcase
        }
        var properties: [(String, String)] = []
        if let authority = report.authority { properties.append(("authority", "\(authority.code) \(authority.name)")) }
        if let asOf = report.asOf {
            properties.append(("asOf", asOf.description))
            for deadline in StatutoryTimeline(received: asOf).deadlines { properties.append((deadline.regulation, "\(deadline.date): \(deadline.step)")) }
        }
        properties.append(("rulesets", report.rulesets.joined(separator: ",")))
        let propertyElements = properties.map { key, value in
            Element(name: "property", attributes: [.init(name: "name", value: Self.xmlText(key)), .init(name: "value", value: Self.xmlText(value))])
        }
        return Self.testsuite(
            name: name, id: id, tests: ids.count, failures: byRule.count, errors: 0, timestamp: timestamp,
            children: [Element(name: "properties", children: propertyElements)] + cases)
    }

    /// A bundle that could not be read: one test case, `read`, in error, with the reasons.
    private func unreadableSuite(_ report: BundleReport, id: Int, timestamp: String) -> Element {
        let name = Self.xmlText(report.bundle)
        let error = Element(
            name: "error",
            attributes: [
                .init(name: "message", value: "could not be read"), .init(name: "type", value: "could-not-be-read")
            ], text: Self.xmlText(report.problems.map(\.description).joined(separator: "\n")))
        let testcase = Element(
            name: "testcase",
            attributes: [
                .init(name: "name", value: "read"), .init(name: "classname", value: name), .init(name: "time", value: "0")
            ], children: [error])
        return Self.testsuite(name: name, id: id, tests: 1, failures: 0, errors: 1, timestamp: timestamp, children: [Element(name: "properties"), testcase])
    }

    private static func testsuite(name: String, id: Int, tests: Int, failures: Int, errors: Int, timestamp: String, children: [Element]) -> Element {
        Element(
            name: "testsuite",
            attributes: [
                .init(name: "name", value: name), .init(name: "package", value: "ehcp"), .init(name: "id", value: String(id)),
                .init(name: "tests", value: String(tests)), .init(name: "failures", value: String(failures)),
                .init(name: "errors", value: String(errors)), .init(name: "skipped", value: "0"), .init(name: "time", value: "0"),
                .init(name: "timestamp", value: timestamp), .init(name: "hostname", value: "localhost")
            ], children: children + [Element(name: "system-out"), Element(name: "system-err")])
    }

    /// `text` as XML 1.0 can hold it: control characters other than tab, line feed and carriage
    /// return are shown as `\u{1B}` rather than dropped, so the report says what was there.
    static func xmlText(_ text: String) -> String {
        text.escapingControlCharacters(keeping: ["\t", "\n", "\r"])
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
