import EHCPSource

/// Resolving dotted paths (`professionals.role`) to values, list items expanded with indices.
extension Application {
    /// A value found at a path, with the path written with list indices (`evidence[2].date`).
    public struct PathMatch: Sendable {
        public var path: String
        public var value: Value
    }

    /// Every value at `path`; a path through a list yields one match per item that has it.
    public func values(at path: String) -> [PathMatch] {
        values(at: FieldPath(path))
    }

    /// The names of a dotted path, split on the bytes of `.` (paths are ASCII names).
    static func parts(of path: String) -> [String] {
        path.pieces(separatedBy: UInt8(ascii: ".")).filter { !$0.isEmpty }.map(String.init)
    }

    /// The list at `path` itself (not expanded), with its items.
    public func list(at path: String) -> (path: String, items: [Value], location: SourceLocationBox)? {
        list(at: FieldPath(path))
    }

    /// The list at a compiled `path` itself (not expanded), with its items.
    func list(at path: FieldPath) -> (path: String, items: [Value], location: SourceLocationBox)? {
        var record = root
        for (index, part) in path.names.enumerated() {
            guard let value = record[part] else { return nil }
            if index == path.names.count - 1 {
                return (path.text, value.list ?? [], SourceLocationBox(value.location))
            }
            guard let next = value.record else { return nil }
            record = next
        }
        return nil
    }
}

extension String {
    /// The pieces between each ASCII `separator` byte, empty ones kept: a split by bytes, for text
    /// whose separators cannot carry a combining mark (ASCII, or a separator that is never one).
    func pieces(separatedBy separator: UInt8) -> [Substring] {
        var pieces: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == separator {
                pieces.append(self[start..<index])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        pieces.append(self[start..<index])
        return pieces
    }
}

/// An optional location, boxed so tuples stay readable.
public struct SourceLocationBox: Sendable {
    public var location: SourceLocation?
    public init(_ location: SourceLocation?) { self.location = location }
}
