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
        guard bytes.count <= limits.maxDocumentBytes else {
            throw DiagnosticList.error(
                "the document is \(bytes.count) bytes, more than the limit of \(limits.maxDocumentBytes)", at: SourceLocation(file: file, line: 1))
        }
        let result: Result<XMLTree, DiagnosticList> = LibXML2.collectingErrors(file: file) { collector in
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
            var walker = Walker(file: file, limits: limits)
            do throws(DiagnosticList) {
                return .success(XMLTree(root: try walker.element(root, depth: 1)))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private struct Walker {
        let file: String
        let limits: InputLimits
        var count = 0
        /// Names and namespace URIs by libxml2 pointer: the parser interns them in its dictionary,
        /// so each distinct one becomes a Swift string once, not once per element. A pointer is
        /// only looked up while the document (which owns what it points to) is alive.
        var interned: [UnsafePointer<xmlChar>: String] = [:]

        mutating func element(_ node: xmlNodePtr, depth: Int) throws(DiagnosticList) -> XMLTree.Element {
            let line = Int(xmlGetLineNo(node))
            let location = SourceLocation(file: file, line: max(line, 1))
            count += 1
            guard depth <= limits.maxDepth else {
                throw DiagnosticList.error("nesting is deeper than the limit of \(limits.maxDepth) levels", at: location)
            }
            guard count <= limits.maxNodes else {
                throw DiagnosticList.error("the document has more than \(limits.maxNodes) elements", at: location)
            }
            var result = XMLTree.Element(
                name: intern(node.pointee.name) ?? "",
                namespace: node.pointee.ns.flatMap { intern($0.pointee.href) },
                location: location)
            var attribute = node.pointee.properties
            while let current = attribute {
                let value = xmlNodeGetContent(UnsafeMutablePointer(OpaquePointer(current)))
                result.attributes.append(XMLTree.Attribute(name: string(current.pointee.name) ?? "", value: string(value) ?? ""))
                CLibXML2_free(value)
                attribute = current.pointee.next
            }
            let (elements, texts) = Self.childCounts(node)
            result.children.reserveCapacity(elements)
            if texts.pieces > 1 { result.text = Self.concatenatedText(node, bytes: texts.bytes) }
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    result.children.append(try element(current, depth: depth + 1))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if texts.pieces == 1, let content = current.pointee.content { result.text = String(cString: content) }
                case XML_ENTITY_REF_NODE:
                    throw DiagnosticList.error("entity references are not accepted", at: SourceLocation(file: file, line: max(1, Int(xmlGetLineNo(current)))))
                default:
                    break
                }
                child = current.pointee.next
            }
            return result
        }

        /// How many child elements `node` has, and how many text pieces of how many bytes in all.
        private static func childCounts(_ node: xmlNodePtr) -> (elements: Int, texts: (pieces: Int, bytes: Int)) {
            var elements = 0
            var pieces = 0
            var bytes = 0
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE: elements += 1
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content {
                        pieces += 1
                        bytes += Int(xmlStrlen(content))
                    }
                default: break
                }
                child = current.pointee.next
            }
            return (elements, (pieces, bytes))
        }

        /// The text pieces of `node` (`bytes` long in all) as one string, allocated once; an
        /// element with children has one whitespace piece between each two of them.
        private static func concatenatedText(_ node: xmlNodePtr, bytes: Int) -> String {
            String(unsafeUninitializedCapacity: bytes) { buffer in
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

        private mutating func intern(_ pointer: UnsafePointer<xmlChar>?) -> String? {
            guard let pointer else { return nil }
            if let known = interned[pointer] { return known }
            let text = String(cString: pointer)
            interned[pointer] = text
            return text
        }

        private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        private func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
