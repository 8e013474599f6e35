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

            @Option(help: "text or json.")
            var format: String = "text"

            @OptionGroup var ruleSetOptions: RuleSetOptions

            func run() throws {
                try reportingFailures {
                    let rulesets = try ruleSetOptions.catalog()
                    let formats = try FormatRegistry.standard(catalog: rulesets)
                    let research = try AuthorityCatalog.builtIn.entries.map { try AuthorityResearch.load($0, from: rulesets) }
                    if format == "json" {
                        Terminal.write(JSONWriter.write(.sequence(research.map { item in
                            let entry = item.authority
                            var fields: [(key: String, value: OutputNode)] = [
                                ("code", .string(entry.code)), ("name", .string(entry.name)), ("slug", .string(entry.slug)),
                                ("region", .string(entry.region)), ("ownRules", .boolean(item.hasOwnRules)), ("result", .string(item.resultID)),
                            ]
                            if let newest = item.newestSource { fields.append(("newestSource", .date(newest.description))) }
                            if let localOffer = item.localOffer { fields.append(("localOffer", .string(localOffer))) }
                            fields.append(("formats", .sequence(formats.ids(forAuthority: entry.code).map { .string($0) })))
                            return .mapping(fields)
                        })))
                    } else {
                        let width = research.map(\.authority.name.count).max() ?? 0
                        let resultWidth = research.map(\.phrase.count).max() ?? 0
                        Terminal.write(research.map { item in
                            let entry = item.authority
                            var line = "\(entry.code)  \(entry.name.padded(to: width))  \(item.phrase.padded(to: resultWidth))"
                            line += item.newestSource.map { "  sources read up to \($0)" } ?? ""
                            let own = formats.ids(forAuthority: entry.code)
                            if !own.isEmpty { line += "; own format \(own.joined(separator: ", "))" }
                            return line.trimmingTrailingSpaces
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

extension String {
    /// The text followed by spaces up to `width` characters.
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }

    /// The text without trailing spaces.
    var trimmingTrailingSpaces: String {
        String(self[..<(lastIndex { $0 != " " }.map { index(after: $0) } ?? startIndex)])
    }
}
