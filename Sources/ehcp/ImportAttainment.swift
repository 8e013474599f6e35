import ArgumentParser
import EHCPKit
import EHCPSource
import Foundation

extension EHCPCommand {
    struct ImportAttainment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-attainment",
            abstract: "Add attainment from a CSV export of a tracking system to a bundle's application.",
            discussion: """
                The CSV's header names its columns: area, measure, date, value and, optionally, \
                expected (the value expected at the child's age on that date), in any order. Dates \
                are YYYY-MM-DD or DD/MM/YYYY; values are plain numbers. Quoted fields, a byte order \
                mark, CRLF line ends and blank lines are read as spreadsheets write them.

                Every bad cell is listed at once, by row and column, saying what is wrong but never \
                what the cell holds; then nothing is changed and the exit status is 2. A row with \
                the same area, measure and date as an item the application already has is listed \
                and not added again, so running the command twice adds nothing the second time.

                A YAML application is edited in place: the rows are added to its attainment list \
                (or a new one at the end), and every other line, comments included, is kept as it \
                was. A JSON, XML or authority-format document is not rewritten in place; give \
                --output FILE (.yaml, .json or .xml) to write it, rows added, as a new canonical \
                document. The write is atomic.

                Examples:
                  ehcp import-attainment tracking.csv --into my-request --dry-run
                  ehcp import-attainment tracking.csv --into my-request
                """)

        @Argument(help: "The CSV file: columns area, measure, date, value, expected.")
        var csv: String

        @Option(help: "The bundle folder (or its application document) to add the rows to.")
        var into: String

        @Option(help: "Write the document with the rows added here, leaving the bundle's as it is.")
        var output: String?

        @Flag(help: "Print the rows that would be added, and change nothing.")
        var dryRun = false

        @OptionGroup var ruleSetOptions: RuleSetOptions

        func run() throws {
            try reportingFailures {
                if into.lowercased().hasSuffix(".zip") && !FileAccess.isDirectory(into) {
                    throw DiagnosticList([
                        .error("\(into) is a zip, which ehcp does not edit; unzip it, import into the folder, and zip it again (nothing was changed)")
                    ])
                }
                var registry: FormatRegistry?
                func formats() throws -> FormatRegistry {
                    if let registry { return registry }
                    registry = try FormatRegistry.standard(catalog: try ruleSetOptions.catalog())
                    return registry!
                }
                let located = try BundleLocator.locate(in: into) { try formats() }
                if let output { try OutputPath.refuse(output, reading: [csv, into]) }
                let rows = try AttainmentCSV(try FileAccess.read(csv, limit: InputLimits.default.maxDocumentBytes), file: csv).rows
                let bytes = try FileAccess.readDocument(located.path)
                let format = try located.format ?? formats().detect(path: located.path, bytes: bytes)
                let read = try format.read(bytes, file: located.path)
                let plan = AttainmentImport(rows, into: read.application)
                for duplicate in plan.duplicates {
                    let differs = duplicate.differs ? ", with another value or expectation; the document's is kept" : ""
                    Terminal.writeError(
                        "\(duplicate.location): note: row \(duplicate.row): attainment[\(duplicate.item)] already has this area, measure and date\(differs); not added again"
                    )
                }
                let destination = output ?? located.path
                guard !plan.added.isEmpty else {
                    Terminal.write("Nothing to add: \(located.path) already has every row of \(csv).\n")
                    return
                }
                let text = try Self.document(with: plan, bytes: bytes, read: read, format: format, located: located.path, output: output)
                let count = "\(plan.added.count) attainment row\(plan.added.count == 1 ? "" : "s")"
                if dryRun {
                    Terminal.write("Would add \(count) to \(destination) (nothing was changed):\n" + plan.yamlItems.map { "  - \($0)\n" }.joined())
                    return
                }
                try FileAccess.writeAtomically(text, to: destination)
                let skipped = plan.duplicates.isEmpty ? "" : "; \(plan.duplicates.count) already there not added again"
                Terminal.write("Added \(count) to \(destination)\(skipped).\n")
            }
        }

        /// The document to write: a YAML document edited where it stands (unless `output` names
        /// JSON or XML), any other written whole, in the canonical format `output` names, with what
        /// that format cannot hold listed on stderr.
        private static func document(
            with plan: AttainmentImport, bytes: [UInt8], read: ReadResult, format: any FormatPlugin,
            located: String, output: String?
        ) throws -> String {
            let yaml = CanonicalYAMLFormat().id
            if format.id == yaml && (output.flatMap(AttainmentImport.outputFormat(for:)).map { $0.id == yaml } ?? true) {
                return try plan.editedYAML(bytes, file: located, original: read)
            }
            guard let output else {
                throw DiagnosticList([
                    .error(
                        "\(located) is a \(format.id) document, which ehcp edits only by writing it whole; give --output FILE.yaml (or .json, .xml) to write the document with the rows added to a new file, leaving this one as it is (nothing was changed)"
                    )
                ])
            }
            guard let target = AttainmentImport.outputFormat(for: output) else {
                throw DiagnosticList([
                    .error("--output \(output): name a file ending .yaml, .yml, .json or .xml, the canonical format to write (nothing was changed)")
                ])
            }
            let (text, loss) = try target.write(plan.applied(to: read.application))
            for entry in loss.entries {
                Terminal.writeError("warning: not written: \(entry.path) (\(entry.kind): \(entry.reason))")
            }
            return text
        }
    }
}
