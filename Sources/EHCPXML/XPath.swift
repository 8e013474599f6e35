// MARK: - C interop
internal import CLibXML2
import EHCPSource

/// A compiled XPath 1.0 expression.
public final class XPathExpression {
    fileprivate let compiled: xmlXPathCompExprPtr
    /// The expression as written.
    public let source: String

    /// Compiles `source`.
    ///
    /// - Throws: ``DiagnosticList`` when the expression is not valid XPath 1.0.
    /// libxml2's compiler accepts some truncated expressions (`count(`), so the expression is also
    /// run once on an empty document with `namespaces` bound; an evaluation error means it is invalid.
    public init(_ source: String, namespaces: [(prefix: String, uri: String)] = []) throws(DiagnosticList) {
        self.source = source
        let compiled: xmlXPathCompExprPtr? = LibXML2.collectingErrors(file: "<xpath>") { _ in
            LibXML2.withXMLChars(source) { xmlXPathCompile($0) }
        }
        guard let compiled else { throw DiagnosticList.error("'\(source)' is not a valid XPath 1.0 expression", at: nil) }
        self.compiled = compiled
        let probe = try XPathDocument(Array("<probe/>".utf8), file: "<xpath>", namespaces: namespaces)
        guard probe.evaluates(self) else {
            throw DiagnosticList.error("'\(source)' is not a valid XPath 1.0 expression", at: nil)
        }
    }

    deinit {
        xmlXPathFreeCompExpr(compiled)
    }
}

// A compiled expression is immutable; evaluation uses a per-call context.
extension XPathExpression: @unchecked Sendable {}

/// A parsed XML document kept alive for XPath queries.
public final class XPathDocument {
    private let document: xmlDocPtr
    private let namespaces: [(prefix: String, uri: String)]

    /// Parses `bytes` (safe options, no DOCTYPE) and binds `namespaces` for queries.
    public init(_ bytes: [UInt8], file: String, namespaces: [(prefix: String, uri: String)]) throws(DiagnosticList) {
        let parsed: Result<xmlDocPtr, DiagnosticList> = LibXML2.collectingErrors(file: file) { collector in
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), file, nil, LibXML2.safeOptions) }
            }
            guard let document else { return .failure(DiagnosticList(collector.diagnostics)) }
            if document.pointee.intSubset != nil {
                xmlFreeDoc(document)
                return .failure(DiagnosticList.error("DOCTYPE declarations are not accepted", at: SourceLocation(file: file, line: 1)))
            }
            return .success(document)
        }
        document = try parsed.get()
        self.namespaces = namespaces
    }

    /// Takes ownership of `document`, freed in `deinit`.
    init(takingOwnership document: xmlDocPtr, namespaces: [(prefix: String, uri: String)]) {
        self.document = document
        self.namespaces = namespaces
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The most steps libxml2 may take evaluating one expression (its `opLimit`).
    ///
    /// Rule sets are untrusted: an expression such as `count(//*[count(//*[count(//*)])])` grows as a
    /// power of the document's size. The rules ehcp publishes take a few hundred steps.
    public static let operationLimit: UInt = 1_000_000

    /// True when the expression evaluates without an error (its value is ignored).
    func evaluates(_ expression: XPathExpression) -> Bool {
        (try? evaluate(expression) { _ in () }) != nil
    }

    /// The expression's value converted to a boolean, as XPath's `boolean()` does.
    ///
    /// - Throws: ``DiagnosticList`` when evaluation fails (an unknown function or prefix, or more than
    ///   ``operationLimit`` steps), with libxml2's reason.
    public func boolean(_ expression: XPathExpression) throws(DiagnosticList) -> Bool {
        try evaluate(expression) { xmlXPathCastToBoolean($0) != 0 }
    }

    /// Evaluates `expression` in a fresh context bound to `namespaces`, bounded by ``operationLimit``,
    /// and reads the result with `read` before freeing it.
    private func evaluate<T>(_ expression: XPathExpression, read: (xmlXPathObjectPtr) -> T) throws(DiagnosticList) -> T {
        let outcome: Result<T, DiagnosticList> = LibXML2.collectingErrors(file: "<xpath>") { collector in
            guard let context = xmlXPathNewContext(document) else {
                return .failure(DiagnosticList.error("XPath could not start", at: nil))
            }
            defer { xmlXPathFreeContext(context) }
            context.pointee.opLimit = Self.operationLimit
            context.pointee.opCount = 0
            for namespace in namespaces {
                LibXML2.withXMLChars(namespace.prefix) { prefix in
                    LibXML2.withXMLChars(namespace.uri) { uri in _ = xmlXPathRegisterNs(context, prefix, uri) }
                }
            }
            guard let result = xmlXPathCompiledEval(expression.compiled, context) else {
                let reasons = collector.diagnostics.map(\.message)
                let reason = reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")
                return .failure(DiagnosticList.error("the XPath expression could not be evaluated\(reason)", at: nil))
            }
            defer { xmlXPathFreeObject(result) }
            return .success(read(result))
        }
        return try outcome.get()
    }
}
