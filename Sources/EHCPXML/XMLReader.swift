// MARK: - C interop
internal import CLibXML2
import EHCPSource

/// Parses XML from memory into an ``XMLTree``, safely.
///
/// The document is parsed with ``LibXML2/safeOptions``, walked into Swift values, and freed before
/// returning. A DOCTYPE is refused outright: application documents never need one, and it is the
/// door for entity expansion and external entities.
public enum XMLReader {
    /// The tree of `bytes`.
    ///
    /// - Throws: ``DiagnosticList`` with every problem libxml2 reported, each with its line.
    public static func read(_ bytes: [UInt8], file: String, limits: InputLimits = .default) throws(DiagnosticList) -> XMLTree {
        try withRoot(bytes, file: file, limits: limits) { root throws(DiagnosticList) in
            var walker = Walker(file: file, limits: limits)
            return XMLTree(root: try walker.element(root, depth: 1))
        }
    }

    /// Parses `bytes` and hands `body` the root element while the document is alive; the
    /// document is freed before returning.
    static func withRoot<T>(
        _ bytes: [UInt8], file: String, limits: InputLimits, _ body: (xmlNodePtr) throws(DiagnosticList) -> T
    ) throws(DiagnosticList) -> T {
        guard bytes.count <= limits.maxDocumentBytes else {
            throw DiagnosticList.error(
                "the document is \(bytes.count) bytes, more than the limit of \(limits.maxDocumentBytes)", at: SourceLocation(file: file, line: 1))
        }
        let result: Result<T, DiagnosticList> = LibXML2.collectingErrors(file: file) { collector in
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlReadMemory(chars.baseAddress, Int32(chars.count), file, nil, LibXML2.safeOptions)
                }
            }
            guard let document else {
                let diagnostics = collector.diagnostics.filter { $0.severity == .error }
                return .failure(
                    DiagnosticList(diagnostics.isEmpty ? [.error("the XML could not be parsed", at: SourceLocation(file: file, line: 1))] : diagnostics))
            }
            defer { xmlFreeDoc(document) }
            if let dtd = document.pointee.intSubset {
                return .failure(
                    DiagnosticList.error(
                        "DOCTYPE declarations are not accepted: they can define entities",
                        at: SourceLocation(file: file, line: max(1, Int(xmlGetLineNo(UnsafeMutablePointer(OpaquePointer(dtd))))))))
            }
            guard let root = xmlDocGetRootElement(document) else {
                return .failure(DiagnosticList.error("the XML document has no root element", at: SourceLocation(file: file, line: 1)))
            }
            do throws(DiagnosticList) {
                return .success(try body(root))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Walks a parsed document into Swift values, counting elements against the limits.
    struct Walker {
        let file: String
        let limits: InputLimits
        var count = 0
        /// Names and namespace URIs by libxml2 pointer: the parser interns them in its dictionary,
        /// so each distinct one becomes a Swift string once, not once per element. A pointer is
        /// only looked up while the document (which owns what it points to) is alive.
        var interned: [UnsafePointer<xmlChar>: String] = [:]

        init(file: String, limits: InputLimits) {
            self.file = file
            self.limits = limits
        }

        mutating func element(_ node: xmlNodePtr, depth: Int) throws(DiagnosticList) -> XMLTree.Element {
            let location = try enter(node, depth: depth)
            var result = XMLTree.Element(
                name: intern(node.pointee.name) ?? "",
                namespace: node.pointee.ns.flatMap { intern($0.pointee.href) },
                location: location)
            var attribute = node.pointee.properties
            while let current = attribute {
                result.attributes.append(XMLTree.Attribute(name: Self.string(current.pointee.name) ?? "", value: Self.value(of: current)))
                attribute = current.pointee.next
            }
            let counts = Self.childCounts(node)
            result.children.reserveCapacity(counts.elements)
            result.text = Self.text(node, counts)
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE: result.children.append(try element(current, depth: depth + 1))
                case XML_ENTITY_REF_NODE: throw entityReference(current)
                default: break
                }
                child = current.pointee.next
            }
            return result
        }

        /// Counts `node` against the limits; its place in the document.
        mutating func enter(_ node: xmlNodePtr, depth: Int) throws(DiagnosticList) -> SourceLocation {
            let location = SourceLocation(file: file, line: max(Int(xmlGetLineNo(node)), 1))
            count += 1
            guard depth <= limits.maxDepth else {
                throw DiagnosticList.error("nesting is deeper than the limit of \(limits.maxDepth) levels", at: location)
            }
            guard count <= limits.maxNodes else {
                throw DiagnosticList.error("the document has more than \(limits.maxNodes) elements", at: location)
            }
            return location
        }

        /// The error for an entity reference met among an element's children.
        func entityReference(_ node: xmlNodePtr) -> DiagnosticList {
            DiagnosticList.error("entity references are not accepted", at: SourceLocation(file: file, line: max(1, Int(xmlGetLineNo(node)))))
        }

        /// What an element's children are: how many elements, whether all are `<item>`, and its
        /// text pieces (how many, how many bytes in all, and the first).
        struct ChildCounts {
            var elements = 0
            var allItems = true
            var pieces = 0
            var bytes = 0
            var firstPiece: UnsafePointer<xmlChar>?
        }

        static func childCounts(_ node: xmlNodePtr) -> ChildCounts {
            var counts = ChildCounts()
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    counts.elements += 1
                    if counts.allItems { counts.allItems = isItem(current.pointee.name) }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content {
                        if counts.pieces == 0 { counts.firstPiece = UnsafePointer(content) }
                        counts.pieces += 1
                        counts.bytes += Int(xmlStrlen(content))
                    }
                default: break
                }
                child = current.pointee.next
            }
            return counts
        }

        /// True when `name` is `item`.
        private static func isItem(_ name: UnsafePointer<xmlChar>?) -> Bool {
            guard let name else { return false }
            return name[0] == UInt8(ascii: "i") && name[1] == UInt8(ascii: "t") && name[2] == UInt8(ascii: "e") && name[3] == UInt8(ascii: "m")
                && name[4] == 0
        }

        /// The element's direct text and CDATA pieces as one string; an element with children has
        /// one whitespace piece between each two of them.
        static func text(_ node: xmlNodePtr, _ counts: ChildCounts) -> String {
            if counts.pieces == 1, let piece = counts.firstPiece { return String(cString: piece) }
            if counts.pieces == 0 { return "" }
            return String(unsafeUninitializedCapacity: counts.bytes) { buffer in
                var offset = 0
                var child = node.pointee.children
                while let current = child {
                    if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                        let content = current.pointee.content
                    {
                        let length = Int(xmlStrlen(content))
                        let piece = UnsafeBufferPointer(start: UnsafePointer(content), count: length)
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + length]).initialize(from: piece)
                        offset += length
                    }
                    child = current.pointee.next
                }
                return offset
            }
        }

        /// An attribute's value, entity references resolved as libxml2 gives them.
        static func value(of attribute: xmlAttrPtr) -> String {
            let value = xmlNodeGetContent(UnsafeMutablePointer(OpaquePointer(attribute)))
            defer { CLibXML2_free(value) }
            return string(value) ?? ""
        }

        mutating func intern(_ pointer: UnsafePointer<xmlChar>?) -> String? {
            guard let pointer else { return nil }
            if let known = interned[pointer] { return known }
            let text = String(cString: pointer)
            interned[pointer] = text
            return text
        }

        static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
