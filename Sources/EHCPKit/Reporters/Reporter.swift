import EHCPSource

/// Turns bundle reports into text for one output format.
public protocol Reporter: Sendable {
    /// The `--format` value.
    static var identifier: String { get }
    func report(_ reports: [BundleReport]) -> String
}

/// The reporters ehcp offers.
public enum Reporters {
    public static let all: [any Reporter.Type] = [TextReporter.self, JSONReporter.self]

    public static func reporter(_ identifier: String, color: Bool = false) -> (any Reporter)? {
        switch identifier {
        case TextReporter.identifier: TextReporter(color: color)
        case JSONReporter.identifier: JSONReporter()
        default: nil
        }
    }
}
