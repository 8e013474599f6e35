import ArgumentParser
import EHCPKit

extension EHCPCommand {
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert an application document between formats.",
            discussion: """
                Formats: canonical-yaml, canonical-json, canonical-xml. Anything the target cannot \
                hold is listed on stderr by path (never by value); with --strict nothing is written.

                Example:
                  ehcp convert application.yaml --to canonical-xml --output application.xml
                """)

        @Argument(help: "The document to convert.")
        var input: String

        @Option(help: "Target format id.")
        var to: String

        @Option(help: "Source format id; detected from the file when omitted.")
        var from: String?

        @Option(help: "Write here instead of standard output (atomically; never over the input).")
        var output: String?

        @Flag(help: "Fail, writing nothing, if anything would be lost or the input has schema errors.")
        var strict = false

        func validate() throws {
            let ids = FormatRegistry.canonical.map(\.id)
            guard FormatRegistry.format(id: to) != nil else {
                throw ValidationError("unknown --to format '\(to)'; use one of: \(ids.joined(separator: ", "))")
            }
            if let from, FormatRegistry.format(id: from) == nil {
                throw ValidationError("unknown --from format '\(from)'; use one of: \(ids.joined(separator: ", "))")
            }
            if let output, FileAccess.exists(output), FileAccess.sameFile(output, input) {
                throw ValidationError("--output names the input file; choose another file so the input is kept")
            }
        }

        func run() throws {
            try reportingFailures {
                let bytes = try FileAccess.read(input)
                guard let source = from.flatMap(FormatRegistry.format(id:)) ?? FormatRegistry.detect(path: input, bytes: bytes) else {
                    throw ValidationError("could not tell the format of \(input); give --from")
                }
                let result = try Converter.convert(bytes, file: input, from: source, to: FormatRegistry.format(id: to)!)
                for finding in result.findings {
                    let place = finding.location.map { "\($0): " } ?? ""
                    Terminal.writeError("\(place)\(finding.severity.rawValue): \(finding.message) [\(finding.rule)]")
                }
                for entry in result.loss.entries {
                    Terminal.writeError("\(strict ? "error" : "warning"): not converted: \(entry.path) (\(entry.kind): \(entry.reason))")
                }
                let hasErrors = result.findings.contains { $0.severity == .error }
                if strict && (!result.loss.isEmpty || hasErrors) {
                    Terminal.writeError("nothing written (--strict)")
                    throw ExitCode.couldNotRun
                }
                if let output { try FileAccess.writeAtomically(result.text, to: output) } else { Terminal.write(result.text) }
            }
        }
    }
}
