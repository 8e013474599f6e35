import ArgumentParser
import EHCPKit
import EHCPSource

extension EHCPCommand.Rules {
    struct Sources: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "List the sources to re-check first: read before a date, or graded secondary copy or archive.",
            discussion: """
                Reads every authority's authority.yaml and the sources its requirements.yaml lists, \
                and lists, authority by authority, each source read before --before and each one \
                graded secondary-copy or archive, with the reason. Exit status 0 when it ran, \
                whatever it lists; 2 when a file is invalid.

                Examples:
                  ehcp rules sources --before 2026-06-01
                  ehcp rules sources --authorities-dir drafts --format json
                """)

        @Option(help: "List sources read before this date (YYYY-MM-DD).")
        var before: String?

        @Option(help: "Output format.")
        var format: TextOrJSON = .text

        @OptionGroup var ruleSetOptions: RuleSetOptions

        func validate() throws {
            if let before, CalendarDate(iso: before) == nil { throw ValidationError("--before '\(before)' is not a date (YYYY-MM-DD)") }
        }

        func run() throws {
            try reportingFailures {
                let audit = try SourceAudit.run(catalog: try ruleSetOptions.catalog(), before: before.flatMap { CalendarDate(iso: $0) })
                guard format == .json else { return Terminal.write(audit.text) }
                Terminal.write(
                    JSONWriter.write(
                        .sequence(
                            audit.items.map { item in
                                var fields: [(key: String, value: OutputNode)] = [
                                    ("code", .string(item.authority.code)), ("authority", .string(item.authority.name)), ("url", .string(item.source.url))
                                ]
                                if let read = item.source.read { fields.append(("read", .date(read.description))) }
                                if let grade = item.source.grade { fields.append(("grade", .string(grade.rawValue))) }
                                if let published = item.source.published { fields.append(("published", .string(published))) }
                                fields.append(("reasons", .sequence(item.reasons.map { .string($0) })))
                                return .mapping(fields)
                            })))
            }
        }
    }
}
