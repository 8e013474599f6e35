import EHCPSource

/// An XML document could not be read or did not validate.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem libxml2 (or our own checks) reported, with its line.
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ message: String, at location: SourceLocation?) {
        self.diagnostics = [.error(message, at: location)]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
