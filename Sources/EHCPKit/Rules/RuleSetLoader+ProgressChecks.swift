import EHCPSource

/// Reading the `series`, `progress` and `linkage` checks, each parameter reported at its place.
extension RuleSetLoader {
    mutating func progressCheck(_ key: String, _ node: SourceNode, what: String) -> ProgressCheck? {
        switch key {
        case "series":
            guard let fields = mapping(node, allowed: ["area", "min", "span", "within"], what: what) else { return nil }
            let min = integer(fields["min"], what: "min") ?? 2
            if min < 1, let node = fields["min"] {
                diagnostics.error("min in \(what) should be 1 or more: a series needs a point", at: node.location)
            }
            return .series(
                area: area(fields["area"]), min: min,
                span: window(fields["span"], what: "span"), within: window(fields["within"], what: "within"))
        case "progress":
            guard let fields = mapping(node, allowed: ["area", "compare", "ratio"], what: what) else { return nil }
            var test = ProgressTest.rate
            if let node = fields["compare"], let value = text(node, what: "compare") {
                guard let chosen = ProgressTest(rawValue: value) else {
                    diagnostics.error("compare '\(value)' in \(what) is not one of: rate, gap", at: node.location)
                    return nil
                }
                test = chosen
            }
            var ratio = 1.0
            if let node = fields["ratio"], let value = text(node, what: "ratio") {
                guard let number = Double(value), number > 0, number <= 10 else {
                    diagnostics.error("ratio in \(what) should be a number above 0 and at most 10, such as 0.5 or 1", at: node.location)
                    return nil
                }
                if test == .gap { diagnostics.error("ratio applies to compare: rate, not to gap", at: node.location) }
                ratio = number
            }
            return .progress(area: area(fields["area"]), test: test, ratio: ratio)
        default:
            guard let fields = mapping(node, allowed: ["outcome", "progressEvidence"], what: what) else { return nil }
            let outcome = flag(fields["outcome"], what: "outcome")
            let progressEvidence = flag(fields["progressEvidence"], what: "progressEvidence")
            if !outcome, !progressEvidence {
                diagnostics.error("\(what) asks for nothing: set outcome or progressEvidence to true", at: node.location)
            }
            return .linkage(outcome: outcome, progressEvidence: progressEvidence)
        }
    }

    /// An area name: any text but blank.
    private mutating func area(_ node: SourceNode?) -> String? {
        guard let node, let value = text(node, what: "area") else { return nil }
        if value.allSatisfy(\.isWhitespace) { diagnostics.error("area should name an attainment area, such as reading", at: node.location) }
        return value
    }

    /// `true` or `false`; true when absent.
    private mutating func flag(_ node: SourceNode?, what: String) -> Bool {
        guard let node, let value = text(node, what: what) else { return true }
        guard value == "true" || value == "false" else {
            diagnostics.error("\(what) should be true or false", at: node.location)
            return true
        }
        return value == "true"
    }
}
