import ArgumentParser
import EHCPKit

extension EHCPCommand.Rules {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run an authority's example bundles against their expected findings.",
            discussion: """
                Shows every example whose findings differ from its .expected.yaml, then the rules \
                no example triggers (rule coverage). Exit status 1 when an example disagrees.

                Example:
                  ehcp rules test LocalAuthorities/926-norfolk
                """)

        @Argument(help: "Authority folders (LocalAuthorities/<code>-<slug>).")
        var folders: [String]

        func run() throws {
            try reportingFailures {
                var failed = false
                for folder in folders {
                    let parent = String(folder.dropLast(folder.hasSuffix("/") ? 1 : 0))
                    let catalog = RuleSetCatalog.containing(folder: parent)
                    let outcomes = try ExampleRunner.run(folder: parent, rulesets: catalog)
                    var text = "\(parent): \(outcomes.filter(\.passed).count) of \(outcomes.count) example(s) agree\n"
                    for outcome in outcomes where !outcome.passed {
                        failed = true
                        text += "  \(outcome.example)\n"
                        for item in outcome.missing { text += "    expected, not reported: \(item)\n" }
                        for item in outcome.unexpected { text += "    reported, not expected: \(item)\n" }
                    }
                    let rulesFile = parent + "/requirements.yaml"
                    guard FileAccess.exists(rulesFile) else {
                        text +=
                            "  \(parent) has no rules of its own (no requirements.yaml): its examples were checked against the statutory baseline alone, and there is no rule coverage to report\n"
                        Terminal.write(text)
                        continue
                    }
                    let own = try RuleSetLoader.load(FileAccess.read(rulesFile), file: rulesFile).rules.map(\.id)
                    let triggered = outcomes.reduce(into: Set<String>()) { $0.formUnion($1.triggered) }
                    let untested = own.filter { !triggered.contains($0) }
                    text += "  rule coverage: \(own.count - untested.count) of \(own.count) rule(s) triggered by an example\n"
                    if !untested.isEmpty { text += "  never triggered: \(untested.joined(separator: ", "))\n" }
                    Terminal.write(text)
                }
                if failed { throw ExitCode.findings }
            }
        }
    }
}
