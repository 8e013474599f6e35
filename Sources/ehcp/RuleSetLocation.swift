import EHCPKit
import EHCPSource
import Foundation

/// Finds the published `LocalAuthorities` folder for commands that need rule sets: the one given,
/// one beside the working directory or the binary, or else the copy carried in the binary.
enum RuleSetLocation {
    static func catalog(_ explicit: String?) throws -> RuleSetCatalog {
        if let explicit {
            guard FileAccess.isDirectory(explicit) else { throw DiagnosticList([.error("--authorities-dir \(explicit) is not a folder")]) }
            return RuleSetCatalog(directory: explicit)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        return RuleSetCatalog.locate(executable: executable) ?? .builtIn
    }
}
