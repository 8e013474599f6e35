import EHCPSource
import EHCPXML
import EHCPYAML

/// Reads a rule set file, reporting every mistake with file, line and column.
///
/// A rule that names an unknown key, path, evidence type or role, a bad window, a duplicate id or
/// malformed XPath is an error: never a rule that silently never fires.
public struct RuleSetLoader {
    private var diagnostics = DiagnosticCollector()

    public init() {}

    /// The rule set in `bytes`.
    ///
    /// - Throws: ``DiagnosticList`` holding every error found.
    public static func load(_ bytes: [UInt8], file: String) throws -> RuleSet {
        let root = try ConfigFile.root(bytes, file: file)
        var loader = RuleSetLoader()
        let ruleset = loader.ruleset(root, file: file)
        if loader.diagnostics.hasErrors || ruleset == nil {
            throw DiagnosticList(loader.diagnostics.diagnostics)
        }
        return ruleset!
    }

    /// Every problem in the rule set, then notes for its author; an empty list when there are none.
    public static func lint(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        let problems = ConfigFile.lint(file: file) { notes = try load(bytes, file: file).fairnessNotes }
        return problems + notes
    }

    // MARK: - Structure

    private mutating func mapping(_ node: SourceNode, allowed: [String], what: String) -> [String: SourceNode]? {
        diagnostics.mapping(node, allowed: allowed, what: what)
    }

    private mutating func text(_ node: SourceNode?, what: String) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar, !scalar.isNull else {
            diagnostics.error("\(what) should be a single value, not \(node.kindDescription)", at: node.location)
            return nil
        }
        return scalar.value
    }

    private mutating func date(_ node: SourceNode?, what: String) -> CalendarDate? {
        guard let node, let scalar = node.scalar, !scalar.isNull else { return nil }
        guard let date = CalendarDate(iso: scalar.value) else {
            diagnostics.error("\(what) should be a date written YYYY-MM-DD", at: node.location)
            return nil
        }
        return date
    }

    private mutating func integer(_ node: SourceNode?, what: String) -> Int? {
        guard let node, let value = text(node, what: what) else { return nil }
        guard let number = Int(value), number >= 0 else {
            diagnostics.error("\(what) should be a whole number of 0 or more", at: node.location)
            return nil
        }
        return number
    }

    private mutating func window(_ node: SourceNode?, what: String) -> TimeWindow? {
        guard let node, let value = text(node, what: what) else { return nil }
        guard let window = TimeWindow(value) else {
            diagnostics.error("\(what) '\(value)' is not a window: write \"N days\", \"N weeks\", \"N months\" or \"N years\"", at: node.location)
            return nil
        }
        return window
    }

    private mutating func list(_ node: SourceNode?, what: String) -> [String] {
        guard let node else { return [] }
        if let items = node.items { return items.compactMap { text($0, what: what) } }
        return text(node, what: what).map { [$0] } ?? []
    }

    private mutating func path(_ node: SourceNode?, what: String, underList: String? = nil) -> String? {
        guard let node, let path = text(node, what: what) else { return nil }
        let full = underList.map { "\($0).\(path)" } ?? path
        guard CanonicalSchema.type(at: full) != nil else {
            let known = CanonicalSchema.allPaths + CanonicalSchema.computed.keys.sorted()
            let hint = ApplicationDecoder.suggestion(for: full, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.error("unknown path '\(full)' in \(what)\(hint)", at: node.location)
            return nil
        }
        return path
    }

    private mutating func code(_ node: SourceNode, _ vocabulary: Vocabulary, what: String) -> String? {
        guard let value = text(node, what: what) else { return nil }
        guard vocabulary.contains(value) else {
            let hint = ApplicationDecoder.suggestion(for: value, among: vocabulary.codes).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.error("unknown \(what) '\(value)'\(hint)", at: node.location)
            return nil
        }
        return value
    }

    // MARK: - Rule set

    private mutating func ruleset(_ root: SourceNode, file: String) -> RuleSet? {
        let keys = ["ruleset", "authority", "extends", "version", "effectiveFrom", "effectiveTo", "sources", "rules", "overrides", "disable"]
        guard let fields = mapping(root, allowed: keys, what: "the rule set") else { return nil }
        guard let id = text(fields["ruleset"], what: "ruleset") else {
            diagnostics.error("the rule set needs a 'ruleset' id", at: root.location)
            return nil
        }
        let sources = (fields["sources"]?.items ?? []).compactMap { diagnostics.publishedSource($0, requireRead: false) }
        var rules: [Rule] = []
        var seen: [String: SourceLocation] = [:]
        if let node = fields["rules"], node.items == nil {
            diagnostics.error("rules should be a list", at: node.location)
        }
        for node in fields["rules"]?.items ?? [] {
            guard let rule = rule(node, ruleset: id, sources: sources) else { continue }
            if let first = seen[rule.id] {
                diagnostics.error("duplicate rule id '\(rule.id)' (first defined at line \(first.line))", at: rule.location)
                continue
            }
            seen[rule.id] = rule.location
            rules.append(rule)
        }
        var overrides: [String: RuleSet.Override] = [:]
        for entry in fields["overrides"]?.entries ?? [] {
            guard let change = mapping(entry.value, allowed: ["severity", "basis", "message"], what: "an override") else { continue }
            overrides[entry.key] = RuleSet.Override(
                severity: enumValue(change["severity"], what: "severity"), basis: enumValue(change["basis"], what: "basis"),
                message: text(change["message"], what: "message"), location: entry.keyLocation)
        }
        let disable = (fields["disable"]?.items ?? []).compactMap { node in text(node, what: "disable").map { ($0, node.location) } }
        return RuleSet(
            id: id, authority: text(fields["authority"], what: "authority"), extends: text(fields["extends"], what: "extends"),
            version: text(fields["version"], what: "version"), effectiveFrom: date(fields["effectiveFrom"], what: "effectiveFrom"),
            effectiveTo: date(fields["effectiveTo"], what: "effectiveTo"), sources: sources, rules: rules,
            overrides: overrides, disable: disable, file: file)
    }

    private mutating func enumValue<T: RawRepresentable & CaseIterable>(_ node: SourceNode?, what: String) -> T? where T.RawValue == String {
        guard let node, let value = text(node, what: what) else { return nil }
        guard let result = T(rawValue: value), value != "format" else {
            let allowed = T.allCases.map(\.rawValue).filter { $0 != "format" }
            diagnostics.error("\(what) '\(value)' is not one of: \(allowed.joined(separator: ", "))", at: node.location)
            return nil
        }
        return result
    }

    // MARK: - Rules

    private static let checkKeys = ["evidence", "field", "recency", "count", "duration", "xpath"]

    private mutating func rule(_ node: SourceNode, ruleset: String, sources: [PublishedSource]) -> Rule? {
        let keys = ["id", "severity", "basis", "message", "reference", "source", "quote", "when"] + Self.checkKeys
        guard let fields = mapping(node, allowed: keys, what: "a rule") else { return nil }
        guard let id = text(fields["id"], what: "id") else {
            diagnostics.error("a rule needs an 'id'", at: node.location)
            return nil
        }
        if id.isEmpty || !id.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) || id.first == "-" {
            diagnostics.error("rule id '\(id)' should be capital letters, digits and hyphens ([A-Z0-9][A-Z0-9-]*)", at: fields["id"]!.location)
        }
        let present = Self.checkKeys.filter { fields[$0] != nil }
        guard present.count == 1, let key = present.first, let checkNode = fields[key] else {
            diagnostics.error("rule \(id) needs exactly one check (\(Self.checkKeys.joined(separator: ", "))); it has \(present.isEmpty ? "none" : present.joined(separator: ", "))", at: node.location)
            return nil
        }
        let conditions = fields["when"].map { self.conditions($0) } ?? []
        var source: PublishedSource?
        if let node = fields["source"], let url = text(node, what: "source") {
            source = sources.first { $0.url == url }
            if source == nil { diagnostics.error("source '\(url)' of rule \(id) is not among the rule set's sources", at: node.location) }
        }
        guard let check = check(key, checkNode, rule: id) else { return nil }
        return Rule(
            id: id, severity: enumValue(fields["severity"], what: "severity") ?? .error,
            basis: enumValue(fields["basis"], what: "basis") ?? .local,
            message: text(fields["message"], what: "message") ?? "Rule \(id) is not met.",
            reference: text(fields["reference"], what: "reference"), source: source, quote: text(fields["quote"], what: "quote"),
            when: conditions, check: check,
            location: node.location, ruleset: ruleset)
    }

    private mutating func whereClause(_ node: SourceNode?, list: String, what: String) -> [String: String] {
        guard let node, let entries = node.entries else {
            if let node { diagnostics.error("where should be a mapping of field: value", at: node.location) }
            return [:]
        }
        var result: [String: String] = [:]
        for entry in entries {
            guard CanonicalSchema.type(at: "\(list).\(entry.key)") != nil else {
                diagnostics.error("unknown field '\(entry.key)' of \(list) in \(what)", at: entry.keyLocation)
                continue
            }
            if let value = text(entry.value, what: "where") { result[entry.key] = value }
        }
        return result
    }

    private mutating func types(_ fields: [String: SourceNode], what: String, at location: SourceLocation) -> [String] {
        var nodes: [SourceNode] = []
        if let single = fields["type"] { nodes.append(single) }
        if let many = fields["types"] { nodes += many.items ?? [many] }
        if nodes.isEmpty { diagnostics.error("\(what) needs 'type' or 'types'", at: location) }
        return nodes.compactMap { code($0, .evidenceType, what: "evidence type") }
    }

    private mutating func check(_ key: String, _ node: SourceNode, rule: String) -> Check? {
        let what = "the \(key) check of \(rule)"
        switch key {
        case "evidence":
            guard let fields = mapping(node, allowed: ["type", "types", "min", "within", "authorRole", "where"], what: what) else { return nil }
            return .evidence(
                types: types(fields, what: what, at: node.location), min: integer(fields["min"], what: "min") ?? 1,
                within: window(fields["within"], what: "within"),
                authorRole: fields["authorRole"].flatMap { code($0, .professionalRole, what: "professional role") },
                where: whereClause(fields["where"], list: "evidence", what: what))
        case "recency":
            guard let fields = mapping(node, allowed: ["type", "types", "within", "where"], what: what) else { return nil }
            let types = types(fields, what: what, at: node.location)
            guard let within = window(fields["within"], what: "within") else {
                if fields["within"] == nil { diagnostics.error("\(what) needs 'within'", at: node.location) }
                return nil
            }
            return .recency(types: types, within: within, where: whereClause(fields["where"], list: "evidence", what: what))
        case "field":
            guard let fields = mapping(node, allowed: ["path", "required", "pattern", "min", "max", "oneOf", "before", "after"], what: what) else { return nil }
            guard let path = path(fields["path"], what: what) else {
                if fields["path"] == nil { diagnostics.error("\(what) needs 'path'", at: node.location) }
                return nil
            }
            let pattern = text(fields["pattern"], what: "pattern")
            if let pattern, (try? Regex(pattern)) == nil {
                diagnostics.error("pattern is not a valid regular expression", at: fields["pattern"]!.location)
            }
            for bound in ["before", "after"] {
                if let node = fields[bound], let value = text(node, what: bound), CalendarDate(iso: value) == nil,
                    CanonicalSchema.type(at: value) == nil {
                    diagnostics.error("\(bound) should be a date (YYYY-MM-DD) or a path; '\(value)' is neither", at: node.location)
                }
            }
            return .field(
                path: path, required: fields["required"]?.scalar?.value == "true", pattern: pattern,
                min: text(fields["min"], what: "min"), max: text(fields["max"], what: "max"),
                oneOf: fields["oneOf"].map { list($0, what: "oneOf") }, before: text(fields["before"], what: "before"),
                after: text(fields["after"], what: "after"))
        case "count":
            guard let fields = mapping(node, allowed: ["path", "where", "min", "max"], what: what),
                let path = path(fields["path"], what: what)
            else { return nil }
            guard CanonicalSchema.type(at: path)?.isList == true else {
                diagnostics.error("count needs a list path; '\(path)' is not a list", at: fields["path"]!.location)
                return nil
            }
            return .count(path: path, where: whereClause(fields["where"], list: path, what: what),
                          min: integer(fields["min"], what: "min"), max: integer(fields["max"], what: "max"))
        case "duration":
            guard let fields = mapping(node, allowed: ["path", "from", "to", "min"], what: what),
                let path = path(fields["path"], what: what),
                let from = self.path(fields["from"], what: what, underList: path),
                let to = self.path(fields["to"], what: what, underList: path),
                let min = window(fields["min"], what: "min")
            else {
                return nil
            }
            return .duration(path: path, from: from, to: to, min: min)
        default:
            guard let source = text(node, what: "xpath") else { return nil }
            do {
                return .xpath(try XPathExpression(source, namespaces: [("a", CanonicalSchema.namespace)]))
            } catch {
                diagnostics.error("the XPath expression is not valid XPath 1.0", at: node.location)
                return nil
            }
        }
    }

    // MARK: - Conditions

    private mutating func conditions(_ node: SourceNode) -> [Condition] {
        guard let entries = node.entries else {
            diagnostics.error("when should be a mapping of conditions", at: node.location)
            return []
        }
        var result: [Condition] = []
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "present", "absent":
                if let path = path(value, what: "when") { result.append(entry.key == "present" ? .present(path) : .absent(path)) }
            case "xpath":
                if let source = text(value, what: "xpath") {
                    if let expression = try? XPathExpression(source, namespaces: [("a", CanonicalSchema.namespace)]) { result.append(.xpath(expression)) } else {
                        diagnostics.error("the XPath expression is not valid XPath 1.0", at: value.location)
                    }
                }
            default:
                guard let type = CanonicalSchema.type(at: entry.key) else {
                    diagnostics.error("unknown path '\(entry.key)' in when", at: entry.keyLocation)
                    continue
                }
                if let items = value.items {
                    result.append(.equals(path: entry.key, anyOf: items.compactMap { text($0, what: "when") }))
                } else if let text = text(value, what: "when") {
                    if let op = ComparisonOperator.allCases.first(where: { text.hasPrefix($0.rawValue) }) {
                        let operand = String(text.dropFirst(op.rawValue.count)).trimmingSpaces()
                        if type.isOrdered == false && op != .equal && op != .notEqual {
                            diagnostics.error("'\(entry.key)' is not a number or date, so '\(op.rawValue)' cannot compare it", at: value.location)
                        }
                        result.append(.compare(path: entry.key, op: op, operand: operand))
                    } else {
                        result.append(.equals(path: entry.key, anyOf: [text]))
                    }
                }
            }
        }
        return result
    }
}

