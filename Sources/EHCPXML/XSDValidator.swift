// MARK: - C interop
internal import CLibXML2
import EHCPSource

/// A compiled XML Schema that validates documents, collecting every error with its line.
public final class XSDValidator {
    private let schema: xmlSchemaPtr

    /// Compiles the schema in `bytes`.
    ///
    /// - Throws: ``DiagnosticList`` when the schema itself is invalid.
    public init(schema bytes: [UInt8], file: String) throws(DiagnosticList) {
        let compiled: Result<xmlSchemaPtr, DiagnosticList> = LibXML2.collectingErrors(file: file) { collector in
            let parser = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { xmlSchemaNewMemParserCtxt($0.baseAddress, Int32($0.count)) }
            }
            guard let parser else { return .failure(DiagnosticList.error("the schema could not be read", at: nil)) }
            defer { xmlSchemaFreeParserCtxt(parser) }
            guard let schema = xmlSchemaParse(parser) else {
                return .failure(DiagnosticList(collector.diagnostics.isEmpty ? [.error("the schema is invalid", at: nil)] : collector.diagnostics))
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
    /// - Throws: ``DiagnosticList`` when the document is not well-formed XML.
    public func validate(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> [Diagnostic] {
        let result: Result<[Diagnostic], DiagnosticList> = LibXML2.collectingErrors(file: file) { collector in
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), file, nil, LibXML2.safeOptions) }
            }
            guard let document else { return .failure(DiagnosticList(collector.diagnostics)) }
            defer { xmlFreeDoc(document) }
            if document.pointee.intSubset != nil {
                return .failure(
                    DiagnosticList.error("DOCTYPE declarations are not accepted: they can define entities", at: SourceLocation(file: file, line: 1)))
            }
            guard let context = xmlSchemaNewValidCtxt(schema) else {
                return .failure(DiagnosticList.error("the schema validator could not start", at: nil))
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
