import EHCPSource

extension RuleSet {
    /// Notes for the author of each `local` error that can apply to a parent's or young person's
    /// request: the engine reports it there as a warning (``RequesterFairness``), so say so now.
    public var fairnessNotes: [Diagnostic] {
        rules.filter { $0.basis == .local && $0.severity == .error && $0.canApplyToProtectedRequester }.map { rule in
            .init(
                .info,
                "rule \(rule.id) is a local error with no condition on requester.role: on a parent's or young person's request it is reported as a warning, because they may request by letter; add `when: { requester.role: setting }` if it is about the setting's paperwork",
                at: rule.location)
        }
    }
}

extension Rule {
    /// False when a `when` condition on `requester.role` rules out parents and young people.
    var canApplyToProtectedRequester: Bool {
        !when.contains { condition in
            guard case .equals("requester.role", let anyOf) = condition else { return false }
            return RequesterFairness.protectedRoles.isDisjoint(with: anyOf)
        }
    }
}
