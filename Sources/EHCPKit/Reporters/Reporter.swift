import EHCPSource

/// Turns bundle reports into text for one output format.
///
/// Reporters never echo personal values: findings name paths and kinds, and the only personal
/// details a reporter may show are those in ``BundleReport/personal``, which is nil unless the
/// user gave `--show-personal-data`.
public protocol Reporter: Sendable {
    /// The `--format` value.
    static var identifier: String { get }
    func report(_ reports: [BundleReport], context: ReportContext) -> String
}

/// A reporter that writes each bundle's report as soon as it is ready, so a batch of any size
/// is reported in the memory of one report (plus the summary counts).
///
/// Its whole-batch ``Reporter/report(_:context:)`` is these three pieces joined, so both ways
/// give the same bytes.
public protocol StreamingReporter: Reporter {
    /// What comes before the first bundle.
    func start(context: ReportContext) -> String
    /// One bundle's report; `index` counts from 0 in the order given.
    func bundle(_ report: BundleReport, index: Int, context: ReportContext) -> String
    /// What comes after the last bundle, from the counts of all of them.
    func finish(_ summary: BatchSummary, context: ReportContext) -> String
}

extension StreamingReporter {
    public func report(_ reports: [BundleReport], context: ReportContext) -> String {
        var context = context
        context.several = context.several || reports.count != 1
        var summary = BatchSummary()
        var out = start(context: context)
        for (index, report) in reports.enumerated() {
            summary.add(report)
            out += bundle(report, index: index, context: context)
        }
        return out + finish(summary, context: context)
    }
}

extension Reporter {
    /// The report with default context (no colour).
    public func report(_ reports: [BundleReport]) -> String {
        report(reports, context: ReportContext())
    }
}

/// What a reporter may know besides the findings.
public struct ReportContext: Sendable {
    /// ANSI colour (text only; only on a terminal, never with `NO_COLOR`).
    public var color: Bool
    /// The ehcp version, for SARIF and the HTML footer.
    public var toolVersion: String
    /// Several bundles were asked for, even if only one could be read (JSON is then an array).
    public var several = false

    /// A context; the defaults give a plain report.
    public init(color: Bool = false, toolVersion: String = "0.1.0") {
        self.color = color
        self.toolVersion = toolVersion
    }

    /// The rule behind a finding, when it is an authority or statutory rule.
    func rule(_ id: String, in report: BundleReport) -> Rule? {
        report.rules.first { $0.id == id }
    }
}

/// The reporters ehcp offers.
public enum Reporters {
    /// Every reporter, in the order `--help` lists them.
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, HTMLReporter.self, MarkdownReporter.self, SARIFReporter.self, JUnitReporter.self
    ]

    /// The reporter for a `--format` value, or nil for an unknown one (a usage error, never a trap).
    public static func reporter(_ identifier: String) -> (any Reporter)? {
        switch identifier {
        case TextReporter.identifier: TextReporter()
        case JSONReporter.identifier: JSONReporter()
        case HTMLReporter.identifier: HTMLReporter()
        case MarkdownReporter.identifier: MarkdownReporter()
        case SARIFReporter.identifier: SARIFReporter()
        case JUnitReporter.identifier: JUnitReporter()
        default: nil
        }
    }
}
