import EHCPKit
import Foundation

/// How `ehcp serve` listens and what it allows one request.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; loopback unless the caller says otherwise.
    public var host = "127.0.0.1"
    /// The port; 0 lets the system choose one (tests).
    public var port = 8080
    /// Where rule sets and formats come from.
    public var rulesets: RuleSetCatalog
    /// The version shown in reports.
    public var toolVersion: String
    /// The largest request body accepted (413 above it).
    public var maxBodyBytes = 64 << 20
    /// Limits on an uploaded zip bundle: the CLI's defaults.
    public var zipLimits = ZipLimits()
    /// How long one validation or conversion may take before the request is answered 503.
    public var requestTimeLimit: Duration = .seconds(30)
    /// How many validations or conversions run at once; more are answered 503 with Retry-After.
    public var maxConcurrentChecks = max(2, ProcessInfo.processInfo.activeProcessorCount)

    public init(rulesets: RuleSetCatalog, toolVersion: String) {
        self.rulesets = rulesets
        self.toolVersion = toolVersion
    }
}
