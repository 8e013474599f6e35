import ArgumentParser
import EHCPKit
import EHCPSource

extension EHCPCommand {
    struct Authorities: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "authorities",
            abstract: "List England's local authorities and which publish their own rules and formats.",
            discussion: """
                Every English authority is listed; one without rules of its own is served by the \
                statutory baseline.

                Examples:
                  ehcp authorities list
                  ehcp authorities show norfolk
                """,
            subcommands: [List.self, Show.self], defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "One line per authority: code, name, and whether it has its own rules.",
                discussion: "Example:\n  ehcp authorities list --format json")

            @Option(help: "text or json.")
            var format: String = "text"

            @OptionGroup var ruleSetOptions: RuleSetOptions

            func run() throws {
                try reportingFailures {
                    let rulesets = try ruleSetOptions.catalog()
                    let formats = try FormatRegistry.standard(catalog: rulesets)
                    let entries = AuthorityCatalog.builtIn.entries
                    if format == "json" {
                        Terminal.write(JSONWriter.write(.sequence(entries.map { $0.listing(rulesets: rulesets, formats: formats) })))
                    } else {
                        let width = entries.map(\.name.count).max() ?? 0
                        Terminal.write(entries.map { entry in
                            let rules = rulesets.folder(forCode: entry.code) != nil ? "own rules" : "statutory baseline only"
                            let own = formats.ids(forAuthority: entry.code)
                            let name = entry.name + String(repeating: " ", count: width - entry.name.count)
                            return "\(entry.code)  \(name)  \(rules)\(own.isEmpty ? "" : ", own format \(own.joined(separator: ", "))")"
                        }.joined(separator: "\n") + "\n")
                    }
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "show",
                abstract: "Show one authority and the rules that apply to requests sent to it.",
                discussion: "Example:\n  ehcp authorities show norfolk")

            @Argument(help: "Code or slug.")
            var authority: String

            @OptionGroup var ruleSetOptions: RuleSetOptions

            func run() throws {
                try reportingFailures {
                    let entry = try AuthorityCatalog.builtIn.require(authority)
                    let catalog = try ruleSetOptions.catalog()
                    let chain = try catalog.rulesets(forCode: entry.code)
                    let formats = try FormatRegistry.standard(catalog: catalog).ids(forAuthority: entry.code)
                    var text = "\(entry.code) \(entry.name) (\(entry.region))\nRule sets: \(chain.map(\.id).joined(separator: " → "))\n"
                    if !formats.isEmpty { text += "Own format: \(formats.joined(separator: ", "))\n" }
                    if let file = catalog.metadataFile(forCode: entry.code) {
                        let metadata = try AuthorityMetadata.load(try catalog.contents(of: file), file: file)
                        text += "Research: \(metadata.result.phrase)\n"
                        text += "Submission: \(metadata.submission)\n"
                        if let localOffer = metadata.localOffer { text += "Local Offer: \(localOffer)\n" }
                        if let limit = metadata.maxFileSize { text += "Largest evidence file accepted: \(FileSizeCheck.describe(limit))\n" }
                        for form in metadata.forms {
                            text += "Form: \(form.name)\(form.version.map { ", version \($0)" } ?? "")\(form.requester.map { " (\($0))" } ?? "")\n"
                        }
                        text += "Sources:\n" + metadata.sources.map { "  \($0.url)\n    \($0.standing)\n" }.joined()
                        if !metadata.searched.isEmpty { text += "Searched without finding a source:\n" + metadata.searched.map { "  \($0)\n" }.joined() }
                    }
                    for ruleset in chain {
                        text += "\n\(ruleset.id) (\(ruleset.file))\n"
                        for rule in ruleset.rules { text += "  \(rule.id) [\(rule.severity.rawValue), \(rule.basis.rawValue)] \(rule.message)\n" }
                    }
                    Terminal.write(text)
                }
            }
        }
    }
}
