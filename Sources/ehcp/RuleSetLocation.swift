import EHCPKit
import EHCPSource
import Foundation

/// Finds the published `LocalAuthorities` folder for commands that need rule sets.
enum RuleSetLocation {
    static func catalog(_ explicit: String?) throws -> RuleSetCatalog {
        if let explicit {
            guard FileAccess.isDirectory(explicit) else { throw DiagnosticList([.error("--authorities-dir \(explicit) is not a folder")]) }
            return RuleSetCatalog(directory: explicit)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        if let found = RuleSetCatalog.locate(executable: executable) { return found }
        throw DiagnosticList([.error("the LocalAuthorities folder was not found beside the working directory or the ehcp binary; give --authorities-dir")])
    }
}
