import ArgumentParser
import EHCPKit
import EHCPSource

extension EHCPCommand {
    struct Authorities: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "authorities",
            abstract: "List England's local authorities, what research into their practice found, and compare them.",
            discussion: """
                Every English authority is listed with its research result: own rules, nothing beyond \
                the law, no source found, or not yet researched. One without rules of its own is served \
                by the statutory baseline.

                Examples:
                  ehcp authorities list
                  ehcp authorities show norfolk
                  ehcp authorities compare --format html --output matrix.html
                """,
            subcommands: [List.self, Show.self, Compare.self], defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "One line per authority: code, name, what research into its practice found, and the newest source date.",
                discussion: "Example:\n  ehcp authorities list --format json")

            @Option(help: "Output format.")
            var format: TextOrJSON = .text

            @OptionGroup var ruleSetOptions: RuleSetOptions

            func run() throws {
                try reportingFailures {
                    let catalog = try ruleSetOptions.catalog()
                    let list = try AuthorityList(catalog: catalog, formats: try FormatRegistry.standard(catalog: catalog))
                    Terminal.write(format == .json ? JSONWriter.write(list.json) : list.text)
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
