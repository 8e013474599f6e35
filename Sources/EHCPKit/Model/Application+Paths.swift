/// Resolving dotted paths (`professionals.role`) to values, list items expanded with indices.
extension Application {
    /// A value found at a path, with the path written with list indices (`evidence[2].date`).
    public struct PathMatch: Sendable {
        public var path: String
        public var value: Value
    }

    /// Every value at `path`; a path through a list yields one match per item that has it.
    public func values(at path: String) -> [PathMatch] {
        if let computed = computedValue(path) { return [PathMatch(path: path, value: computed)] }
        if let progress = progressValues(at: path) { return progress }
        var matches = [PathMatch(path: "", value: Value(.object(root), location: root.location))]
        for part in Self.parts(of: path) {
            var next: [PathMatch] = []
            for match in matches {
                guard let record = match.value.record, let value = record[part] else { continue }
                let base = match.path.isEmpty ? part : match.path + "." + part
                if let items = value.list {
                    next.reserveCapacity(next.count + items.count)
                    for (index, item) in items.enumerated() {
                        next.append(PathMatch(path: base + "[" + String(index) + "]", value: item))
                    }
                } else {
                    next.append(PathMatch(path: base, value: value))
                }
            }
            if next.isEmpty { return [] }
            matches = next
        }
        return matches
    }

    /// The names of a dotted path, split on the bytes of `.` (paths are ASCII names).
    static func parts(of path: String) -> [String] {
        var parts: [String] = []
        let bytes = path.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: ".") {
                if start != index { parts.append(String(path[start..<index])) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start != index { parts.append(String(path[start..<index])) }
        return parts
    }

    /// The list at `path` itself (not expanded), with its items.
    public func list(at path: String) -> (path: String, items: [Value], location: SourceLocationBox)? {
        var record = root
        let parts = Self.parts(of: path)
        for (index, part) in parts.enumerated() {
            guard let value = record[part] else { return nil }
            if index == parts.count - 1 {
                return (path, value.list ?? [], SourceLocationBox(value.location))
            }
            guard let next = value.record else { return nil }
            record = next
        }
        return nil
    }
}

import EHCPSource

/// An optional location, boxed so tuples stay readable.
public struct SourceLocationBox: Sendable {
    public var location: SourceLocation?
    public init(_ location: SourceLocation?) { self.location = location }
}
