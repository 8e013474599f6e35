/// How serious a finding or a diagnostic is: one scale for both.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem with an input: an unreadable file, malformed YAML, XML or JSON, an invalid rule set.
///
/// Diagnostics are collected and reported together; an error-level diagnostic stops the command
/// with exit code 2. Messages name paths and kinds of value, never personal values.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `file:line:column: error: message`, the form compilers and editors understand (in their
    /// words, an `info` diagnostic is a `note`).
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity == .info ? "note" : severity.rawValue): \(message)"
    }
}

/// The one error ehcp's libraries throw for a failure a user can act on: every problem that
/// stopped the work, each with its place where there is one.
///
/// Readers, loaders and validators throw it (with typed throws where a caller benefits from
/// knowing), so a caller catches this one type; the command line prints each diagnostic as
/// `file:line:column: error: message` and exits with 2, the server answers 422 with each one.
/// The XML wrapper throws it as it is; the YAML wrapper's own `YAMLError` (whose kind its tests
/// and syntax help switch on) becomes one where the library calls the YAML reader.
public struct DiagnosticList: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One error-level diagnostic.
    public static func error(_ message: String, at location: SourceLocation? = nil) -> DiagnosticList {
        DiagnosticList([.error(message, at: location)])
    }

    /// `error` as the list it is, or else one diagnostic saying what it is: the one place where an
    /// error that is not a ``DiagnosticList`` (one the system threw, say) becomes one.
    public init(describing error: any Error) {
        if let list = error as? DiagnosticList {
            self = list
        } else {
            self.init([.error("\(error)")])
        }
    }

    /// The result of `body`, any error it throws turned into a list by ``init(describing:)``:
    /// for an entry point whose callers catch one type while what it calls is not yet typed.
    public static func catching<T>(_ body: () throws -> T) throws(DiagnosticList) -> T {
        do {
            return try body()
        } catch {
            throw DiagnosticList(describing: error)
        }
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects recoverable problems while an input is read, so all of them can be shown at once.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.error(message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.warning(message, at: location))
    }

    /// True when any collected diagnostic is an error.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}
