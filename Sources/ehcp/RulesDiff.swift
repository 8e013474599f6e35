import ArgumentParser
import EHCPKit

extension EHCPCommand.Rules {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "What authority A asks for that authority B does not, and the reverse.",
            discussion: "Rules are compared by what they check, not by id.\n\nExample:\n  ehcp rules diff norfolk bedford")

        @Argument(help: "First authority (code or slug).")
        var first: String

        @Argument(help: "Second authority (code or slug).")
        var second: String

        @OptionGroup var ruleSetOptions: RuleSetOptions

        func run() throws {
            try reportingFailures {
                let catalog = try ruleSetOptions.catalog()
                func rules(_ name: String) throws -> (AuthorityCatalog.Entry, [Rule]) {
                    let entry = try AuthorityCatalog.builtIn.require(name)
                    return (entry, try EffectiveRules.combine(catalog.rulesets(forCode: entry.code), asOf: nil).rules)
                }
                let (a, aRules) = try rules(first)
                let (b, bRules) = try rules(second)
                let difference = RuleDifference(aRules, bRules)
                var text = ""
                for entry in [a, b] where catalog.requirementsFile(forCode: entry.code) == nil {
                    text += "\(entry.name) has no rules of its own: only the statutory baseline (england) applies to it.\n"
                }
                if !text.isEmpty { text += "\n" }
                for (entry, other, only) in [(a, b, difference.onlyInFirst), (b, a, difference.onlyInSecond)] {
                    text += "\(entry.name) asks for, and \(other.name) does not (\(only.count)):\n"
                    for rule in only {
                        text += "  \(rule.id) [\(rule.severity.rawValue), \(rule.basis.rawValue)]: \(rule.summary)\n"
                    }
                    text += "\n"
                }
                text += "Asked by both: \(difference.inBoth) rule(s)\n"
                Terminal.write(text)
            }
        }
    }
}
