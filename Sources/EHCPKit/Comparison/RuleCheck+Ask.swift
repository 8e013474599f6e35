extension RuleCheck {
    /// What the check asks for in a few words, for one cell of the national matrix: "24 months",
    /// "2 cycles", "£6,000", "EHC1", or "asked" when the rule sets no number or name.
    public var ask: String {
        switch self {
        case .evidence(let check):
            let min = check.min
            let max = check.max
            let within = check.within
            let count = min > 1 ? "\(min) documents" : max.map { "at most \($0)" }
            return [count, within.map { "within \($0)" }].compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "asked"
        case .recency(let check):
            let within = check.within
            return "within \(within)"
        case .count(let check):
            let path = check.path
            let min = check.min
            let max = check.max
            let noun = Self.countNouns[path] ?? ("item", "items")
            if let min, min > 0 { return "\(min) \(min == 1 ? noun.0 : noun.1)" + (max.map { " to \($0)" } ?? "") }
            return max.map { "at most \($0) \($0 == 1 ? noun.0 : noun.1)" } ?? "asked"
        case .duration(let check):
            let min = check.min
            return "\(min)"
        case .field(let check):
            let path = check.path
            let pattern = check.pattern
            let min = check.min
            let max = check.max
            let oneOf = check.oneOf
            if let oneOf { return oneOf.count <= 2 ? oneOf.joined(separator: " or ") : "one of \(oneOf.count) values" }
            if let min, path == "provisionTotal" { return Self.pounds(min) }
            if let min { return "at least \(min)" + (max.map { ", at most \($0)" } ?? "") }
            if let max { return "at most \(max)" }
            if path == "form.name" { return pattern == nil ? "form named" : "named form" }
            if path == "form.version" { return "form version" }
            return pattern == nil ? "given" : "set pattern"
        case .xpath:
            return "asked"
        case .progress(.series(_, let min, let span, _)):
            return "\(min) points" + (span.map { " over \($0)" } ?? "")
        case .progress(.progress(_, let test, _)):
            return test == .rate ? "rate of progress" : "gap closing"
        case .progress(.linkage):
            return "linked to outcomes"
        }
    }

    private static let countNouns: [String: (String, String)] = [
        "graduatedApproach": ("cycle", "cycles"), "professionals": ("professional", "professionals"), "consent": ("consent", "consents"),
        "provision": ("line", "lines"), "attainment": ("data point", "data points"), "parents": ("parent", "parents"),
        "evidence": ("document", "documents")
    ]

    /// "6000" as "£6,000"; a sum with pence as "£12.50".
    static func pounds(_ text: String) -> String {
        guard let value = Double(text), value == value.rounded(), abs(value) < 1e15 else { return "£" + text }
        var digits = String(Int(value))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return "£" + digits + grouped
    }
}

extension String {
    /// The string, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
