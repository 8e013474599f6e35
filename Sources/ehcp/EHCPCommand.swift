import ArgumentParser

/// `ehcp`: check and convert requests for an EHC needs assessment.
@main
struct EHCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ehcp",
        abstract: "Check a request for an EHC needs assessment before it is sent, and convert it between formats.",
        discussion: """
            A request bundle is a folder (or a .zip) holding one application document \
            (application.yaml, .json or .xml, or a document in an authority's own format) and the \
            evidence files it lists.

            Getting started:
              ehcp checklist --authority norfolk          what Norfolk asks for, to print
              ehcp init my-request --authority norfolk    a bundle to fill in
              ehcp validate my-request                    what is still missing, stale or wrong
              ehcp validate my-request --format html --output report.html

            Shell completions: ehcp --generate-completion-script bash (or zsh, fish).
            """,
        version: "0.1.0",
        subcommands: [
            Validate.self, Checklist.self, Init.self, ImportAttainment.self, Timeline.self, Convert.self, Authorities.self, Explain.self, Rules.self,
            Schema.self, Serve.self, GenerateDocs.self
        ]
    )

    /// Runs the command; usage errors exit with 2 (the contract), not argument-parser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code.rawValue > 2 {
                Terminal.writeError(fullMessage(for: error))
                Terminal.writeError("Run 'ehcp help' for usage.")
                exit(withError: ExitCode.couldNotRun)
            }
            exit(withError: error)
        }
    }
}

extension ExitCode {
    /// Findings at or above `--fail-on`.
    static let findings = ExitCode(1)
    /// Could not run: a usage error, unreadable or malformed input.
    static let couldNotRun = ExitCode(2)
}
