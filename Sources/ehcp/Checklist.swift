import ArgumentParser
import EHCPKit

extension EHCPCommand {
    struct Checklist: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checklist",
            abstract: "List the evidence an authority asks for, in the order a SENCO gathers it.",
            discussion: """
                Each item says whether it is law, statutory guidance or the authority's own practice, \
                how recent it must be, and where the authority publishes it. Markdown prints as a \
                tick-list; html is a printable page; json is for other tools.

                Examples:
                  ehcp checklist --authority norfolk
                  ehcp checklist --authority 926 --requester parent --format html --output checklist.html
                """)

        @Option(help: "Authority code or slug (see 'ehcp authorities list').")
        var authority: String

        @Option(help: "Who makes the request: parent, young-person, setting, youth-custody or other. Leaves out what applies only to others.")
        var requester: String?

        @Option(help: "Checklist format.")
        var format: ChecklistFormat = .markdown

        @Option(help: "Write the checklist to this file instead of standard output.")
        var output: String?

        @OptionGroup var ruleSetOptions: RuleSetOptions

        func validate() throws {
            if let requester, !Vocabulary.requesterRole.contains(requester) {
                throw ValidationError("unknown --requester '\(requester)'; use one of: \(Vocabulary.requesterRole.codes.joined(separator: ", "))")
            }
        }

        func run() throws {
            try reportingFailures {
                if let output { try OutputPath.refuse(output, reading: [try ruleSetOptions.catalog().folderOnDisk].compactMap { $0 }) }
                let checklist = try EHCPCommand.checklist(authority: authority, requester: requester, options: ruleSetOptions)
                let text = ChecklistRenderer.render(checklist, format: format.rawValue)!
                if let output { try FileAccess.writeAtomically(text, to: output) } else { Terminal.write(text) }
            }
        }
    }

    /// The checklist of an authority named on the command line, from its rules in force today.
    static func checklist(authority: String, requester: String?, options: RuleSetOptions) throws -> EHCPKit.Checklist {
        try EHCPKit.Checklist.current(for: try AuthorityCatalog.builtIn.require(authority), rulesets: try options.catalog(), requester: requester)
    }
}
