import ArgumentParser
import EHCPKit
import EHCPSource

extension EHCPCommand {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "Work with rule set, format and authority files.",
            discussion: """
                Examples:
                  ehcp rules lint LocalAuthorities/926-norfolk/*.yaml
                  ehcp rules test LocalAuthorities/926-norfolk
                  ehcp rules diff norfolk kent
                  ehcp rules sources --before 2026-06-01
                """,
            subcommands: [Lint.self, Test.self, Diff.self, Sources.self])

        struct Lint: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "lint",
                abstract: "Check rule set, format and authority files; every problem is listed with file:line:column.",
                discussion: """
                    A file holding 'format:' is checked as a format (format.yaml), a file named \
                    authority.yaml as authority metadata, and any other as a rule set. A rule set's \
                    extends, overrides and disable are resolved against the published set (with \
                    --authorities-dir or a LocalAuthorities folder laid over it), as validate does. \
                    Exit status 1 when any problem is found; notes (such as how a rule reads on a \
                    parent's request) are shown but are not problems.

                    Example:
                      ehcp rules lint LocalAuthorities/926-norfolk/*.yaml
                    """)

            @Argument(help: "Rule set, format or authority files.")
            var files: [String]

            @OptionGroup var ruleSetOptions: RuleSetOptions

            func run() throws {
                var problems = 0
                let catalog = try reportingFailures { try ruleSetOptions.catalog() }
                for file in files {
                    let diagnostics: [Diagnostic]
                    do {
                        diagnostics = Self.lint(try FileAccess.read(file), file: file, catalog: catalog)
                    } catch {
                        diagnostics = error.diagnostics
                    }
                    problems += diagnostics.filter { $0.severity != .info }.count
                    for diagnostic in diagnostics { Terminal.writeError(diagnostic.description.escapingControlCharacters()) }
                }
                Terminal.write("\(files.count) file(s) checked, \(problems) problem(s)\n")
                if problems > 0 { throw ExitCode.findings }
            }

            static func lint(_ bytes: [UInt8], file: String, catalog: RuleSetCatalog) -> [Diagnostic] {
                if file.hasSuffix("authority.yaml") { return AuthorityMetadata.lint(bytes, file: file) }
                if FormatLoader.isFormatFile(bytes, file: file) { return FormatLoader.lint(bytes, file: file) }
                return catalog.lint(bytes, file: file)
            }
        }
    }
}
