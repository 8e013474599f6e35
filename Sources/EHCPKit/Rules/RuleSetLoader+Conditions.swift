import EHCPSource

/// Reading `when` and `unless`, and checking every value a condition or `where` compares against
/// the canonical schema's type and code list of its path.
extension RuleSetLoader {
    /// The conditions of a `when` or `unless` mapping (`key` names which, for messages).
    mutating func conditions(_ node: SourceNode, key: String) -> [Condition] {
        guard let entries = node.entries else {
            diagnostics.error("\(key) should be a mapping of conditions", at: node.location)
            return []
        }
        var result: [Condition] = []
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "present", "absent":
                if let path = path(value, what: key) { result.append(entry.key == "present" ? .present(path) : .absent(path)) }
            case "xpath":
                if let expression = xpath(value) { result.append(.xpath(expression)) }
            default:
                guard let type = CanonicalSchema.type(at: entry.key) else {
                    let known = CanonicalSchema.allPaths + CanonicalSchema.computed.keys.sorted()
                    let hint = ApplicationDecoder.suggestion(for: entry.key, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                    diagnostics.error("unknown path '\(entry.key)' in \(key)\(hint)", at: entry.keyLocation)
                    continue
                }
                if let condition = comparison(entry.key, type: type, value, in: key) { result.append(condition) }
            }
        }
        return result
    }

    /// `path: value`, `path: [a, b]` or `path: "OP operand"`, its values checked against `type`.
    private mutating func comparison(_ path: String, type: FieldType, _ value: SourceNode, in key: String) -> Condition? {
        if let items = value.items {
            let values = items.compactMap { item in
                text(item, what: key).flatMap { checkValue($0, of: path, type: type, at: item.location, in: key) ? $0 : nil }
            }
            return values.count == items.count ? .equals(path: path, anyOf: values) : nil
        }
        guard let text = text(value, what: key) else { return nil }
        guard let op = ComparisonOperator.allCases.first(where: { text.hasPrefix($0.rawValue) }) else {
            return checkValue(text, of: path, type: type, at: value.location, in: key) ? .equals(path: path, anyOf: [text]) : nil
        }
        let operand = String(text.dropFirst(op.rawValue.count)).trimmingSpaces()
        if type.isOrdered == false && op != .equal && op != .notEqual {
            diagnostics.error("'\(path)' is not a number or date, so '\(op.rawValue)' cannot compare it", at: value.location)
            return nil
        }
        return checkValue(operand, of: path, type: type, at: value.location, in: key) ? .compare(path: path, op: op, operand: operand) : nil
    }

    /// True when `value` can be a value of the field at `path`; otherwise reports why at `location`.
    ///
    /// A value no application can hold (`requester.role: school`, `lookedAfter: yes`) would make a
    /// rule that silently never fires.
    mutating func checkValue(_ value: String, of path: String, type: FieldType, at location: SourceLocation, in key: String) -> Bool {
        let problem: String?
        switch type {
        case .code(let vocabulary) where !vocabulary.contains(value):
            let hint =
                (vocabulary.synonyms[value.lowercased()] ?? ApplicationDecoder.suggestion(for: value, among: vocabulary.codes))
                .map { " (did you mean '\($0)'?)" } ?? ""
            problem = "'\(value)' is not a code of \(path)\(hint); allowed: \(vocabulary.codes.joined(separator: ", "))"
        case .boolean where value != "true" && value != "false":
            problem = "\(path) is true or false, not '\(value)'"
        case .date where CalendarDate(iso: value) == nil:
            problem = "\(path) is a date: write '\(value)' as YYYY-MM-DD"
        case .integer where Int(value) == nil:
            problem = "\(path) is a whole number, not '\(value)'"
        case .number where Double(value) == nil:
            problem = "\(path) is a number, not '\(value)'"
        case .identifier(.laCode) where value.count != 3 || !value.allSatisfy({ $0.isASCII && $0.isNumber }):
            problem = "\(path) is a three-digit authority code, not '\(value)'"
        case .object, .list:
            problem = "\(path) is a group of fields, not a value: name one of its fields"
        default:
            problem = nil
        }
        guard let problem else { return true }
        diagnostics.error("\(problem) (in \(key))", at: location)
        return false
    }
}
