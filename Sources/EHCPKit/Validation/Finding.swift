import EHCPSource

/// Why a rule exists: the law, statutory guidance, what any authority needs to act on a request,
/// an authority's own practice, or (for the built-in checks) the canonical format itself.
public enum Basis: String, Sendable, Codable, CaseIterable {
    /// What an Act or the Regulations require, with the section.
    case law
    /// The SEND Code of Practice: authorities must have regard to it; it is not itself a requirement.
    case statutoryGuidance = "statutory-guidance"
    /// What an authority needs to identify the child and act on the request (an addition to the
    /// contract): the law prescribes no form or content for a request.
    case practical
    /// An authority's own practice.
    case local
    /// Built-in checks of the canonical format (`SCHEMA-`, `ID-`, `FILE-`): an addition to the contract.
    case format
}

/// One result of validation: a rule that an application does not meet.
public struct Finding: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var basis: Basis
    public var message: String
    /// The canonical path, with list indices (`evidence[2].file`).
    public var path: String?
    /// Where in the bundle's document.
    public var location: SourceLocation?
    public var reference: String?
    /// Where the rule is defined (file and line).
    public var ruleSource: SourceLocation?
    /// The published source the rule rests on, with its grade and dates, when the rule names one.
    public var source: PublishedSource?
    /// The severity the rule gives, when the engine lowered it because a parent or young person
    /// made the request (see ``RequesterFairness``).
    public var loweredFrom: Severity?

    public init(
        rule: String, severity: Severity, basis: Basis, message: String, path: String? = nil,
        location: SourceLocation? = nil, reference: String? = nil, ruleSource: SourceLocation? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.basis = basis
        self.message = message
        self.path = path
        self.location = location
        self.reference = reference
        self.ruleSource = ruleSource
    }

    /// The reference, followed by what the rule's source is ("rests on a secondary copy dated
    /// 2018, read 2026-11-23") when the rule names a graded source.
    public var citation: String? { PublishedSource.citation(reference: reference, source: source) }

    /// A built-in finding about the canonical format.
    public static func builtIn(
        _ rule: String, _ message: String, path: String?, at location: SourceLocation?, severity: Severity = .error
    ) -> Finding {
        Finding(
            rule: rule, severity: severity, basis: .format, message: message, path: path, location: location,
            reference: "ehcp canonical application schema, version 1")
    }
}
