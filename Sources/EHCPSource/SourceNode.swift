/// A node of a parsed document (YAML, JSON or XML) with the place it came from.
///
/// Scalars keep their text and style exactly as written: nothing is coerced to a number, boolean or
/// date here. The consumer, which knows the schema, decides what a scalar means.
public struct SourceNode: Sendable, Equatable {
    /// What kind of node this is, with its content.
    public enum Content: Sendable, Equatable {
        case scalar(Scalar)
        case mapping([Entry])
        case sequence([SourceNode])
    }

    /// A key and its value in a mapping, in document order.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: SourceNode

        public init(key: String, keyLocation: SourceLocation, value: SourceNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var content: Content
    public var location: SourceLocation
    /// The explicit tag (`!!str`, `!custom`), if any.
    public var tag: String?

    public init(_ content: Content, location: SourceLocation, tag: String? = nil) {
        self.content = content
        self.location = location
        self.tag = tag
    }

    /// The scalar, when this node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The entries, when this node is a mapping.
    public var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The items, when this node is a sequence.
    public var items: [SourceNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value for `key` when this node is a mapping.
    public subscript(key: String) -> SourceNode? {
        entries?.first(where: { $0.key == key })?.value
    }

    /// A short name for the node's kind, for messages ("a mapping", "a list", "a single value").
    public var kindDescription: String {
        switch content {
        case .scalar: return Kind.scalar.description
        case .mapping: return Kind.mapping.description
        case .sequence: return Kind.sequence.description
        }
    }

    /// The three kinds of node, for readers that name a node's kind without building it.
    public enum Kind: Sendable, CustomStringConvertible {
        case scalar, mapping, sequence

        /// A short name for messages ("a mapping", "a list", "a single value").
        public var description: String {
            switch self {
            case .scalar: return "a single value"
            case .mapping: return "a mapping"
            case .sequence: return "a list"
            }
        }
    }
}

/// The text of a scalar and how it was written.
public struct Scalar: Sendable, Equatable {
    /// How the scalar was written in its source.
    public enum Style: Sendable, Equatable {
        /// Unquoted YAML, or a JSON number, `true`, `false` or `null`.
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
        /// Text content of an XML element: always a string, typed by the schema.
        case text
    }

    public var value: String
    public var style: Style

    public init(_ value: String, style: Style) {
        self.value = value
        self.style = style
    }

    /// True for a plain scalar that YAML reads as null (`~`, `null`, `Null`, `NULL` or nothing).
    public var isNull: Bool {
        guard style == .plain else { return false }
        // By length first: most values are neither one nor four bytes long.
        switch value.utf8.count {
        case 0: return true
        case 1: return value == "~"
        case 4: return value == "null" || value == "Null" || value == "NULL"
        default: return false
        }
    }

    /// True when the author quoted the value (or it came from XML text), so it is a string by intent.
    public var isQuotedOrText: Bool {
        style != .plain
    }
}
