import ArgumentParser
import EHCPKit

extension EHCPCommand.Authorities {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "One national matrix: what every authority asks beyond the law, theme by theme, region by region.",
            discussion: """
                Rows are requirement themes (own request form, consent form, reviewed APDR cycles, \
                costed provision map, EP report, recency of reports…), found from what each rule checks; \
                columns are authorities grouped by region. Each cell says what the authority asks, how \
                it treats a request without it, its basis and the grade of its source; an authority with \
                no rules of its own shows its research result. For each authority whose request form is \
                in the field census (docs/field-census.csv, carried in the binary), a last row names the \
                fields of its form that only one or two census forms ask. html is a printable heat map (A3 \
                landscape) with counts per theme and a summary per region; csv and json are for \
                researchers.

                Examples:
                  ehcp authorities compare --format html --output matrix.html
                  ehcp authorities compare --format csv --output matrix.csv
                """)

        @Option(help: "Matrix format.")
        var format: MatrixFormat = .html

        @Option(help: "Write the matrix to this file (atomically) instead of standard output.")
        var output: String?

        @OptionGroup var ruleSetOptions: RuleSetOptions

        func run() throws {
            try reportingFailures {
                let catalog = try ruleSetOptions.catalog()
                // The authority files it reads are inputs: never written over.
                if let output { try OutputPath.refuse(output, reading: [catalog.folderOnDisk].compactMap { $0 }) }
                let matrix = try NationalMatrix.build(catalog: catalog)
                let text = matrix.render(format: format.rawValue)!
                if let output { try FileAccess.writeAtomically(text, to: output) } else { Terminal.write(text) }
            }
        }
    }
}
