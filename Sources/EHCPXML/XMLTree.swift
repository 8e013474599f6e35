import EHCPSource

/// A parsed XML document as Swift values: no libxml2 pointer survives the parse.
public struct XMLTree: Sendable, Equatable {
    public var root: Element

    public init(root: Element) {
        self.root = root
    }

    /// One element with its attributes, its child elements and its own text.
    public struct Element: Sendable, Equatable {
        /// The local name, without any prefix.
        public var name: String
        /// The namespace URI, if the element is in one.
        public var namespace: String?
        public var attributes: [Attribute]
        public var children: [Element]
        /// The element's direct text and CDATA content, concatenated.
        public var text: String
        /// Where the element starts. libxml2 records lines only, so `column` is nil.
        public var location: SourceLocation?

        public init(
            name: String, namespace: String? = nil, attributes: [Attribute] = [], children: [Element] = [],
            text: String = "", location: SourceLocation? = nil
        ) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
            self.children = children
            self.text = text
            self.location = location
        }

        /// The value of the attribute with local name `name`.
        public func attribute(_ name: String) -> String? {
            attributes.first(where: { $0.name == name })?.value
        }

        /// Child elements with local name `name`.
        public func children(named name: String) -> [Element] {
            children.filter { $0.name == name }
        }
    }

    /// An attribute (local name and value).
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }
}
