import ArgumentParser
import EHCPKit
import EHCPSource

extension EHCPCommand {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work with rule set files.", subcommands: [Lint.self, Test.self, Diff.self])

        struct Lint: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Check rule set files; every problem is listed with file:line:column.",
                discussion: "Exit status 1 when any problem is found.\n\nExample:\n  ehcp rules lint LocalAuthorities/926-norfolk/requirements.yaml")

            @Argument(help: "Rule set files.")
            var files: [String]

            func run() throws {
                var problems = 0
                for file in files {
                    let diagnostics: [Diagnostic]
                    do {
                        diagnostics = RuleSetLoader.lint(try FileAccess.read(file), file: file)
                    } catch let list as DiagnosticList {
                        diagnostics = list.diagnostics
                    }
                    problems += diagnostics.count
                    for diagnostic in diagnostics { Terminal.writeError(diagnostic.description) }
                }
                Terminal.write("\(files.count) file(s) checked, \(problems) problem(s)\n")
                if problems > 0 { throw ExitCode.findings }
            }
        }
    }
}
