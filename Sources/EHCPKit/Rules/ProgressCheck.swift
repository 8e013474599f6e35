/// The checks about progress over time (SEND CoP 9.14: attainment and rate of progress, and the
/// action taken): each is one of a rule's checks, written `series`, `progress` or `linkage`.
public enum ProgressCheck: Sendable {
    /// For each attainment area (or the one named): at least `min` dated points, spanning at least
    /// `span`, the latest within `within` before `dateOfRequest`.
    case series(area: String?, min: Int, span: TimeWindow?, within: TimeWindow?)
    /// For each attainment area (or the one named): progress measured by `test`.
    case progress(area: String?, test: ProgressTest, ratio: Double)
    /// Each provision line names the outcome it serves (when `outcome`) and cites progress
    /// evidence that the bundle holds (when `progressEvidence`).
    case linkage(outcome: Bool, progressEvidence: Bool)

    /// The YAML key of the check.
    public var key: String {
        switch self {
        case .series: "series"
        case .progress: "progress"
        case .linkage: "linkage"
        }
    }

    /// What the check asks for, in words.
    public var summary: String {
        switch self {
        case .series(let area, let min, let span, let within):
            var text = "at least \(min) dated attainment point(s) in \(area.map { "the area \($0)" } ?? "each area")"
            if let span { text += " spanning at least \(span)" }
            if let within { text += ", the latest within \(within)" }
            return text
        case .progress(let area, let test, let ratio):
            let subject = area.map { "the area \($0)" } ?? "each area"
            switch test {
            case .rate:
                let share = ratio == 1 ? "the expected rate" : "\(Value.format(ratio)) times the expected rate"
                return "the fitted rate of progress in \(subject) is at least \(share)"
            case .gap: return "the gap to expected in \(subject) closes over the graduated approach"
            }
        case .linkage(let outcome, let progressEvidence):
            let parts = [outcome ? "names the outcome it serves" : nil, progressEvidence ? "cites progress evidence held in the bundle" : nil]
            return "each provision line " + parts.compactMap { $0 }.joined(separator: " and ")
        }
    }
}

/// How a `progress` check measures progress.
public enum ProgressTest: String, Sendable, CaseIterable {
    /// The least-squares rate per month against `ratio` times the expected rate.
    case rate
    /// The gap to expected at the end of the graduated approach against its start.
    case gap
}

extension RuleCheck {
    /// The list a progress check is about (`attainment`, or `provision` for a linkage), so that
    /// checklists file it with the fields it asks for.
    public var progressSubject: String? {
        switch self {
        case .progress(.linkage): "provision"
        case .progress: "attainment"
        default: nil
        }
    }
}
