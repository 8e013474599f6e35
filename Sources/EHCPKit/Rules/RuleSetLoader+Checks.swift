import EHCPSource
import EHCPXML

/// Reading the one check of a rule (docs/design.md, Authorities, rule sets and formats), each parameter reported at its place.
extension RuleSetLoader {
    mutating func check(_ key: String, _ node: SourceNode, rule: String) -> RuleCheck? {
        let what = "the \(key) check of \(rule)"
        switch key {
        case "evidence":
            return evidence(node, what: what)
        case "recency":
            guard let fields = mapping(node, allowed: ["type", "types", "within", "where"], what: what) else { return nil }
            let types = types(fields, what: what, at: node.location)
            guard let within = window(fields["within"], what: "within") else {
                if fields["within"] == nil { diagnostics.error("\(what) needs 'within'", at: node.location) }
                return nil
            }
            return .recency(RecencyCheck(types: types, within: within, where: whereClause(fields["where"], list: "evidence", what: what)))
        case "field":
            return field(node, what: what)
        case "count":
            guard let fields = mapping(node, allowed: ["path", "where", "min", "max"], what: what),
                let path = path(fields["path"], what: what)
            else { return nil }
            guard CanonicalSchema.type(at: path)?.isList == true else {
                diagnostics.error("count needs a list path; '\(path)' is not a list", at: fields["path"]!.location)
                return nil
            }
            return .count(
                CountCheck(
                    path: path, where: whereClause(fields["where"], list: path, what: what),
                    min: integer(fields["min"], what: "min"), max: integer(fields["max"], what: "max")))
        case "duration":
            guard let fields = mapping(node, allowed: ["path", "from", "to", "min"], what: what),
                let path = path(fields["path"], what: what),
                let from = self.path(fields["from"], what: what, underList: path),
                let to = self.path(fields["to"], what: what, underList: path),
                let min = window(fields["min"], what: "min")
            else {
                return nil
            }
            return .duration(DurationCheck(path: path, from: from, to: to, min: min))
        case "series", "progress", "linkage":
            return progressCheck(key, node, what: what).map(RuleCheck.progress)
        default:
            return xpath(node).map(RuleCheck.xpath)
        }
    }

    /// An XPath 1.0 expression over the canonical XML, prefix `a`.
    mutating func xpath(_ node: SourceNode) -> XPathExpression? {
        guard let source = text(node, what: "xpath") else { return nil }
        guard let expression = try? XPathExpression(source, namespaces: [("a", CanonicalSchema.namespace)]) else {
            diagnostics.error("the XPath expression is not valid XPath 1.0", at: node.location)
            return nil
        }
        return expression
    }

    private mutating func evidence(_ node: SourceNode, what: String) -> RuleCheck? {
        guard let fields = mapping(node, allowed: ["type", "types", "min", "max", "within", "authorRole", "where"], what: what) else { return nil }
        let max = integer(fields["max"], what: "max")
        let min = integer(fields["min"], what: "min") ?? (max == nil ? 1 : 0)
        if let max, min > max, let node = fields["max"] {
            diagnostics.error("max (\(max)) is below min (\(min)) in \(what), so no request could pass", at: node.location)
        }
        return .evidence(
            EvidenceCheck(
                types: types(fields, what: what, at: node.location), min: min, max: max,
                within: window(fields["within"], what: "within"),
                authorRole: fields["authorRole"].flatMap { code($0, .professionalRole, what: "professional role") },
                where: whereClause(fields["where"], list: "evidence", what: what)))
    }

    private mutating func field(_ node: SourceNode, what: String) -> RuleCheck? {
        guard let fields = mapping(node, allowed: ["path", "required", "pattern", "min", "max", "oneOf", "before", "after"], what: what) else { return nil }
        guard let path = path(fields["path"], what: what) else {
            if fields["path"] == nil { diagnostics.error("\(what) needs 'path'", at: node.location) }
            return nil
        }
        var pattern: Pattern?
        if let node = fields["pattern"], let source = text(node, what: "pattern") {
            do {
                pattern = try Pattern(source)
                if pattern?.nestsUnboundedRepeats == true {
                    diagnostics.append(
                        .init(
                            .info,
                            "pattern repeats a group that itself repeats without bound, as (a+)+ does: ehcp matches it in linear time, but the backtracking engines of other tools can take exponential time on it; write it without the nesting where you can",
                            at: node.location))
                }
            } catch {
                diagnostics.error(error.message, at: node.location)
            }
        }
        let before = dateBounds(fields["before"], what: "before")
        let after = dateBounds(fields["after"], what: "after")
        var isDate = false
        if case .date = CanonicalSchema.type(at: path) { isDate = true }
        if !isDate, !(before.isEmpty && after.isEmpty) {
            diagnostics.error("before and after compare dates, but '\(path)' is not a date", at: fields["path"]!.location)
        }
        let type = CanonicalSchema.type(at: path)!
        var bounds: [String: String] = [:]
        for key in ["min", "max"] {
            guard let node = fields[key], let value = text(node, what: key) else { continue }
            if !type.isOrdered {
                diagnostics.error("\(key) compares numbers and dates, but '\(path)' is neither", at: node.location)
            } else if checkValue(value, of: path, type: type, at: node.location, in: key) {
                bounds[key] = value
            }
        }
        var oneOf: [String]?
        if let node = fields["oneOf"] {
            oneOf = (node.items ?? [node]).compactMap { item in
                text(item, what: "oneOf").flatMap { checkValue($0, of: path, type: type, at: item.location, in: "oneOf") ? $0 : nil }
            }
        }
        return .field(
            FieldCheck(
                path: path, required: fields["required"]?.scalar?.value == "true", pattern: pattern,
                min: bounds["min"], max: bounds["max"], oneOf: oneOf, before: before, after: after))
    }

    /// A `before` or `after`: one bound, or a list of bounds of which any one will do.
    private mutating func dateBounds(_ node: SourceNode?, what: String) -> [DateBound] {
        guard let node else { return [] }
        return (node.items ?? [node]).compactMap { item in
            guard let text = text(item, what: what) else { return nil }
            switch DateBound.read(text) {
            case .success(let bound):
                return bound
            case .failure(.unknownBase(let base)):
                let hint = ApplicationDecoder.suggestion(for: base, among: CanonicalSchema.allPaths).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.error("\(what) '\(base)' is neither a date (YYYY-MM-DD) nor a path of the canonical schema\(hint)", at: item.location)
            case .failure(.notADate(let base)):
                diagnostics.error("\(what) names '\(base)', which is not a date", at: item.location)
            case .failure(.inList(let base)):
                diagnostics.error("\(what) names '\(base)', which runs through a list and so names no single date", at: item.location)
            case .failure(.badWindow(let window)):
                diagnostics.error("\(what): '\(window)' is not a window: write PATH - N days|weeks|months|years (or +)", at: item.location)
            case .failure(.windowTooLong(let window)):
                diagnostics.error("\(what): the window '\(window)' is longer than a rule may look back or ahead: at most 100 years", at: item.location)
            }
            return nil
        }
    }
}
