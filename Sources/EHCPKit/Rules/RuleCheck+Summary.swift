/// Plain-English summaries of checks and conditions, for `explain` and `rules diff`.
extension RuleCheck {
    /// What the check asks for, in words that do not depend on the rule's id or message.
    public var summary: String {
        switch self {
        case .evidence(let check): check.summary
        case .field(let check): check.summary
        case .recency(let check): check.summary
        case .count(let check): check.summary
        case .duration(let check): check.summary
        case .xpath(let expression): "XPath: \(expression.source)"
        case .progress(let check): check.summary
        }
    }

    /// ` where key is value and …` for the item fields a check filters on; empty for none.
    static func filterSummary(_ values: [String: String]) -> String {
        values.isEmpty ? "" : " where " + values.sorted { $0.key < $1.key }.map { "\($0.key) is \($0.value)" }.joined(separator: " and ")
    }
}

extension EvidenceCheck {
    /// How many evidence items of which types, how recent and by whom, in words.
    public var summary: String {
        let bounds = [min > 0 || max == nil ? "at least \(min)" : nil, max.map { "at most \($0)" }].compactMap { $0 }
        var text = "\(bounds.joined(separator: " and ")) evidence item(s) of type \(types.joined(separator: " or "))"
        if let within { text += " dated within \(within)" }
        if let authorRole { text += " by a \(authorRole)" }
        return text + RuleCheck.filterSummary(self.where)
    }
}

extension FieldCheck {
    /// What the field must be, in words.
    public var summary: String {
        var parts: [String] = []
        if required { parts.append("is given") }
        if let pattern { parts.append("matches \(pattern.source)") }
        if let min { parts.append("is at least \(min)") }
        if let max { parts.append("is at most \(max)") }
        if let oneOf { parts.append("is one of \(oneOf.joined(separator: ", "))") }
        if !before.isEmpty { parts.append("is on or before \(RuleEvaluator.anyOf(before))") }
        if !after.isEmpty { parts.append("is on or after \(RuleEvaluator.anyOf(after))") }
        return "\(path) " + (parts.isEmpty ? "is checked" : parts.joined(separator: " and "))
    }
}

extension RecencyCheck {
    /// Which evidence must be how recent, in words.
    public var summary: String {
        "every \(types.joined(separator: " or ")) is dated within \(within)" + RuleCheck.filterSummary(self.where)
    }
}

extension CountCheck {
    /// How many items the list must hold, in words.
    public var summary: String {
        let bounds = [min.map { "at least \($0)" }, max.map { "at most \($0)" }].compactMap { $0 }.joined(separator: " and ")
        return "\(bounds) \(path) item(s)" + RuleCheck.filterSummary(self.where)
    }
}

extension DurationCheck {
    /// How long the dated items must span, in words.
    public var summary: String {
        "\(path) spans at least \(min) (from the earliest \(from) to the latest \(to))"
    }
}

extension Condition {
    /// The condition in words.
    public var summary: String {
        switch self {
        case .equals(let path, let anyOf): "\(path) is \(anyOf.joined(separator: " or "))"
        case .compare(let path, let op, let operand): "\(path) \(op.rawValue) \(operand)"
        case .present(let path): "\(path) is given"
        case .absent(let path): "\(path) is not given"
        case .xpath(let expression): "XPath \(expression.source)"
        }
    }
}

extension Rule {
    /// The check with its conditions: two rules with the same summary ask for the same thing.
    public var summary: String {
        check.summary + (when.isEmpty ? "" : ", when " + when.map(\.summary).joined(separator: " and "))
            + (unless.isEmpty ? "" : ", unless " + unless.map(\.summary).joined(separator: " and "))
    }
}

/// What one authority asks for that another does not, rule by rule.
public struct RuleDifference: Sendable {
    public var onlyInFirst: [Rule]
    public var onlyInSecond: [Rule]
    public var inBoth: Int

    /// Compares the effective rules of two authorities by what each rule checks.
    public init(_ first: [Rule], _ second: [Rule]) {
        let firstSummaries = Set(first.map(\.summary))
        let secondSummaries = Set(second.map(\.summary))
        onlyInFirst = first.filter { !secondSummaries.contains($0.summary) }
        onlyInSecond = second.filter { !firstSummaries.contains($0.summary) }
        inBoth = first.filter { secondSummaries.contains($0.summary) }.count
    }
}
