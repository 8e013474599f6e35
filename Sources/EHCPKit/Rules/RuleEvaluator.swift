import EHCPSource
import EHCPXML

/// Evaluates rules against one application.
///
/// The canonical XML form, needed only by `xpath` checks and conditions, is built once on first
/// use, as libxml2 nodes straight from the encoded application (no XML text written and parsed
/// again), and shared by every rule of the run.
public final class RuleEvaluator {
    public let application: Application
    /// The date recency windows count back from.
    public let asOf: CalendarDate
    private var xmlDocument: XPathDocument?
    /// The application's evidence items and attainment series, gathered once for every rule.
    private(set) lazy var evidence = application.evidence
    private(set) lazy var attainmentSeries = application.attainmentSeries

    /// Paths whose value is present in the document but could not be read (a malformed date, a
    /// code not in the list): a required-field rule says so instead of calling them missing.
    public let unreadable: Set<String>

    public init(application: Application, asOf: CalendarDate, unreadable: Set<String> = []) {
        self.application = application
        self.asOf = asOf
        self.unreadable = unreadable
    }

    /// The findings of `rule`; none when its `when` conditions do not all hold, or its `unless`
    /// conditions all do.
    ///
    /// - Throws: `DiagnosticList` at the rule's place when its XPath cannot be evaluated: a rule
    ///   that cannot be checked is a fault of the rule set, never a silent pass or failure.
    public func evaluate(_ rule: Rule) throws -> [Finding] {
        try evaluate(compiled: CompiledRule(rule))
    }

    /// The findings of a rule compiled once for the run; as ``evaluate(_:)``.
    public func evaluate(compiled: CompiledRule) throws -> [Finding] {
        do {
            return try findings(compiled)
        } catch let error as DiagnosticList {
            let reason = error.diagnostics.map(\.message).joined(separator: "; ")
            throw DiagnosticList([.error("rule \(compiled.rule.id) could not be checked: \(reason)", at: compiled.rule.location)])
        }
    }

    private func findings(_ compiled: CompiledRule) throws -> [Finding] {
        for condition in compiled.when where !(try holds(condition)) { return [] }
        if !compiled.unless.isEmpty, try compiled.unless.allSatisfy(holds) { return [] }
        let rule = compiled.rule
        switch rule.check {
        case .evidence(let check):
            let types = check.types
            let min = check.min
            let max = check.max
            let within = check.within
            let authorRole = check.authorRole
            let filter = check.where
            let cutoff = within?.before(asOf)
            let matching = evidence.filter { item in
                guard let type = item["type"]?.text, types.contains(type) else { return false }
                if let cutoff, (item["date"]?.date).map({ $0 < cutoff }) ?? true { return false }
                if let authorRole, item["author"]?.record?["role"]?.text != authorRole { return false }
                return Self.matches(item, filter)
            }
            if matching.count < min { return [finding(rule, path: "evidence", detail: "found \(matching.count) of the \(min) needed")] }
            if let max, matching.count > max {
                let dated = within.map { " dated within \($0)" } ?? ""
                return [finding(rule, path: "evidence", detail: "found \(matching.count)\(dated), at most \(max) expected")]
            }
            return []
        case .field(let check):
            return fieldFindings(compiled, check)
        case .recency(let check):
            let types = check.types
            let within = check.within
            let filter = check.where
            return recencyFindings(rule, types: types, within: within, filter: filter)
        case .count(let check):
            let path = check.path
            let filter = check.where
            let min = check.min
            let max = check.max
            let items = application.list(at: compiled.path ?? FieldPath(path))?.items.compactMap(\.record) ?? []
            let count = items.filter { Self.matches($0, filter) }.count
            if let min, count < min { return [finding(rule, path: path, detail: "found \(count), at least \(min) expected")] }
            if let max, count > max { return [finding(rule, path: path, detail: "found \(count), at most \(max) expected")] }
            return []
        case .duration(let check):
            let path = check.path
            let from = check.from
            let to = check.to
            let min = check.min
            let items = application.list(at: compiled.path ?? FieldPath(path))?.items.compactMap(\.record) ?? []
            let starts = items.compactMap { $0[from]?.date }
            let ends = items.compactMap { $0[to]?.date }
            guard let start = starts.min(), let end = ends.max() else {
                return [finding(rule, path: path, detail: "no dated items")]
            }
            guard end < min.after(start) else { return [] }
            return [finding(rule, path: path, detail: "\(end.dayNumber - start.dayNumber) days covered, \(min) expected")]
        case .xpath(let expression):
            return try xpath(expression) ? [] : [finding(rule, path: nil, detail: nil)]
        case .progress(let check):
            return progressFindings(rule, check)
        }
    }

    // MARK: - Conditions

    func holds(_ condition: CompiledCondition) throws(DiagnosticList) -> Bool {
        switch condition {
        case .present(let path): return given(path)
        case .absent(let path): return !given(path)
        case .xpath(let expression): return try xpath(expression)
        case .equals(let path, let anyOf):
            return application.containsValue(at: path) { anyOf.contains($0.comparableText) }
        case .compare(let path, let op, let operand):
            return application.containsValue(at: path) { Self.order($0, operand).map(op.holds) ?? false }
        }
    }

    /// True when `path` has a value; text of nothing but spaces is not one.
    private func given(_ path: FieldPath) -> Bool {
        application.containsValue(at: path) { $0.text.map { !$0.allSatisfy(\.isWhitespace) } ?? true }
    }

    /// -1, 0 or 1 comparing `value` with `operand` (a number, a date, or text for == and !=).
    static func order(_ value: Value, _ operand: ComparisonOperand) -> Int? {
        if let number = value.number, let other = operand.number {
            return number < other ? -1 : number > other ? 1 : 0
        }
        if let date = value.date, let other = operand.date {
            return date < other ? -1 : date > other ? 1 : 0
        }
        let text = value.comparableText
        return text == operand.text ? 0 : (text < operand.text ? -1 : 1)
    }

    /// Field equality; `false` also matches a boolean field that is absent.
    static func matches(_ item: Record, _ filter: [String: String]) -> Bool {
        filter.allSatisfy { key, expected in
            guard let value = item[key] else { return expected == "false" }
            return value.comparableText == expected
        }
    }

    private func xpath(_ expression: XPathExpression) throws(DiagnosticList) -> Bool {
        if xmlDocument == nil {
            xmlDocument = XPathDocument(
                building: ApplicationEncoder.encode(application), name: "application",
                namespace: CanonicalSchema.namespace, namespaces: [("a", CanonicalSchema.namespace)])
        }
        guard let xmlDocument else { throw .error("the application could not be turned into XML for XPath") }
        return try xmlDocument.boolean(expression)
    }

    // MARK: - Findings

    func finding(_ rule: Rule, path: String?, detail: String?, severity: Severity? = nil, location: SourceLocation? = nil) -> Finding {
        let located = location ?? path.flatMap { application.list(at: $0)?.location.location ?? application.values(at: $0).first?.value.location }
        var finding = Finding(
            rule: rule.id, severity: severity ?? rule.severity, basis: rule.basis,
            message: detail.map { "\(rule.message) (\($0))" } ?? rule.message, path: path,
            location: located ?? application.root.location, reference: rule.reference, ruleSource: rule.location)
        finding.source = rule.source
        return finding
    }

    private func recencyFindings(_ rule: Rule, types: [String], within: TimeWindow, filter: [String: String]) -> [Finding] {
        var findings: [Finding] = []
        for (index, item) in evidence.enumerated() {
            guard let type = item["type"]?.text, types.contains(type), Self.matches(item, filter) else { continue }
            guard let date = item["date"]?.date else {
                findings.append(finding(rule, path: "evidence[\(index)]", detail: "\(type) has no date, so its age cannot be checked", location: item.location))
                continue
            }
            // Stale once the date falls before the window counted back from the day; that day is
            // found from date + window, stepping past month-end clamping (29 February + 1 year).
            var expiry = within.after(date)
            while !(date < within.before(expiry)) { expiry = expiry.adding(days: 1) }
            let path = "evidence[\(index)].date"
            let location = item["date"]?.location
            if date < within.before(asOf) {
                findings.append(finding(rule, path: path, detail: "\(type) went out of date on \(expiry): older than \(within)", location: location))
            } else if expiry.dayNumber - asOf.dayNumber <= 30 {
                findings.append(
                    finding(rule, path: path, detail: "\(type) goes out of date on \(expiry); renew it before sending", severity: .info, location: location))
            }
        }
        return findings
    }

    private func fieldFindings(_ compiled: CompiledRule, _ check: FieldCheck) -> [Finding] {
        let path = check.path
        let pattern = check.pattern
        let min = compiled.min
        let max = compiled.max
        let oneOf = check.oneOf
        let earliest = compiled.before.compactMap { $0.resolve(in: application) }
        let latest = compiled.after.compactMap { $0.resolve(in: application) }
        var findings: [Finding] = []
        var found = false
        application.visitValues(at: compiled.path ?? FieldPath(path)) { value, written in
            found = true
            var problems: [String] = []
            if let pattern, !pattern.matches(value.comparableText) { problems.append("does not have the expected form") }
            if let min, let order = Self.order(value, min), order < 0 { problems.append("is below \(min.text)") }
            if let max, let order = Self.order(value, max), order > 0 { problems.append("is above \(max.text)") }
            if let oneOf, !oneOf.contains(value.comparableText) { problems.append("is not one of \(oneOf.joined(separator: ", "))") }
            if let date = value.date, !earliest.isEmpty, !earliest.contains(where: { date <= $0 }) {
                problems.append("is later than \(Self.anyOf(check.before))")
            }
            if let date = value.date, !latest.isEmpty, !latest.contains(where: { date >= $0 }) {
                problems.append("is earlier than \(Self.anyOf(check.after))")
            }
            if !problems.isEmpty {
                let matchPath = written()
                findings.append(finding(compiled.rule, path: matchPath, detail: "\(matchPath) \(problems.joined(separator: "; "))", location: value.location))
            }
            return true
        }
        guard !found, check.required else { return findings }
        let detail =
            unreadable.contains(path)
            ? "\(path) is given but could not be read as written; see the other finding at this field" : "\(path) is missing"
        return [finding(compiled.rule, path: path, detail: detail)]
    }

    /// Bounds as a message names them: `dateOfRequest - 2 years or setting.admitted`.
    static func anyOf(_ bounds: [DateBound]) -> String {
        bounds.map(\.description).joined(separator: " or ")
    }
}
