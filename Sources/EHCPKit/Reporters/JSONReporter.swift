import EHCPSource

/// The JSON report of the contract (docs/design.md, The report contract): one object, or an array for several bundles.
public struct JSONReporter: StreamingReporter {
    public static let identifier = "json"

    public init() {}

    public func start(context: ReportContext) -> String {
        context.several ? "[" : ""
    }

    public func bundle(_ report: BundleReport, index: Int, context: ReportContext) -> String {
        let node = node(report, progress: report.personal?.progress)
        guard context.several else { return JSONWriter.write(node) }
        return (index == 0 ? "\n  " : ",\n  ") + JSONWriter.write(node, indent: 2)
    }

    public func finish(_ summary: BatchSummary, context: ReportContext) -> String {
        guard context.several else { return "" }
        return summary.requests == 0 ? "]\n" : "\n]\n"
    }

    func node(_ report: BundleReport, progress: ProgressReport? = nil) -> OutputNode {
        var entries: [(key: String, value: OutputNode)] = [("bundle", .string(report.bundle))]
        if let authority = report.authority {
            entries.append(("authority", .mapping([("code", .string(authority.code)), ("name", .string(authority.name))])))
        }
        entries.append(("rulesets", .sequence(report.rulesets.map { .string($0) })))
        if let asOf = report.asOf { entries.append(("asOf", .string(asOf.description))) }
        entries.append(("valid", .boolean(report.isValid)))
        entries.append(("summary", .mapping(Severity.allCases.reversed().map { ($0.rawValue, .number(String(report.count($0)))) })))
        entries.append(("findings", .sequence(report.findings.map(node))))
        if report.couldNotBeRead {
            // An addition to the contract: why the bundle could not be read, by position and kind.
            entries.append(("couldNotBeRead", .sequence(report.problems.map(Self.node))))
        }
        if let received = report.asOf {
            // An addition to the contract: the statutory dates counted from the as-of date.
            entries.append(("timeline", .sequence(StatutoryTimeline(received: received).deadlines.map(\.node))))
        }
        // An addition to the contract, with --show-personal-data only: each area's series and figures.
        if let progress { entries.append(("progress", progress.node)) }
        return .mapping(entries)
    }

    /// `{ message, file, line, column }` of a problem, with the place only when there is one.
    static func node(_ problem: Diagnostic) -> OutputNode {
        var entries: [(key: String, value: OutputNode)] = [("message", .string(problem.message))]
        if let location = problem.location {
            entries.append(("file", .string(location.file)))
            entries.append(("line", .number(String(location.line))))
            if let column = location.column { entries.append(("column", .number(String(column)))) }
        }
        return .mapping(entries)
    }

    func node(_ finding: Finding) -> OutputNode {
        var entries: [(key: String, value: OutputNode)] = [
            ("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)),
            ("basis", .string(finding.basis.rawValue)), ("message", .string(finding.message))
        ]
        if let path = finding.path { entries.append(("path", .string(path))) }
        if let location = finding.location {
            var fields: [(key: String, value: OutputNode)] = [("file", .string(location.file)), ("line", .number(String(location.line)))]
            if let column = location.column { fields.append(("column", .number(String(column)))) }
            entries.append(("location", .mapping(fields)))
        }
        if let reference = finding.reference { entries.append(("reference", .string(reference))) }
        if let published = finding.source {
            var fields: [(key: String, value: OutputNode)] = [("url", .string(published.url))]
            if let grade = published.grade { fields.append(("grade", .string(grade.rawValue))) }
            if let date = published.published { fields.append(("published", .string(date))) }
            if let read = published.read { fields.append(("read", .string(read.description))) }
            entries.append(("source", .mapping(fields)))
        }
        if let lowered = finding.loweredFrom { entries.append(("severityLoweredFrom", .string(lowered.rawValue))) }
        if let source = finding.ruleSource {
            entries.append(("ruleSource", .mapping([("file", .string(source.file)), ("line", .number(String(source.line)))])))
        }
        return .mapping(entries)
    }
}
