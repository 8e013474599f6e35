// MARK: - C interop
internal import CLibXML2
import EHCPSource

extension XPathDocument {
    /// The document that writing `node` as the element `name` in `namespace` with ``XMLWriter``
    /// and parsing the text back would give, built directly as libxml2 nodes.
    ///
    /// Used for XPath rules, which need the canonical XML form of an application that was read from
    /// YAML or JSON: building it skips writing and re-parsing several kilobytes of text for every
    /// bundle. The tree is the same one, node for node: a sequence's items are `item` elements,
    /// every element is in `namespace`, the writer's indentation is there as whitespace text
    /// between child elements (so string values of compound elements are unchanged), and the
    /// characters the writer drops (control characters other than tab, line feed and carriage
    /// return; U+FFFE, U+FFFF) are dropped.
    public convenience init(
        building node: OutputNode, name: String, namespace: String, namespaces: [(prefix: String, uri: String)]
    ) {
        _ = LibXML2.initialize
        // Ownership: the document owns every node and the namespace created below; it is freed
        // in deinit. libxml2 copies every string it is given.
        let document = xmlNewDoc("1.0")!
        let root = xmlNewDocNode(document, nil, name, nil)!
        xmlDocSetRootElement(document, root)
        let ns = xmlNewNs(root, namespace, nil)
        xmlSetNs(root, ns)
        Self.add(node, to: root, namespace: ns, depth: 0)
        self.init(takingOwnership: document, namespaces: namespaces)
    }

    private static func add(_ node: OutputNode, to element: xmlNodePtr, namespace: xmlNsPtr?, depth: Int) {
        let children: [(String, OutputNode)]
        switch node {
        case .string(let text), .number(let text), .date(let text):
            addText(writable(text), to: element)
            return
        case .boolean(let flag):
            addText(flag ? "true" : "false", to: element)
            return
        case .mapping(let entries):
            children = entries.map { ($0.key, $0.value) }
        case .sequence(let items):
            children = items.map { ("item", $0) }
        }
        guard !children.isEmpty else { return }
        let inner = "\n" + String(repeating: "  ", count: depth + 1)
        for (name, value) in children {
            addText(inner, to: element)
            let child = xmlNewChild(element, namespace, name, nil)!
            add(value, to: child, namespace: namespace, depth: depth + 1)
        }
        addText("\n" + String(repeating: "  ", count: depth), to: element)
    }

    private static func addText(_ text: String, to element: xmlNodePtr) {
        guard !text.isEmpty else { return }
        text.withCString { chars in
            chars.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1) { content in
                xmlNodeAddContentLen(element, content, Int32(text.utf8.count))
            }
        }
    }

    /// `text` without the characters ``XMLWriter/escape(_:attribute:)`` writes as nothing.
    private static func writable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: dropped) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.lazy.filter { !dropped($0) })
        return String(kept)
    }

    private static func dropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
