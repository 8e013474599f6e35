import ArgumentParser
import EHCPKit

extension EHCPCommand {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain a rule: what it checks, why, and where it is published.",
            discussion: "Example:\n  ehcp explain NFK-APDR-CYCLES --authority norfolk")

        @Argument(help: "The rule id, e.g. ENG-CHILD-VIEWS.")
        var ruleID: String

        @Option(help: "Authority code or slug whose rules to search; defaults to the statutory baseline.")
        var authority: String?

        @OptionGroup var ruleSetOptions: RuleSetOptions

        func run() throws {
            try reportingFailures {
                let catalog = try ruleSetOptions.catalog()
                var code = "000"
                if let authority { code = try AuthorityCatalog.builtIn.require(authority).code }
                let chain = try catalog.rulesets(forCode: code)
                guard let rule = chain.flatMap(\.rules).first(where: { $0.id == ruleID.uppercased() }) else {
                    throw ValidationError(
                        "no rule '\(ruleID)' in \(chain.map(\.id).joined(separator: ", "))\(authority == nil ? "; give --authority to search an authority's rules" : "")"
                    )
                }
                var text = "\(rule.id) (\(rule.severity.rawValue), \(rule.basis.rawValue))\n\n\(rule.message)\n\n"
                text += "Checks (\(rule.check.key)): \(rule.summary)\n"
                if let item = rule.checklistItem { text += "On the checklist: \(item)\n" }
                if let reference = rule.reference { text += "Source: \(reference)\n" }
                if let source = rule.source { text += "Rests on: \(source.url)\n  \(source.standing)\n" }
                if let quote = rule.quote { text += "  which says: \(quote.first == "\u{201C}" || quote.first == "\"" ? quote : "\u{201C}\(quote)\u{201D}")\n" }
                text += "Defined in: \(rule.location) (rule set \(rule.ruleset))\n"
                if rule.basis == .local {
                    text += "\nThis is the authority's own expectation, not a legal condition of a request.\n"
                    if rule.severity == .error {
                        text += "On a parent's or young person's request it is reported as a warning: \(RequesterFairness.explanation)\n"
                    }
                }
                Terminal.write(text)
            }
        }
    }
}
