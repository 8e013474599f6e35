// MARK: - C interop
internal import CLibXML2
import EHCPSource

/// Shared plumbing for the libxml2 wrapper: start-up, parse options and error collection.
enum LibXML2 {
    /// Options safe for untrusted input: no network, no entity substitution, no DTD loading, and
    /// true line numbers past 65,535.
    static let safeOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Called once, before any other libxml2 call.
    static let initialize: Void = {
        xmlInitParser()
    }()

    /// Calls `body` with `text` as a NUL-terminated `xmlChar` string that lives for the call.
    static func withXMLChars<T>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> T) -> T {
        text.withCString { chars in
            chars.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1) { body($0) }
        }
    }

    /// Collects libxml2's structured errors for one synchronous call.
    final class ErrorCollector {
        let file: String
        var diagnostics: [Diagnostic] = []

        init(file: String) {
            self.file = file
        }
    }

    /// Runs `body` with libxml2's structured error handler pointed at a fresh collector.
    ///
    /// The handler is thread-local in this libxml2 build; it is set and reset within this one
    /// synchronous call, so concurrent parses on other threads never see it.
    static func collectingErrors<T>(file: String, _ body: (ErrorCollector) throws -> T) rethrows -> T {
        _ = initialize
        let collector = ErrorCollector(file: file)
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque()) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
            collector.diagnostics.append(LibXML2.diagnostic(error.pointee, file: collector.file))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return try withExtendedLifetime(collector) { try body(collector) }
    }

    /// The one place a libxml2 error becomes a ``Diagnostic``: its kind and position, no text of the document.
    static func diagnostic(_ error: xmlError, file: String) -> Diagnostic {
        // Never error.message: it quotes the document.
        let message = kind(code: error.code, domain: error.domain)
        let severity: Severity = error.level == XML_ERR_WARNING ? .warning : .error
        let line = Int(error.line)
        let column = error.int2 > 0 ? Int(error.int2) : nil
        return Diagnostic(severity, message, at: line > 0 ? SourceLocation(file: file, line: line, column: column) : SourceLocation(file: file, line: 1))
    }
}
