import ArgumentParser
import EHCPKit
import EHCPSource
import Foundation

/// `--authorities-dir`, shared by every command that reads rule sets.
struct RuleSetOptions: ParsableArguments {
    @Option(help: "The LocalAuthorities folder to read rule sets from (for testing drafts).")
    var authoritiesDir: String?

    /// The published set carried in the binary, with the folder given (or a `LocalAuthorities`
    /// folder in the working directory) laid over it.
    func catalog() throws -> RuleSetCatalog {
        if let authoritiesDir {
            guard FileAccess.isDirectory(authoritiesDir) else {
                throw DiagnosticList([.error("--authorities-dir \(authoritiesDir) is not a folder")])
            }
            return RuleSetCatalog(directory: authoritiesDir)
        }
        return RuleSetCatalog.forWorkingDirectory()
    }
}

extension AuthorityCatalog {
    /// The authority named by a code or slug given on the command line, or a usage error.
    func require(_ codeOrSlug: String) throws -> Entry {
        guard let entry = authority(codeOrSlug) else {
            throw ValidationError("'\(codeOrSlug)' is not a code or slug of an English local authority (see 'ehcp authorities list')")
        }
        return entry
    }
}
