import ArgumentParser
import EHCPKit
import Foundation

extension EHCPCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check request bundles and list what is missing, stale or wrong.",
            discussion: """
                A bundle is a folder (or .zip) holding application.yaml, .json or .xml and the evidence \
                files it lists. Give several bundles, a folder of bundles, or a shell glob to check a \
                week's intake: they are checked in parallel (--jobs), with a progress bar on a terminal, \
                and the text report ends with tables per authority and per rule.

                Reports never show names, dates of birth or identifiers unless --show-personal-data is \
                given, so they can be pasted into a ticket or a CI log.

                Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when a bundle \
                could not be read.

                Examples:
                  ehcp validate Examples/riverside-request
                  ehcp validate intake/ --format html --output intake.html
                  ehcp validate intake/*.zip --format junit --output results.xml --fail-on warning
                """)

        @Argument(help: "Bundle folders, .zip bundles, application documents, folders of bundles, or quoted patterns such as 'intake/*.zip'.")
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

        @Option(help: "Highest compression ratio accepted for a zip entry and for the zip as a whole (N means N:1).")
        var maxRatio: UInt64 = 100

        @Option(help: "Date to check recency against (YYYY-MM-DD); defaults to the request's dateOfRequest.")
        var asOf: String?

        @Option(help: "Report format.")
        var format: ReportFormat = .text

        @Option(help: "Write the report to this file instead of standard output.")
        var output: String?

        @Option(help: "Lowest severity that makes the exit status 1: error, warning, info or never.")
        var failOn: String = "error"

        @Option(help: "How many bundles to check at once (default: the number of cores).")
        var jobs: Int?

        @Flag(help: "Show the child's name, date of birth and the request's reference in the report (never on stderr).")
        var showPersonalData = false

        @Flag(
            help:
                "Show bundles as 'bundle 1', 'bundle 2'… (in the order checked) instead of their paths, in the report and on stderr: folder names are often the child's name."
        )
        var redactPaths = false

        func validate() throws {
            guard failOn == "never" || Severity(rawValue: failOn) != nil else {
                throw ValidationError("unknown --fail-on '\(failOn)'; use error, warning, info or never")
            }
            if let asOf, CalendarDate(iso: asOf) == nil {
                throw ValidationError("--as-of must be a date written YYYY-MM-DD, e.g. --as-of 2026-10-05")
            }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
            for bundle in bundles.flatMap(Glob.expand) where !FileAccess.exists(bundle) {
                throw ValidationError(
                    "no bundle at '\(bundle)': give a folder holding application.yaml, a .zip bundle, or a folder of bundles (try 'ehcp init my-request --authority CODE' to start one)"
                )
            }
        }

        func run() throws {
            try reportingFailures {
                var options = ValidationOptions(
                    authority: authority, ruleFiles: ruleFiles, asOf: asOf.flatMap(CalendarDate.init(iso:)),
                    zipLimits: ZipLimits(maxEntries: maxEntries, maxTotalBytes: maxTotalSize << 20, maxRatio: maxRatio))
                options.personalDetails = showPersonalData
                let catalog = try ruleSetOptions.catalog()
                let given = bundles.flatMap(Glob.expand)
                // Authority formats are loaded, once, only when a folder holds no canonical document.
                let needsFormats = given.contains { FileAccess.isDirectory($0) && !BundleLocator.holdsCanonicalDocument($0) }
                let formats = needsFormats ? try FormatRegistry.standard(catalog: catalog) : nil
                let batch = BatchValidator(rulesets: catalog, options: options, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, formats: formats)
                let paths = given.flatMap { BundleLocator.expand($0, formats: formats) }
                // The bundles themselves are protected, not a folder of them: a report beside them is fine.
                if let output { try OutputPath.refuse(output, reading: paths + ruleFiles + [catalog.folderOnDisk].compactMap { $0 }) }
                let progress = paths.count > 1 ? ProgressBar(total: paths.count) : nil
                let reporter = format.reporter
                let outcome: BatchOutcome
                if let streaming = reporter as? any StreamingReporter {
                    outcome = try stream(paths, with: streaming, batch: batch, progress: progress)
                } else {
                    let outcomes = batch.validate(paths) { done in progress?.update(done: done) }
                    progress?.finish()
                    let all = outcomes.enumerated().map { report($1, index: $0, path: paths[$0]) }
                    let read = all.filter { !$0.couldNotBeRead }
                    outcome = BatchOutcome(read: read.count, unreadable: all.filter(\.couldNotBeRead), reachesThreshold: read.contains { reachesThreshold($0) })
                    // Every report lists the bundles that could not be read, with the reason.
                    try write(all, several: paths.count > 1)
                }
                for report in outcome.unreadable {
                    Terminal.writeError(report.problems.map { $0.description.escapingControlCharacters() }.joined(separator: "\n"))
                }
                if !outcome.unreadable.isEmpty {
                    if paths.count > 1 {
                        let rest = outcome.read == 0 ? "" : " and covers the rest"
                        Terminal.writeError("\(outcome.unreadable.count) of \(paths.count) bundle(s) could not be read; the report lists them\(rest)")
                    }
                    throw ExitCode.couldNotRun
                }
                if outcome.reachesThreshold { throw ExitCode.findings }
            }
        }

        /// What a batch came to: how many bundles were read, which could not be, and whether any
        /// finding reaches --fail-on.
        private struct BatchOutcome {
            var read = 0
            var unreadable: [BundleReport] = []
            var reachesThreshold = false
        }

        /// The report for one outcome: the bundle's own, or one saying why it could not be read;
        /// with --redact-paths, the bundle is shown as "bundle N".
        private func report(_ outcome: BatchValidator.Outcome, index: Int, path: String) -> BundleReport {
            let report: BundleReport
            switch outcome {
            case .success(let checked): report = checked
            case .failure(let error): report = .unreadable(path, because: error)
            }
            return redactPaths ? report.redacted(as: "bundle \(index + 1)") : report
        }

        private func reachesThreshold(_ report: BundleReport) -> Bool {
            guard let threshold = Severity(rawValue: failOn) else { return false }
            return report.findings.contains { $0.severity >= threshold }
        }

        /// Writes each bundle's report as soon as it and those before it are done, keeping only
        /// counts: memory stays the same however many bundles there are. On a terminal with a
        /// progress bar the report is held back until the bar is finished, so the two do not mix.
        private func stream(
            _ paths: [String], with reporter: any StreamingReporter, batch: BatchValidator,
            progress: ProgressBar?
        ) throws -> BatchOutcome {
            var shared = ReportContext(color: output == nil && format == .text && Terminal.colorAllowed, toolVersion: EHCPCommand.configuration.version)
            shared.several = paths.count > 1
            let context = shared
            let sink = try ReportSink(output: output, holdBack: output == nil && progress != nil && isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1)
            let totals = Locked(StreamTotals())
            batch.validate(
                paths, progress: { done in progress?.update(done: done) },
                deliver: { index, result in
                    let report = report(result, index: index, path: paths[index])
                    totals.withLock { state in
                        if report.couldNotBeRead {
                            state.outcome.unreadable.append(report)
                        } else {
                            state.outcome.read += 1
                            state.outcome.reachesThreshold = state.outcome.reachesThreshold || reachesThreshold(report)
                        }
                        if state.written == 0 { sink.write(reporter.start(context: context)) }
                        sink.write(reporter.bundle(report, index: state.written, context: context))
                        state.written += 1
                        state.summary.add(report)
                    }
                })
            progress?.finish()
            let state = totals.current
            if state.written == 0 {
                sink.discard()
            } else {
                sink.write(reporter.finish(state.summary, context: context))
                try sink.commit()
            }
            return state.outcome
        }

        /// The running totals of a streamed batch.
        private struct StreamTotals {
            var outcome = BatchOutcome()
            var summary = BatchSummary()
            var written = 0
        }

        /// Writes the whole report at once; `several` when more than one bundle was asked for.
        private func write(_ reports: [BundleReport], several: Bool) throws {
            var context = ReportContext(color: output == nil && format == .text && Terminal.colorAllowed, toolVersion: EHCPCommand.configuration.version)
            context.several = several
            let text = format.reporter.report(reports, context: context)
            if let output { try FileAccess.writeAtomically(text, to: output) } else { Terminal.write(text) }
        }
    }
}
