import EHCPSource

/// A YAML (or JSON) document could not be read.
///
/// Each kind mirrors a libyaml error class (`yaml_error_type_t`) or one of the checks the tree
/// builder adds on top of libyaml (duplicate keys, limits, unknown aliases, JSON rules).
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// `YAML_READER_ERROR`: bad bytes, such as invalid UTF-8 or a control character.
        case reader
        /// `YAML_SCANNER_ERROR`: a token could not be read.
        case scanner
        /// `YAML_PARSER_ERROR`: tokens in an order YAML does not allow.
        case parser
        /// `YAML_MEMORY_ERROR` or another libyaml failure.
        case library
        /// A valid YAML stream that the tree builder refuses (duplicate key, unknown alias…).
        case structure
        /// The input exceeds a limit of ``InputLimits``.
        case limit
        /// Valid YAML that is not valid JSON.
        case json
    }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation

    public init(_ kind: Kind, _ message: String, at location: SourceLocation) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): error: \(message)" }

    /// The error as a diagnostic for reporting.
    public var diagnostic: Diagnostic { .error(message, at: location) }
}

extension DiagnosticList {
    /// `error` as the one error type the library throws, made where a caller of the YAML reader
    /// hands its failure on to a user (its message and place unchanged).
    public init(_ error: YAMLError) {
        self.init([error.diagnostic])
    }
}
