import ArgumentParser
import EHCPKit
import EHCPSource
import Foundation

extension EHCPCommand {
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Convert an application document between formats.",
            discussion: """
                Formats: canonical-yaml, canonical-json, canonical-xml, request-letter (written \
                only), and each authority's own format ('ehcp authorities list' shows which \
                authorities have one). Conversion goes through the canonical model; anything the \
                target cannot hold is listed on stderr by path (never by value), and with --strict \
                nothing is written. An error in the input (a value the target cannot be given, such as \
                an unknown code) is listed the same way; then nothing is written and the exit status \
                is 1, unless --force writes the rest. Without --from the format is told from the file: its \
                extension, its root element and namespace, or its marker field. Canonical output is \
                schema version 1.1, whatever version the input gave: every version 1 document is a \
                1.1 document.

                Examples:
                  ehcp convert application.yaml --to canonical-xml --output application.xml
                  ehcp convert referral.xml --to bedford-request-csv --output request.csv
                """)

        @Argument(help: "The document to convert, or - to read standard input.")
        var input: String

        @Option(help: "Target format id.")
        var to: String

        @Option(help: "Source format id; detected from the file when omitted.")
        var from: String?

        @Option(help: "Write here instead of standard output (atomically; never over the input).")
        var output: String?

        @Flag(help: "Fail, writing nothing, if anything would be lost or the input has schema errors.")
        var strict = false

        @Flag(help: "Write the output even when the input has errors, leaving out the values in error.")
        var force = false

        @OptionGroup var ruleSetOptions: RuleSetOptions

        /// Standard input, refused past the documents' size limit.
        static func standardInput() throws -> [UInt8] {
            let limit = InputLimits.default.maxDocumentBytes
            var bytes: [UInt8] = []
            while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
                bytes += chunk
                if bytes.count > limit {
                    throw ValidationError("standard input is larger than the \(limit >> 20) MiB limit for a document")
                }
            }
            return bytes
        }

        func validate() throws {
            if strict && force { throw ValidationError("--strict and --force cannot be given together") }
        }

        func run() throws {
            try reportingFailures {
                let catalog = try ruleSetOptions.catalog()
                if let output { try OutputPath.refuse(output, reading: (input == "-" ? [] : [input]) + [catalog.folderOnDisk].compactMap { $0 }) }
                let registry = try FormatRegistry.standard(catalog: catalog)
                guard let target = registry.format(id: to) else {
                    throw ValidationError("unknown --to format '\(to)'; use one of: \(registry.ids.joined(separator: ", "))")
                }
                if let from, registry.format(id: from) == nil {
                    throw ValidationError("unknown --from format '\(from)'; use one of: \(registry.ids.joined(separator: ", "))")
                }
                let file = input == "-" ? "<stdin>" : input
                let bytes = input == "-" ? try Self.standardInput() : try FileAccess.readDocument(input)
                let source = try from.flatMap(registry.format(id:)) ?? registry.detect(path: file, bytes: bytes)
                let result: Converter.Output
                do throws(DiagnosticList) {
                    result = try Converter.convert(bytes, file: file, from: source, to: target)
                } catch {
                    guard input == "-" && from == nil else { throw error }
                    // Without a file name only XML and JSON tell themselves apart; say how to name the format.
                    throw DiagnosticList(error.diagnostics + [.error("standard input was read as \(source.id); if it is another format, give --from")])
                }
                for finding in result.findings {
                    let place = finding.location.map { "\($0): " } ?? ""
                    Terminal.writeError("\(place)\(finding.severity.rawValue): \(finding.message) [\(finding.rule)]".escapingControlCharacters())
                }
                for entry in result.loss.entries {
                    Terminal.writeError(
                        "\(strict ? "error" : "warning"): not converted: \(entry.path) (\(entry.kind): \(entry.reason))".escapingControlCharacters())
                }
                let hasErrors = result.findings.contains { $0.severity == .error }
                if strict && (!result.loss.isEmpty || hasErrors) {
                    Terminal.writeError("nothing written (--strict)")
                    throw ExitCode.couldNotRun
                }
                if hasErrors && !force {
                    Terminal.writeError("nothing written: the input has errors; correct them, or give --force to write the rest")
                    throw ExitCode.findings
                }
                if let output { try FileAccess.writeAtomically(result.text, to: output) } else { Terminal.write(result.text) }
            }
        }
    }
}
