import EHCPXML

/// A rule ready to evaluate against many applications: its paths split into names and its
/// comparison operands read once, when the run first combines its rule set, never per bundle.
/// A class, so evaluating it shares the rule rather than copying its fields.
public final class CompiledRule: Sendable {
    public let rule: Rule
    let when: [CompiledCondition]
    let unless: [CompiledCondition]
    /// The path of a `field`, `count` or `duration` check.
    let path: FieldPath?
    /// A `field` check's `min` and `max`.
    let min: ComparisonOperand?
    let max: ComparisonOperand?
    /// A `field` check's `before` and `after` bounds, each with its path compiled.
    let before: [CompiledDateBound]
    let after: [CompiledDateBound]

    public init(_ rule: Rule) {
        self.rule = rule
        when = rule.when.map(CompiledCondition.init)
        unless = rule.unless.map(CompiledCondition.init)
        switch rule.check {
        case .field(let check):
            path = FieldPath(check.path)
            min = check.min.map(ComparisonOperand.init)
            max = check.max.map(ComparisonOperand.init)
            before = check.before.map(CompiledDateBound.init)
            after = check.after.map(CompiledDateBound.init)
        case .count(let check):
            (path, min, max, before, after) = (FieldPath(check.path), nil, nil, [], [])
        case .duration(let check):
            (path, min, max, before, after) = (FieldPath(check.path), nil, nil, [], [])
        case .evidence, .recency, .xpath, .progress:
            (path, min, max, before, after) = (nil, nil, nil, [], [])
        }
    }
}

/// A condition of a rule's `when` or `unless`, compiled.
enum CompiledCondition: Sendable {
    case equals(FieldPath, anyOf: [String])
    case compare(FieldPath, ComparisonOperator, ComparisonOperand)
    case present(FieldPath)
    case absent(FieldPath)
    case xpath(XPathExpression)

    init(_ condition: Condition) {
        switch condition {
        case .equals(let path, let anyOf): self = .equals(FieldPath(path), anyOf: anyOf)
        case .compare(let path, let op, let operand): self = .compare(FieldPath(path), op, ComparisonOperand(operand))
        case .present(let path): self = .present(FieldPath(path))
        case .absent(let path): self = .absent(FieldPath(path))
        case .xpath(let expression): self = .xpath(expression)
        }
    }
}

/// The text a value is compared with, read once as a number and as a date.
struct ComparisonOperand: Sendable {
    let text: String
    let number: Double?
    let date: CalendarDate?

    init(_ text: String) {
        self.text = text
        number = Double(text)
        date = CalendarDate(iso: text)
    }
}

/// A `before` or `after` bound with its base path compiled.
struct CompiledDateBound: Sendable {
    let bound: DateBound
    let path: FieldPath?

    init(_ bound: DateBound) {
        self.bound = bound
        if case .path(let text) = bound.base { path = FieldPath(text) } else { path = nil }
    }

    func resolve(in application: Application) -> CalendarDate? {
        bound.resolve(in: application, path: path)
    }
}
