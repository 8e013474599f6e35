/// Plain-English summaries of checks and conditions, for `explain` and `rules diff`.
extension RuleCheck {
    /// What the check asks for, in words that do not depend on the rule's id or message.
    public var summary: String {
        func filter(_ values: [String: String]) -> String {
            values.isEmpty ? "" : " where " + values.sorted { $0.key < $1.key }.map { "\($0.key) is \($0.value)" }.joined(separator: " and ")
        }
        switch self {
        case .evidence(let check):
            let types = check.types, min = check.min, max = check.max, within = check.within, authorRole = check.authorRole, values = check.where
            let bounds = [min > 0 || max == nil ? "at least \(min)" : nil, max.map { "at most \($0)" }].compactMap { $0 }
            var text = "\(bounds.joined(separator: " and ")) evidence item(s) of type \(types.joined(separator: " or "))"
            if let within { text += " dated within \(within)" }
            if let authorRole { text += " by a \(authorRole)" }
            return text + filter(values)
        case .field(let check):
            let path = check.path, required = check.required, pattern = check.pattern, min = check.min, max = check.max, oneOf = check.oneOf, before = check.before, after = check.after
            var parts: [String] = []
            if required { parts.append("is given") }
            if let pattern { parts.append("matches \(pattern.source)") }
            if let min { parts.append("is at least \(min)") }
            if let max { parts.append("is at most \(max)") }
            if let oneOf { parts.append("is one of \(oneOf.joined(separator: ", "))") }
            if !before.isEmpty { parts.append("is on or before \(RuleEvaluator.anyOf(before))") }
            if !after.isEmpty { parts.append("is on or after \(RuleEvaluator.anyOf(after))") }
            return "\(path) " + (parts.isEmpty ? "is checked" : parts.joined(separator: " and "))
        case .recency(let check):
            let types = check.types, within = check.within, values = check.where
            return "every \(types.joined(separator: " or ")) is dated within \(within)" + filter(values)
        case .count(let check):
            let path = check.path, values = check.where, min = check.min, max = check.max
            let bounds = [min.map { "at least \($0)" }, max.map { "at most \($0)" }].compactMap { $0 }.joined(separator: " and ")
            return "\(bounds) \(path) item(s)" + filter(values)
        case .duration(let check):
            let path = check.path, from = check.from, to = check.to, min = check.min
            return "\(path) spans at least \(min) (from the earliest \(from) to the latest \(to))"
        case .xpath(let expression):
            return "XPath: \(expression.source)"
        case .progress(let check):
            return check.summary
        }
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
