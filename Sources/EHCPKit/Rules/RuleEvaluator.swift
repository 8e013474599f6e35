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
        do {
            return try findings(rule)
        } catch let error as DiagnosticList {
            let reason = error.diagnostics.map(\.message).joined(separator: "; ")
            throw DiagnosticList([.error("rule \(rule.id) could not be checked: \(reason)", at: rule.location)])
        }
    }

    private func findings(_ rule: Rule) throws -> [Finding] {
        guard try rule.when.allSatisfy(holds) else { return [] }
        if !rule.unless.isEmpty, try rule.unless.allSatisfy(holds) { return [] }
        switch rule.check {
        case .evidence(let check):
            let types = check.types, min = check.min, max = check.max, within = check.within, authorRole = check.authorRole, filter = check.where
            let cutoff = within?.before(asOf)
            let matching = application.evidence.filter { item in
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
            let path = check.path, required = check.required, pattern = check.pattern, min = check.min, max = check.max, oneOf = check.oneOf, before = check.before, after = check.after
            return fieldFindings(rule, path: path, required: required, pattern: pattern, min: min, max: max, oneOf: oneOf, before: before, after: after)
        case .recency(let check):
            let types = check.types, within = check.within, filter = check.where
            return recencyFindings(rule, types: types, within: within, filter: filter)
        case .count(let check):
            let path = check.path, filter = check.where, min = check.min, max = check.max
            let items = application.list(at: path)?.items.compactMap(\.record) ?? []
            let count = items.filter { Self.matches($0, filter) }.count
            if let min, count < min { return [finding(rule, path: path, detail: "found \(count), at least \(min) expected")] }
            if let max, count > max { return [finding(rule, path: path, detail: "found \(count), at most \(max) expected")] }
            return []
        case .duration(let check):
            let path = check.path, from = check.from, to = check.to, min = check.min
            let items = application.list(at: path)?.items.compactMap(\.record) ?? []
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

    func holds(_ condition: Condition) throws(DiagnosticList) -> Bool {
        switch condition {
        case .present(let path): return given(path)
        case .absent(let path): return !given(path)
        case .xpath(let expression): return try xpath(expression)
        case .equals(let path, let anyOf):
            return application.values(at: path).contains { anyOf.contains($0.value.comparableText) }
        case .compare(let path, let op, let operand):
            return application.values(at: path).contains { match in
                Self.order(match.value, operand).map(op.holds) ?? false
            }
        }
    }

    /// True when `path` has a value; text of nothing but spaces is not one.
    private func given(_ path: String) -> Bool {
        application.values(at: path).contains { $0.value.text.map { !$0.allSatisfy(\.isWhitespace) } ?? true }
    }

    /// -1, 0 or 1 comparing `value` with `operand` (a number, a date, or text for == and !=).
    static func order(_ value: Value, _ operand: String) -> Int? {
        if let number = value.number, let other = Double(operand) {
            return number < other ? -1 : number > other ? 1 : 0
        }
        if let date = value.date, let other = CalendarDate(iso: operand) {
            return date < other ? -1 : date > other ? 1 : 0
        }
        let text = value.comparableText
        return text == operand ? 0 : (text < operand ? -1 : 1)
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
        for (index, item) in application.evidence.enumerated() {
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
                findings.append(finding(rule, path: path, detail: "\(type) goes out of date on \(expiry); renew it before sending", severity: .info, location: location))
            }
        }
        return findings
    }

    private func fieldFindings(
        _ rule: Rule, path: String, required: Bool, pattern: Pattern?, min: String?, max: String?, oneOf: [String]?,
        before: [DateBound], after: [DateBound]
    ) -> [Finding] {
        let matches = application.values(at: path)
        if matches.isEmpty {
            guard required else { return [] }
            let detail = unreadable.contains(path)
                ? "\(path) is given but could not be read as written; see the other finding at this field" : "\(path) is missing"
            return [finding(rule, path: path, detail: detail)]
        }
        var findings: [Finding] = []
        let earliest = before.compactMap { $0.resolve(in: application) }
        let latest = after.compactMap { $0.resolve(in: application) }
        for match in matches {
            var problems: [String] = []
            if let pattern, !pattern.matches(match.value.comparableText) { problems.append("does not have the expected form") }
            if let min, let order = Self.order(match.value, min), order < 0 { problems.append("is below \(min)") }
            if let max, let order = Self.order(match.value, max), order > 0 { problems.append("is above \(max)") }
            if let oneOf, !oneOf.contains(match.value.comparableText) { problems.append("is not one of \(oneOf.joined(separator: ", "))") }
            if let date = match.value.date, !earliest.isEmpty, !earliest.contains(where: { date <= $0 }) {
                problems.append("is later than \(Self.anyOf(before))")
            }
            if let date = match.value.date, !latest.isEmpty, !latest.contains(where: { date >= $0 }) {
                problems.append("is earlier than \(Self.anyOf(after))")
            }
            if !problems.isEmpty {
                findings.append(finding(rule, path: match.path, detail: "\(match.path) \(problems.joined(separator: "; "))", location: match.value.location))
            }
        }
        return findings
    }

    /// Bounds as a message names them: `dateOfRequest - 2 years or setting.admitted`.
    static func anyOf(_ bounds: [DateBound]) -> String {
        bounds.map(\.description).joined(separator: " or ")
    }
}
