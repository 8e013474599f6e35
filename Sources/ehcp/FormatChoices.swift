import ArgumentParser
import EHCPKit

// The values each `--format` option accepts, as types: argument-parser refuses any other value
// (exit 2, with the list) and `--help` lists them, so no command checks a format string by hand.

/// `ehcp validate --format`: one per reporter.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html, markdown, sarif, junit

    /// The reporter that writes this format.
    var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .html: HTMLReporter()
        case .markdown: MarkdownReporter()
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter()
        }
    }
}

/// `ehcp checklist --format`: the formats ``ChecklistRenderer`` writes.
enum ChecklistFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, html, json
}

/// `ehcp authorities compare --format`: the formats ``NationalMatrix`` is written in.
enum MatrixFormat: String, ExpressibleByArgument, CaseIterable {
    case html, csv, json
}

/// `--format` of the commands that print either prose or JSON.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
