import EHCPSource
import Foundation

/// SARIF 2.1.0, so an authority's developers see findings in their code-scanning tools.
///
/// One run for all bundles. Every rule applied is a `reportingDescriptor` (its message, what it
/// checks, its basis and source); each finding is a `result` pointing at the application document,
/// with line and column counted in Unicode code points, as ehcp counts them.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public init() {}

    public func report(_ reports: [BundleReport], context: ReportContext) -> String {
        var descriptors: [(id: String, node: OutputNode)] = []
        var index: [String: Int] = [:]
        func add(_ id: String, _ node: OutputNode) {
            guard index[id] == nil else { return }
            index[id] = descriptors.count
            descriptors.append((id, node))
        }
        for report in reports {
            for rule in report.rules { add(rule.id, descriptor(rule)) }
            for finding in report.findings { add(finding.rule, builtInDescriptor(finding)) }
        }
        let results = reports.flatMap { report in report.findings.map { result($0, bundle: report.bundle, ruleIndex: index[$0.rule] ?? -1) } }
        let driver: OutputNode = .mapping([
            ("name", .string("ehcp")), ("version", .string(context.toolVersion)),
            ("rules", .sequence(descriptors.map(\.node)))
        ])
        let run: OutputNode = .mapping([
            ("tool", .mapping([("driver", driver)])),
            ("invocations", .sequence([Self.invocation(reports)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .sequence(results)),
            ("properties", .mapping([("statutoryTimelines", .sequence(reports.compactMap(Self.timeline)))]))
        ])
        return JSONWriter.write(.mapping([("$schema", .string(Self.schema)), ("version", .string("2.1.0")), ("runs", .sequence([run]))]))
    }

    private func descriptor(_ rule: Rule) -> OutputNode {
        var entries: [(key: String, value: OutputNode)] = [
            ("id", .string(rule.id)),
            ("shortDescription", .mapping([("text", .string(rule.message))])),
            ("fullDescription", .mapping([("text", .string("Checks that \(rule.summary). \(rule.basis.explanation)"))])),
            ("defaultConfiguration", .mapping([("level", .string(Self.level(rule.severity)))]))
        ]
        if let url = rule.reference?.firstURL { entries.append(("helpUri", .string(url))) }
        var properties: [(key: String, value: OutputNode)] = [("basis", .string(rule.basis.rawValue)), ("ruleset", .string(rule.ruleset))]
        if let reference = rule.reference { properties.append(("reference", .string(reference))) }
        properties.append(("ruleSource", .string("\(rule.location.file):\(rule.location.line)")))
        entries.append(("properties", .mapping(properties)))
        return .mapping(entries)
    }

    private func builtInDescriptor(_ finding: Finding) -> OutputNode {
        var entries: [(key: String, value: OutputNode)] = [
            ("id", .string(finding.rule)),
            (
                "shortDescription",
                .mapping([("text", .string(finding.basis == .format ? "Built-in check of the canonical application (\(finding.rule))" : finding.message))])
            ),
            ("defaultConfiguration", .mapping([("level", .string(Self.level(finding.severity)))]))
        ]
        entries.append(("properties", .mapping([("basis", .string(finding.basis.rawValue))])))
        return .mapping(entries)
    }

    private func result(_ finding: Finding, bundle: String, ruleIndex: Int) -> OutputNode {
        var entries: [(key: String, value: OutputNode)] = [
            ("ruleId", .string(finding.rule)), ("ruleIndex", .number(String(ruleIndex))),
            ("level", .string(Self.level(finding.severity))),
            ("message", .mapping([("text", .string(finding.message))]))
        ]
        var location: [(key: String, value: OutputNode)] = []
        if let place = finding.location { location.append(("physicalLocation", Self.physicalLocation(place))) }
        if let path = finding.path {
            location.append(("logicalLocations", .sequence([.mapping([("fullyQualifiedName", .string(path)), ("kind", .string("element"))])])))
        }
        if !location.isEmpty { entries.append(("locations", .sequence([.mapping(location)]))) }
        var properties: [(key: String, value: OutputNode)] = [("bundle", .string(bundle)), ("basis", .string(finding.basis.rawValue))]
        if let reference = finding.citation { properties.append(("reference", .string(reference))) }
        entries.append(("properties", .mapping(properties)))
        return .mapping(entries)
    }

    /// The run's one invocation: unsuccessful when a bundle could not be read, with a
    /// `toolExecutionNotification` for each reason, at its place.
    static func invocation(_ reports: [BundleReport]) -> OutputNode {
        let notifications: [OutputNode] = reports.flatMap { report in
            report.problems.map { problem in
                var entries: [(key: String, value: OutputNode)] = [
                    ("level", .string("error")),
                    ("message", .mapping([("text", .string("\(report.bundle) could not be read: \(problem.message)"))]))
                ]
                if let place = problem.location {
                    entries.append(("locations", .sequence([.mapping([("physicalLocation", physicalLocation(place))])])))
                }
                entries.append(("properties", .mapping([("bundle", .string(report.bundle))])))
                return .mapping(entries)
            }
        }
        guard !notifications.isEmpty else { return .mapping([("executionSuccessful", .boolean(true))]) }
        return .mapping([("executionSuccessful", .boolean(false)), ("toolExecutionNotifications", .sequence(notifications))])
    }

    /// The file, line and column of `place` as SARIF writes them.
    static func physicalLocation(_ place: SourceLocation) -> OutputNode {
        var region: [(key: String, value: OutputNode)] = [("startLine", .number(String(max(1, place.line))))]
        if let column = place.column { region.append(("startColumn", .number(String(max(1, column))))) }
        return .mapping([("artifactLocation", .mapping([("uri", .string(uri(place.file)))])), ("region", .mapping(region))])
    }

    /// The dates the law sets for one bundle, counted from its request date.
    static func timeline(_ report: BundleReport) -> OutputNode? {
        guard let received = report.asOf else { return nil }
        return .mapping([
            ("bundle", .string(report.bundle)), ("received", .string(received.description)),
            ("deadlines", .sequence(StatutoryTimeline(received: received).deadlines.map(\.node)))
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative path stays a relative reference; an absolute one becomes a `file://` URI.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
