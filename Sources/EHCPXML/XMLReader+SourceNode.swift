// MARK: - C interop
internal import CLibXML2
import EHCPSource

extension XMLReader {
    /// How elements become ``SourceNode``s when a document is read straight into them.
    public enum Shape: Sendable {
        /// An element with no child elements is a text value; one whose children are all
        /// `<item>` is a list; any other is a mapping of its children by local name. Attributes
        /// are not read.
        case elementsAndItems
        /// An element with neither attributes nor child elements is a text value; any other is a
        /// mapping of `@attribute` entries, then child elements by local name (repeated names
        /// repeat the key), then `.` for its own text when that is not blank.
        case attributesAndText
    }

    /// The document in `bytes` as ``SourceNode``s of `shape`, read from libxml2's tree in one
    /// walk, with the root element's local name and namespace URI. Lines, limits and messages
    /// are those of ``read(_:file:limits:)``.
    ///
    /// - Throws: ``DiagnosticList`` with every problem libxml2 reported, each with its line.
    public static func sourceNode(
        _ bytes: [UInt8], file: String, shape: Shape, limits: InputLimits = .default
    ) throws(DiagnosticList) -> (root: SourceNode, name: String, namespace: String?) {
        try withRoot(bytes, file: file, limits: limits) { root throws(DiagnosticList) in
            var walker = Walker(file: file, limits: limits)
            let node =
                switch shape {
                case .elementsAndItems: try walker.elementsAndItems(root, depth: 1)
                case .attributesAndText: try walker.attributesAndText(root, depth: 1)
                }
            return (node, walker.intern(root.pointee.name) ?? "", root.pointee.ns.flatMap { walker.intern($0.pointee.href) })
        }
    }
}

extension XMLReader.Walker {
    mutating func elementsAndItems(_ node: xmlNodePtr, depth: Int) throws(DiagnosticList) -> SourceNode {
        let location = try enter(node, depth: depth)
        let counts = Self.childCounts(node)
        if counts.elements == 0 {
            try refuseEntityReferences(node)
            return SourceNode(.scalar(Scalar(Self.text(node, counts), style: .text)), location: location)
        }
        if counts.allItems {
            var items: [SourceNode] = []
            items.reserveCapacity(counts.elements)
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE: items.append(try elementsAndItems(current, depth: depth + 1))
                case XML_ENTITY_REF_NODE: throw entityReference(current)
                default: break
                }
                child = current.pointee.next
            }
            return SourceNode(.sequence(items), location: location)
        }
        var entries: [SourceNode.Entry] = []
        entries.reserveCapacity(counts.elements)
        try appendChildEntries(of: node, depth: depth, shape: .elementsAndItems, to: &entries)
        return SourceNode(.mapping(entries), location: location)
    }

    mutating func attributesAndText(_ node: xmlNodePtr, depth: Int) throws(DiagnosticList) -> SourceNode {
        let location = try enter(node, depth: depth)
        let counts = Self.childCounts(node)
        let text = Self.text(node, counts)
        if counts.elements == 0 && node.pointee.properties == nil {
            try refuseEntityReferences(node)
            return SourceNode(.scalar(Scalar(text, style: .text)), location: location)
        }
        var entries: [SourceNode.Entry] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = SourceNode(.scalar(Scalar(Self.value(of: current), style: .text)), location: location)
            entries.append(SourceNode.Entry(key: "@" + (Self.string(current.pointee.name) ?? ""), keyLocation: location, value: value))
            attribute = current.pointee.next
        }
        try appendChildEntries(of: node, depth: depth, shape: .attributesAndText, to: &entries)
        if !text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            entries.append(SourceNode.Entry(key: ".", keyLocation: location, value: SourceNode(.scalar(Scalar(text, style: .text)), location: location)))
        }
        return SourceNode(.mapping(entries), location: location)
    }

    /// Appends an entry for each child element of `node`, keyed by its local name, in document order.
    private mutating func appendChildEntries(
        of node: xmlNodePtr, depth: Int, shape: XMLReader.Shape, to entries: inout [SourceNode.Entry]
    ) throws(DiagnosticList) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let key = intern(current.pointee.name) ?? ""
                let value =
                    switch shape {
                    case .elementsAndItems: try elementsAndItems(current, depth: depth + 1)
                    case .attributesAndText: try attributesAndText(current, depth: depth + 1)
                    }
                entries.append(SourceNode.Entry(key: key, keyLocation: value.location, value: value))
            case XML_ENTITY_REF_NODE: throw entityReference(current)
            default: break
            }
            child = current.pointee.next
        }
    }

    /// Throws at the first entity reference among the children of an element that has no child
    /// elements.
    private func refuseEntityReferences(_ node: xmlNodePtr) throws(DiagnosticList) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ENTITY_REF_NODE { throw entityReference(current) }
            child = current.pointee.next
        }
    }
}
