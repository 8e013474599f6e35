import ArgumentParser
import EHCPKit
import Foundation

extension EHCPCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Start a bundle: an application.yaml with every field the authority needs, and an evidence folder.",
            discussion: """
                The application.yaml lists the authority's checklist as comments. It validates at \
                once: the findings are what is still to fill in or attach. It also has the fields \
                of schema 1.1 (address, ethnicity, previous schools...) that the authority's own \
                published form asks for, where ehcp models that form.

                Examples:
                  ehcp init my-request --authority norfolk
                  ehcp validate my-request
                """)

        @Argument(help: "The folder to create (it must not exist, or be empty).")
        var directory: String

        @Option(help: "Authority code or slug the request goes to (see 'ehcp authorities list').")
        var authority: String

        @Option(help: "Who makes the request: parent, young-person, setting, youth-custody or other.")
        var requester: String = "setting"

        @OptionGroup var ruleSetOptions: RuleSetOptions

        func validate() throws {
            guard Vocabulary.requesterRole.contains(requester) else {
                throw ValidationError("unknown --requester '\(requester)'; use one of: \(Vocabulary.requesterRole.codes.joined(separator: ", "))")
            }
            if FileAccess.exists(directory), !FileAccess.isDirectory(directory) || !FileAccess.list(directory).isEmpty {
                throw ValidationError("'\(directory)' already exists and is not an empty folder; choose a new folder name")
            }
        }

        func run() throws {
            try reportingFailures {
                let checklist = try EHCPCommand.checklist(authority: authority, requester: requester, options: ruleSetOptions)
                try FileManager.default.createDirectory(atPath: directory + "/evidence", withIntermediateDirectories: true)
                let formats = try FormatRegistry.standard(catalog: try ruleSetOptions.catalog())
                let text = BundleSkeleton.application(
                    checklist, requester: requester, date: CalendarDate.today,
                    formPaths: formats.canonicalPaths(heldByFormsOf: checklist.authority.code))
                // Kept, not overwritten, if an application appeared since the folder was checked.
                try FileAccess.writeAtomically(text, to: directory + "/application.yaml", existing: .keep)
                Terminal.write(
                    """
                    Created \(directory)/application.yaml and \(directory)/evidence/ for a request to \(checklist.authority.name).
                    Next: fill in application.yaml, put the documents in evidence/, then run
                      ehcp validate \(directory)

                    """)
            }
        }
    }
}
