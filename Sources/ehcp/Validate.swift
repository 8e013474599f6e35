import ArgumentParser
import EHCPKit

extension EHCPCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check request bundles and list what is missing, stale or wrong.",
            discussion: """
                Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when a bundle \
                could not be read.

                Example:
                  ehcp validate Examples/minimal-request --format json
                """)

        @Argument(help: "Bundle folders, .zip bundles, application documents, or folders of bundles to check.")
        var bundles: [String]

        @Option(help: "Authority code or slug to check against; defaults to the application's own authority.")
        var authority: String?

        @Option(name: .customLong("rules"), help: "A rule set file to use instead of the authority's published rules (repeatable).")
        var ruleFiles: [String] = []

        @OptionGroup var ruleSetOptions: RuleSetOptions

        @Option(help: "Most entries a zipped bundle may hold.")
        var maxEntries: Int = 1_000

        @Option(help: "Most a zipped bundle may unpack to, in MiB.")
        var maxTotalSize: UInt64 = 512

        @Option(help: "Highest compression ratio accepted for a zip entry (N means N:1).")
        var maxRatio: UInt64 = 100

        @Option(help: "Date to check recency against (YYYY-MM-DD); defaults to the request's dateOfRequest.")
        var asOf: String?

        @Option(help: "Report format: text or json.")
        var format: String = "text"

        @Option(help: "Write the report to this file instead of standard output.")
        var output: String?

        @Option(help: "Lowest severity that makes the exit status 1: error, warning, info or never.")
        var failOn: String = "error"

        func validate() throws {
            guard Reporters.reporter(format) != nil else {
                throw ValidationError("unknown --format '\(format)'; use one of: \(Reporters.all.map { $0.identifier }.joined(separator: ", "))")
            }
            guard failOn == "never" || Severity(rawValue: failOn) != nil else {
                throw ValidationError("unknown --fail-on '\(failOn)'; use error, warning, info or never")
            }
            if let asOf, CalendarDate(iso: asOf) == nil {
                throw ValidationError("--as-of must be a date written YYYY-MM-DD")
            }
        }

        func run() throws {
            try reportingFailures {
                let options = ValidationOptions(
                    authority: authority, ruleFiles: ruleFiles, asOf: asOf.flatMap(CalendarDate.init(iso:)),
                    zipLimits: ZipLimits(maxEntries: maxEntries, maxTotalBytes: maxTotalSize << 20, maxRatio: maxRatio))
                let validator = Validator(rulesets: try ruleSetOptions.catalog(), options: options)
                let reports = try bundles.flatMap(BundleLocator.expand).map { try validator.validate(bundle: $0) }
                let reporter = Reporters.reporter(format, color: output == nil && Terminal.colorAllowed)!
                let text = reporter.report(reports)
                if let output { try FileAccess.writeAtomically(text, to: output) } else { Terminal.write(text) }
                if let threshold = Severity(rawValue: failOn),
                    reports.contains(where: { $0.findings.contains { $0.severity >= threshold } }) {
                    throw ExitCode.findings
                }
            }
        }
    }
}
