/// A parent or young person may request an assessment by letter (CFA 2014 s36(1)); no authority can
/// make its own forms, consent forms, descriptors or school records a condition of their request.
///
/// So on a request made by a parent or young person, a finding of a `local` rule is at most a
/// warning, and says why. This is applied by the engine to every rule set, whatever its author
/// wrote, so no published or draft rule set can turn local practice into a refusal.
public enum RequesterFairness {
    /// Requesters whose request no local practice can invalidate.
    public static let protectedRoles: Set<String> = ["parent", "young-person"]

    /// The sentence added to a lowered finding.
    public static let explanation =
        "The authority may ask the setting for this, but cannot refuse to consider a parent's or young person's request without it: they may request by letter (CFA 2014 s36(1))."

    /// `findings` with every `local` error lowered to a warning when `requesterRole` is protected.
    public static func apply(_ findings: [Finding], requesterRole: String?) -> [Finding] {
        guard let requesterRole, protectedRoles.contains(requesterRole) else { return findings }
        return findings.map { finding in
            guard finding.basis == .local, finding.severity == .error else { return finding }
            var lowered = finding
            lowered.severity = .warning
            lowered.loweredFrom = .error
            lowered.message += " " + explanation
            return lowered
        }
    }
}
