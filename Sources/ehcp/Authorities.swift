import ArgumentParser
import EHCPKit
import EHCPSource

extension EHCPCommand {
    struct Authorities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List England's local authorities and which publish their own rules.",
            subcommands: [List.self, Show.self], defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One line per authority: code, name, and whether it has its own rules.",
                discussion: "Example:\n  ehcp authorities list --format json")

            @Option(help: "text or json.")
            var format: String = "text"

            @OptionGroup var ruleSetOptions: RuleSetOptions

            func run() throws {
                try reportingFailures {
                    let rulesets = try ruleSetOptions.catalog()
                    let entries = AuthorityCatalog.builtIn.entries
                    if format == "json" {
                        Terminal.write(JSONWriter.write(.sequence(entries.map { entry in
                            .mapping([("code", .string(entry.code)), ("name", .string(entry.name)), ("slug", .string(entry.slug)),
                                      ("region", .string(entry.region)), ("ownRules", .boolean(rulesets.folder(forCode: entry.code) != nil))])
                        })))
                    } else {
                        Terminal.write(entries.map { entry in
                            "\(entry.code)  \(entry.name)  \(rulesets.folder(forCode: entry.code) != nil ? "own rules" : "statutory baseline only")"
                        }.joined(separator: "\n") + "\n")
                    }
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show one authority and the rules that apply to requests sent to it.",
                discussion: "Example:\n  ehcp authorities show norfolk")

            @Argument(help: "Code or slug.")
            var authority: String

            @OptionGroup var ruleSetOptions: RuleSetOptions

            func run() throws {
                try reportingFailures {
                    let entry = try AuthorityCatalog.builtIn.require(authority)
                    let chain = try ruleSetOptions.catalog().rulesets(forCode: entry.code)
                    var text = "\(entry.code) \(entry.name) (\(entry.region))\nRule sets: \(chain.map(\.id).joined(separator: " → "))\n"
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
