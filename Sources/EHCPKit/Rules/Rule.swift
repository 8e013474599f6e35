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
    /// item from the check (`ChecklistWording`).
    public var checklist: String? = nil
    /// Conditions that must all hold for the rule to apply.
    public var when: [Condition]
    /// Conditions that, when all hold, keep the rule from applying ("unless a diagnosis is confirmed").
    public var unless: [Condition] = []
    public var check: RuleCheck
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
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case notEqual = "!="
    case equal = "=="
    case less = "<"
    case greater = ">"

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

/// `evidence:` — at least `min` and at most `max` evidence items of `types`, dated within
/// `within`, by an author in `authorRole`, whose fields match `where`.
public struct EvidenceCheck: Sendable {
    public var types: [String]
    public var min: Int
    public var max: Int?
    public var within: TimeWindow?
    public var authorRole: String?
    public var `where`: [String: String]

    public init(types: [String], min: Int, max: Int? = nil, within: TimeWindow? = nil, authorRole: String? = nil, where filter: [String: String] = [:]) {
        self.types = types
        self.min = min
        self.max = max
        self.within = within
        self.authorRole = authorRole
        self.where = filter
    }
}

/// `field:` — the value at `path` is given (when `required`), matches `pattern`, lies between
/// `min` and `max`, is one of `oneOf`; a date is on or before any one of `before`, and on or
/// after any one of `after`.
public struct FieldCheck: Sendable {
    public var path: String
    public var required: Bool
    public var pattern: Pattern?
    public var min: String?
    public var max: String?
    public var oneOf: [String]?
    public var before: [DateBound]
    public var after: [DateBound]

    public init(
        path: String, required: Bool, pattern: Pattern? = nil, min: String? = nil, max: String? = nil, oneOf: [String]? = nil,
        before: [DateBound] = [], after: [DateBound] = []
    ) {
        self.path = path
        self.required = required
        self.pattern = pattern
        self.min = min
        self.max = max
        self.oneOf = oneOf
        self.before = before
        self.after = after
    }
}

/// `recency:` — every evidence item of `types` whose fields match `where` is dated within `within`.
public struct RecencyCheck: Sendable {
    public var types: [String]
    public var within: TimeWindow
    public var `where`: [String: String]

    public init(types: [String], within: TimeWindow, where filter: [String: String] = [:]) {
        self.types = types
        self.within = within
        self.where = filter
    }
}

/// `count:` — between `min` and `max` items of the list at `path` whose fields match `where`.
public struct CountCheck: Sendable {
    public var path: String
    public var `where`: [String: String]
    public var min: Int?
    public var max: Int?

    public init(path: String, where filter: [String: String] = [:], min: Int? = nil, max: Int? = nil) {
        self.path = path
        self.where = filter
        self.min = min
        self.max = max
    }
}

/// `duration:` — the items of the list at `path` span at least `min`, from the earliest `from`
/// date to the latest `to` date.
public struct DurationCheck: Sendable {
    public var path: String
    public var from: String
    public var to: String
    public var min: TimeWindow

    public init(path: String, from: String, to: String, min: TimeWindow) {
        self.path = path
        self.from = from
        self.to = to
        self.min = min
    }
}

/// The one check a rule makes.
public enum RuleCheck: Sendable {
    /// At least `min` and at most `max` matching evidence items.
    case evidence(EvidenceCheck)
    /// A value must exist or match.
    case field(FieldCheck)
    /// Every evidence item of the types is recent enough.
    case recency(RecencyCheck)
    /// How many items a list holds.
    case count(CountCheck)
    /// How long a list's dated items span.
    case duration(DurationCheck)
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
