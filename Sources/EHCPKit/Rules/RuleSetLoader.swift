import EHCPSource
import EHCPXML
import EHCPYAML

/// Reads a rule set file, reporting every mistake with file, line and column.
///
/// A rule that names an unknown key, path, evidence type or role, a bad window, a duplicate id or
/// malformed XPath is an error: never a rule that silently never fires.
public struct RuleSetLoader {
    var diagnostics = DiagnosticCollector()

    public init() {}

    /// The rule set in `bytes`.
    ///
    /// - Throws: `DiagnosticList` holding every error found.
    public static func load(_ bytes: [UInt8], file: String) throws -> RuleSet {
        try read(bytes, file: file).ruleset
    }

    /// The rule set in a document already parsed (a published file the build parsed), checked as
    /// ``load(_:file:)`` checks the same document read from its text.
    ///
    /// - Throws: ``DiagnosticList`` holding every error found.
    static func load(root: SourceNode, file: String) throws -> RuleSet {
        try read(root: root, file: file).ruleset
    }

    /// The rule set with the notes found reading it (problems that are not errors).
    private static func read(_ bytes: [UInt8], file: String) throws -> (ruleset: RuleSet, notes: [Diagnostic]) {
        try read(root: ConfigFile.root(bytes, file: file), file: file)
    }

    private static func read(root: SourceNode, file: String) throws -> (ruleset: RuleSet, notes: [Diagnostic]) {
        var loader = RuleSetLoader()
        let ruleset = loader.ruleset(root, file: file)
        guard let ruleset, !loader.diagnostics.hasErrors else {
            throw DiagnosticList(loader.diagnostics.diagnostics)
        }
        return (ruleset, loader.diagnostics.diagnostics)
    }

    /// Every problem in the rule set, then notes for its author; an empty list when there are none.
    public static func lint(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        let problems = ConfigFile.lint(file: file) {
            let read = try read(bytes, file: file)
            notes = read.notes + read.ruleset.fairnessNotes
        }
        return problems + notes
    }

    // MARK: - Structure

    mutating func mapping(_ node: SourceNode, allowed: [String], what: String) -> [String: SourceNode]? {
        diagnostics.mapping(node, allowed: allowed, what: what)
    }

    mutating func text(_ node: SourceNode?, what: String) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar, !scalar.isNull else {
            diagnostics.error("\(what) should be a single value, not \(node.kindDescription)", at: node.location)
            return nil
        }
        return scalar.value
    }

    mutating func date(_ node: SourceNode?, what: String) -> CalendarDate? {
        guard let node, let scalar = node.scalar, !scalar.isNull else { return nil }
        guard let date = CalendarDate(iso: scalar.value) else {
            diagnostics.error("\(what) should be a date written YYYY-MM-DD", at: node.location)
            return nil
        }
        return date
    }

    mutating func integer(_ node: SourceNode?, what: String) -> Int? {
        guard let node, let value = text(node, what: what) else { return nil }
        guard let number = Int(value), number >= 0 else {
            diagnostics.error("\(what) should be a whole number of 0 or more", at: node.location)
            return nil
        }
        return number
    }

    mutating func window(_ node: SourceNode?, what: String) -> TimeWindow? {
        guard let node, let value = text(node, what: what) else { return nil }
        switch TimeWindow.read(value) {
        case .window(let window):
            return window
        case .tooLong:
            diagnostics.error(
                "\(what) '\(value)' is longer than a rule may look back or ahead: at most 100 years (36525 days, 5218 weeks, 1200 months)", at: node.location)
        case .malformed:
            diagnostics.error("\(what) '\(value)' is not a window: write \"N days\", \"N weeks\", \"N months\" or \"N years\"", at: node.location)
        }
        return nil
    }

    mutating func path(_ node: SourceNode?, what: String, underList: String? = nil) -> String? {
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

    mutating func code(_ node: SourceNode, _ vocabulary: Vocabulary, what: String) -> String? {
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

    static let checkKeys = ["evidence", "field", "recency", "count", "duration", "xpath", "series", "progress", "linkage"]

    private mutating func rule(_ node: SourceNode, ruleset: String, sources: [PublishedSource]) -> Rule? {
        let keys = ["id", "severity", "basis", "message", "checklist", "reference", "source", "quote", "when", "unless"] + Self.checkKeys
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
            diagnostics.error(
                "rule \(id) needs exactly one check (\(Self.checkKeys.joined(separator: ", "))); it has \(present.isEmpty ? "none" : present.joined(separator: ", "))",
                at: node.location)
            return nil
        }
        let conditions = fields["when"].map { self.conditions($0, key: "when") } ?? []
        let exceptions = fields["unless"].map { self.conditions($0, key: "unless") } ?? []
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
            checklist: checklistText(fields["checklist"], rule: id), when: conditions, unless: exceptions, check: check,
            location: node.location, ruleset: ruleset)
    }

    /// A rule's `checklist:` wording: one line of plain text, naming no field path or code.
    private mutating func checklistText(_ node: SourceNode?, rule id: String) -> String? {
        guard let node, let value = text(node, what: "checklist") else { return nil }
        if let problem = ChecklistWording.problem(inWritten: value) {
            diagnostics.error("checklist of rule \(id) \(problem): write it in plain words, as a SENCO or parent would read it", at: node.location)
        }
        return value
    }

    mutating func whereClause(_ node: SourceNode?, list: String, what: String) -> [String: String] {
        guard let node, let entries = node.entries else {
            if let node { diagnostics.error("where should be a mapping of field: value", at: node.location) }
            return [:]
        }
        var result: [String: String] = [:]
        for entry in entries {
            guard let type = CanonicalSchema.type(at: "\(list).\(entry.key)") else {
                diagnostics.error("unknown field '\(entry.key)' of \(list) in \(what)", at: entry.keyLocation)
                continue
            }
            if let value = text(entry.value, what: "where"),
                checkValue(value, of: "\(list).\(entry.key)", type: type, at: entry.value.location, in: "where")
            {
                result[entry.key] = value
            }
        }
        return result
    }

    mutating func types(_ fields: [String: SourceNode], what: String, at location: SourceLocation) -> [String] {
        var nodes: [SourceNode] = []
        if let single = fields["type"] { nodes.append(single) }
        if let many = fields["types"] { nodes += many.items ?? [many] }
        if nodes.isEmpty { diagnostics.error("\(what) needs 'type' or 'types'", at: location) }
        return nodes.compactMap { code($0, .evidenceType, what: "evidence type") }
    }
}
