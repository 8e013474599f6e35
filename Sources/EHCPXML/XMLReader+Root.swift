// MARK: - C interop
internal import CLibXML2
import EHCPSource

extension XMLReader {
    /// The root element's local name and namespace URI, read from the start of the document
    /// alone, as libxml2's streaming reader meets it: enough to tell which format a document is
    /// without building its tree. Nil when the document does not get as far as a root element, or
    /// declares a DOCTYPE first; ``read(_:file:limits:)`` then says what is wrong.
    public static func rootElement(_ bytes: [UInt8], file: String, limits: InputLimits = .default) -> (name: String, namespace: String?)? {
        guard bytes.count <= limits.maxDocumentBytes else { return nil }
        return LibXML2.collectingErrors(file: file) { _ in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars -> (name: String, namespace: String?)? in
                    guard let reader = xmlReaderForMemory(chars.baseAddress, Int32(chars.count), file, nil, LibXML2.safeOptions) else { return nil }
                    defer { xmlFreeTextReader(reader) }
                    while xmlTextReaderRead(reader) == 1 {
                        switch xmlTextReaderNodeType(reader) {
                        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                            guard let name = xmlTextReaderConstLocalName(reader) else { return nil }
                            return (String(cString: name), xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) })
                        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                            return nil
                        default:
                            continue
                        }
                    }
                    return nil
                }
            }
        }
    }
}
