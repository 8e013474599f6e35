/// A dotted path (`professionals.role`) split into its names once, when a rule set or a built-in
/// check is compiled, so resolving it against each application builds no string: a match's written
/// path (`professionals[2].role`) is made only when a finding needs it.
public struct FieldPath: Sendable {
    /// The path as written.
    public let text: String
    /// Its names, in order.
    let names: [String]
    /// True when `text` names a computed value (``Application/computedValue(_:)``).
    let isComputed: Bool
    /// True when `text` names a progress figure (``Application/progressFields``).
    let isProgress: Bool

    public init(_ text: String) {
        self.text = text
        names = Application.parts(of: text)
        isComputed = CanonicalSchema.computed[text] != nil && Application.progressFields[text] == nil
        isProgress = Application.progressFields[text] != nil
    }

    /// The path written with the list indices a match went through (-1 where a name held no list),
    /// as ``Application/values(at:)`` writes it.
    func written(indices: [Int]) -> String {
        var path = ""
        for (position, name) in names.enumerated() {
            if position > 0 { path += "." }
            path += name
            if indices[position] >= 0 { path += "[" + String(indices[position]) + "]" }
        }
        return path
    }
}

extension Application {
    /// Calls `visit` with every value at `path`, in the order of ``values(at:)``, and with a way to
    /// write the match's path; stops when `visit` returns false.
    func visitValues(at path: FieldPath, _ visit: (Value, () -> String) -> Bool) {
        if path.isComputed, let computed = computedValue(path.text) {
            _ = visit(computed) { path.text }
            return
        }
        if path.isProgress {
            for match in progressValues(at: path.text) ?? [] where !visit(match.value, { match.path }) { return }
            return
        }
        guard !path.names.isEmpty else {
            _ = visit(Value(.object(root), location: root.location)) { "" }
            return
        }
        var indices = [Int](repeating: -1, count: path.names.count)
        _ = visitFields(of: root, path, from: 0, &indices, visit)
    }

    /// Walks `record` from name `position` on; false once `visit` asked to stop.
    private func visitFields(
        of record: Record, _ path: FieldPath, from position: Int, _ indices: inout [Int],
        _ visit: (Value, () -> String) -> Bool
    ) -> Bool {
        guard let value = record[path.names[position]] else { return true }
        let last = position == path.names.count - 1
        if let items = value.list {
            for (index, item) in items.enumerated() {
                indices[position] = index
                if last {
                    if !visit(item, { path.written(indices: indices) }) { return false }
                } else if let next = item.record, !visitFields(of: next, path, from: position + 1, &indices, visit) {
                    return false
                }
            }
            indices[position] = -1
            return true
        }
        if last { return visit(value) { path.written(indices: indices) } }
        guard let next = value.record else { return true }
        return visitFields(of: next, path, from: position + 1, &indices, visit)
    }

    /// True when some value at `path` satisfies `test`.
    func containsValue(at path: FieldPath, where test: (Value) -> Bool) -> Bool {
        var found = false
        visitValues(at: path) { value, _ in
            found = test(value)
            return !found
        }
        return found
    }

    /// The first value at `path`.
    func firstValue(at path: FieldPath) -> Value? {
        var first: Value?
        visitValues(at: path) { value, _ in
            first = value
            return false
        }
        return first
    }

    /// Every value at `path`, each with its written path.
    public func values(at path: FieldPath) -> [PathMatch] {
        var matches: [PathMatch] = []
        visitValues(at: path) { value, written in
            matches.append(PathMatch(path: written(), value: value))
            return true
        }
        return matches
    }
}
