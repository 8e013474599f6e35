/// What ehcp knows of one authority's own practice: the research result its folder records (or
/// that it has not been researched yet), whether it has rules of its own, and its Local Offer page.
///
/// This is what lets a command say plainly when only the statutory baseline applies, instead of
/// presenting the baseline as that authority's list.
public struct AuthorityResearch: Sendable {
    public var authority: AuthorityCatalog.Entry
    /// The authority's `authority.yaml`, or nil when it has no folder yet.
    public var metadata: AuthorityMetadata?
    /// True when the authority's folder has a `requirements.yaml`.
    public var hasOwnRules: Bool

    /// The research result's id: `rules`, `nothing-beyond-law`, `no-source-found` or `not-researched`.
    public var resultID: String { metadata?.result.rawValue ?? Self.notResearched }
    /// "own rules", "nothing beyond the law", "no source found" or "not yet researched".
    public var phrase: String { metadata?.result.phrase ?? "not yet researched" }
    /// The authority's Local Offer page about requesting an assessment, when known.
    public var localOffer: String? { metadata?.localOffer }
    /// The newest date on which one of its sources was read.
    public var newestSource: CalendarDate? { metadata?.newestRead }

    static let notResearched = "not-researched"

    public init(authority: AuthorityCatalog.Entry, metadata: AuthorityMetadata?, hasOwnRules: Bool) {
        self.authority = authority
        self.metadata = metadata
        self.hasOwnRules = hasOwnRules
    }

    /// The research recorded for `authority` in `catalog`.
    ///
    /// - Throws: `DiagnosticList` when its `authority.yaml` is invalid.
    public static func load(
        _ authority: AuthorityCatalog.Entry, from catalog: RuleSetCatalog,
        authorities: AuthorityCatalog = .builtIn
    ) throws -> AuthorityResearch {
        let metadata = try catalog.metadataFile(forCode: authority.code).map { file in
            try AuthorityMetadata.load(try catalog.contents(of: file), file: file, authorities: authorities)
        }
        return AuthorityResearch(authority: authority, metadata: metadata, hasOwnRules: catalog.requirementsFile(forCode: authority.code) != nil)
    }

    /// The rule id of the notice given for an authority without rules of its own.
    public static let noLocalRulesRule = "AUTHORITY-NO-LOCAL-RULES"

    /// A plain statement that ehcp holds no rules of this authority's own, why, and where to look
    /// instead; nil when the authority has its own rules.
    public var noLocalRulesNotice: String? {
        guard !hasOwnRules else { return nil }
        let name = authority.name
        let why =
            switch metadata?.result {
            case .nothingBeyondLaw?: "research found that \(name) publishes nothing beyond the law"
            case .noSourceFound?: "research found no published guidance from \(name) on what to send"
            case .rules?, nil: "\(name)'s published practice has not been researched yet"
            }
        let look = localOffer.map { "see its Local Offer page: \($0)" } ?? "see its Local Offer."
        return "ehcp holds no rules of \(name)'s own: \(why). Only the statutory baseline (the law and statutory guidance) is checked here, "
            + "not a list of \(name)'s own; for what it expects in practice, \(look)"
    }

    /// The notice as an `info` finding, or nil when the authority has its own rules.
    public var noLocalRulesFinding: Finding? {
        noLocalRulesNotice.map { Finding(rule: Self.noLocalRulesRule, severity: .info, basis: .format, message: $0, reference: localOffer) }
    }
}
