// MARK: - C interop
internal import CLibXML2
import EHCPSource

/// A compiled XML Schema that validates documents, collecting every error with its line.
public final class XSDValidator {
    private let schema: xmlSchemaPtr

    /// Compiles the schema in `bytes`.
    ///
    /// - Throws: ``XMLError`` when the schema itself is invalid.
    public init(schema bytes: [UInt8], file: String) throws(XMLError) {
        let compiled: Result<xmlSchemaPtr, XMLError> = LibXML2.collectingErrors(file: file) { collector in
            let parser = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { xmlSchemaNewMemParserCtxt($0.baseAddress, Int32($0.count)) }
            }
            guard let parser else { return .failure(XMLError("the schema could not be read", at: nil)) }
            defer { xmlSchemaFreeParserCtxt(parser) }
            guard let schema = xmlSchemaParse(parser) else {
                return .failure(XMLError(collector.diagnostics.isEmpty ? [.error("the schema is invalid", at: nil)] : collector.diagnostics))
            }
            return .success(schema)
        }
        schema = try compiled.get()
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Every schema error in the document `bytes`; empty when it is valid.
    ///
    /// - Throws: ``XMLError`` when the document is not well-formed XML.
    public func validate(_ bytes: [UInt8], file: String) throws(XMLError) -> [Diagnostic] {
        let result: Result<[Diagnostic], XMLError> = LibXML2.collectingErrors(file: file) { collector in
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), file, nil, LibXML2.safeOptions) }
            }
            guard let document else { return .failure(XMLError(collector.diagnostics)) }
            defer { xmlFreeDoc(document) }
            if document.pointee.intSubset != nil {
                return .failure(XMLError("DOCTYPE declarations are not accepted: they can define entities", at: SourceLocation(file: file, line: 1)))
            }
            guard let context = xmlSchemaNewValidCtxt(schema) else {
                return .failure(XMLError("the schema validator could not start", at: nil))
            }
            defer { xmlSchemaFreeValidCtxt(context) }
            // Validation errors go to the structured handler installed by collectingErrors.
            let status = xmlSchemaValidateDoc(context, document)
            if status != 0 && collector.diagnostics.isEmpty {
                return .success([.error("the document does not match the schema", at: SourceLocation(file: file, line: 1))])
            }
            return .success(collector.diagnostics.filter { $0.severity == .error })
        }
        return try result.get()
    }
}

// A compiled xmlSchema is read-only after xmlSchemaParse; each validation creates its own
// context, so sharing the schema between threads is safe.
extension XSDValidator: @unchecked Sendable {}
