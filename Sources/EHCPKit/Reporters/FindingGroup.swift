/// What a reader has to do about a finding: the headings of the HTML and Markdown reports.
public enum FindingGroup: String, Sendable, CaseIterable {
    case missingEvidence = "missing-evidence"
    case staleEvidence = "stale-evidence"
    case detailsToCorrect = "details-to-correct"
    case notes

    /// The heading of the group.
    public var title: String {
        switch self {
        case .missingEvidence: "Missing evidence"
        case .staleEvidence: "Evidence that is out of date"
        case .detailsToCorrect: "Details to correct"
        case .notes: "Notes"
        }
    }

    /// What to do, in one sentence.
    public var advice: String {
        switch self {
        case .missingEvidence: "Gather these documents and attach them to the request before sending it."
        case .staleEvidence: "Ask for more recent reports, or say in the request why these are still current."
        case .detailsToCorrect: "Correct these in the application form or its files."
        case .notes: "Nothing here stops the request; read them before sending."
        }
    }

    /// The group of `finding`: notes for information, otherwise by the kind of check that made it.
    public static func of(_ finding: Finding, rule: Rule?) -> FindingGroup {
        guard finding.severity != .info else { return .notes }
        if let rule {
            switch rule.check {
            case .evidence, .count, .duration: return .missingEvidence
            case .recency: return .staleEvidence
            case .field, .xpath: return .detailsToCorrect
            case .progress(.progress): return .detailsToCorrect
            case .progress: return .missingEvidence
            }
        }
        return ["FILE-MISSING", "FILE-EMPTY"].contains(finding.rule) ? .missingEvidence : .detailsToCorrect
    }

    /// The findings of `report` by group, in the order of `allCases`, leaving out empty groups.
    static func grouped(_ report: BundleReport, context: ReportContext) -> [(group: FindingGroup, findings: [Finding])] {
        let groups = Dictionary(grouping: report.findings) { of($0, rule: context.rule($0.rule, in: report)) }
        return allCases.compactMap { group in groups[group].map { (group, $0) } }
    }
}

extension Basis {
    /// What the basis means for the request, in plain words.
    public var explanation: String {
        switch self {
        case .law: "Law: a requirement of the Children and Families Act 2014 or the SEND Regulations 2014."
        case .statutoryGuidance: "Statutory guidance: the SEND Code of Practice, which authorities must have regard to; not itself a legal requirement."
        case .practical:
            "Practical: what any authority needs to identify the child and act on the request. The law prescribes no form or content for a request."
        case .local:
            "Local practice: the authority's own expectation, not a legal condition of a request. It may ask a setting for it before deciding; a parent's or young person's request stands without it."
        case .format: "Format: the request document or its files cannot be read as they are."
        }
    }

    /// A short label.
    public var label: String {
        switch self {
        case .law: "Law"
        case .statutoryGuidance: "Statutory guidance"
        case .practical: "Practical"
        case .local: "Local practice"
        case .format: "Format"
        }
    }
}

extension Severity {
    /// "Error", "Warning" or "Note".
    public var label: String {
        switch self {
        case .error: "Error"
        case .warning: "Warning"
        case .info: "Note"
        }
    }
}

extension Rule {
    /// Evidence types each with its plain label: "sen-support-plan (an SEN support plan) or …".
    private static func labelled(_ types: [String]) -> String {
        types.map { type in Vocabulary.evidenceType.label(type).map { "\(type) (\($0))" } ?? type }.joined(separator: " or ")
    }

    /// What the rule checks, as a sentence: "Checks that at least 1 evidence item(s) of type consent-form …".
    var plainSummary: String {
        "The rule checks that " + summary + "."
    }

    /// For a rule asking for evidence, the `type` values an evidence item may carry to meet it:
    /// "an evidence item with type: educational-psychologist-report or specialist-teacher-report,
    /// dated within 24 months".
    public var satisfiedBy: String? {
        switch check {
        case .evidence(let check):
            let types = check.types
            let min = check.min
            let within = check.within
            let authorRole = check.authorRole
            // A rule with `min: 0` only caps how many there may be: no item satisfies it.
            guard min > 0 else { return nil }
            return "an evidence item with type: " + Self.labelled(types)
                + (authorRole.map { ", written by \(Vocabulary.professionalRole.label($0) ?? "a \($0)")" } ?? "")
                + (within.map { ", dated within \($0)" } ?? "")
        case .recency(let check):
            let types = check.types
            let within = check.within
            return "an evidence item with type: " + Self.labelled(types) + ", dated within \(within)"
        default:
            return nil
        }
    }
}

extension Finding {
    /// Why the finding matters, in plain words: its basis explained, except for a note about the
    /// check itself (a built-in notice such as `AUTHORITY-NO-LOCAL-RULES`), which is not a fault
    /// in the request.
    public var why: String {
        severity == .info && basis == .format
            ? "A note about what ehcp checked, not a fault in the request."
            : basis.explanation
    }
}
