import EHCPSource
import EHCPXML

/// A rule set as published in a `requirements.yaml` (docs/design.md, Authorities, rule sets and formats).
public struct RuleSet: Sendable {
    public typealias Source = PublishedSource

    /// A change to an inherited rule.
    public struct Override: Sendable {
        public var severity: Severity?
        public var basis: Basis?
        public var message: String?
        public var location: SourceLocation
    }

    public var id: String
    public var authority: String?
    public var extends: String?
    public var version: String?
    public var effectiveFrom: CalendarDate?
    public var effectiveTo: CalendarDate?
    public var sources: [Source]
    public var rules: [Rule]
    public var overrides: [String: Override]
    public var disable: [(id: String, location: SourceLocation)]
    /// The file it was read from.
    public var file: String
}

/// One rule: metadata, optional conditions, and exactly one check.
public struct Rule: Sendable {
    public var id: String
    public var severity: Severity
    public var basis: Basis
    public var message: String
    public var reference: String?
    /// The published source the rule rests on, with its grade, when the rule names one.
    public var source: PublishedSource?
    /// The sentence of that source the rule rests on.
    public var quote: String?
    /// What to gather, in the checklist's own words ("an Educational Psychology report dated within
    /// the last 12 months"), when the rule's author gives them; otherwise the checklist words the
    /// item from the check (``ChecklistWording``).
    public var checklist: String? = nil
    /// Conditions that must all hold for the rule to apply.
    public var when: [Condition]
    /// Conditions that, when all hold, keep the rule from applying ("unless a diagnosis is confirmed").
    public var unless: [Condition] = []
    public var check: Check
    /// Where the rule is defined.
    public var location: SourceLocation
    /// The rule set that defines it.
    public var ruleset: String
}

/// A condition of a rule's `when`.
public enum Condition: Sendable {
    case equals(path: String, anyOf: [String])
    case compare(path: String, op: ComparisonOperator, operand: String)
    case present(String)
    case absent(String)
    case xpath(XPathExpression)
}

/// `<`, `<=`, `>`, `>=`, `==`, `!=`.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case lessOrEqual = "<=", greaterOrEqual = ">=", notEqual = "!=", equal = "==", less = "<", greater = ">"

    func holds(_ order: Int) -> Bool {
        switch self {
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        case .equal: order == 0
        case .notEqual: order != 0
        }
    }
}

/// The one check a rule makes.
public enum Check: Sendable {
    /// At least `min` and at most `max` matching evidence items.
    case evidence(types: [String], min: Int, max: Int?, within: TimeWindow?, authorRole: String?, where: [String: String])
    /// A value must exist or match; a date must be on or before any one of `before`, and on or
    /// after any one of `after`.
    case field(path: String, required: Bool, pattern: Pattern?, min: String?, max: String?, oneOf: [String]?, before: [DateBound], after: [DateBound])
    case recency(types: [String], within: TimeWindow, where: [String: String])
    case count(path: String, where: [String: String], min: Int?, max: Int?)
    case duration(path: String, from: String, to: String, min: TimeWindow)
    case xpath(XPathExpression)
    /// A check about attainment over time or provision linked to outcomes.
    case progress(ProgressCheck)

    /// The YAML key of the check.
    public var key: String {
        switch self {
        case .evidence: "evidence"
        case .field: "field"
        case .recency: "recency"
        case .count: "count"
        case .duration: "duration"
        case .xpath: "xpath"
        case .progress(let check): check.key
        }
    }
}
