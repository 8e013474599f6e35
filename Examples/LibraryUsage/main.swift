import EHCPKit
import Foundation

// Checks a request for an EHC needs assessment with EHCPKit alone, the way a case-management system
// that embeds ehcp would, and prints what `ehcp validate` would find. Built by the test suite.
//
//     swift run LibraryUsage Examples/riverside-request
//
// Exit status: 0 when the request has no error, 1 when it has, 2 when it cannot be read.

/// One line per finding: severity, rule, where in the document and why. Messages name fields,
/// never their values, so this output carries no personal data.
func describe(_ finding: Finding) -> String {
    let place = finding.location.map(describe) ?? ""
    return "\(finding.severity.rawValue) \(finding.rule) [\(finding.path ?? "-")]\(place): \(finding.message)"
}

/// Where in the document: the line, and the column when it is known.
func describe(_ location: SourceLocation) -> String {
    location.column.map { " line \(location.line), column \($0)" } ?? " line \(location.line)"
}

// 1. A document held in memory is read into the canonical model with the format that reads it;
//    what cannot be read as the schema says comes back as findings, not as a thrown error.
let draft = """
    schemaVersion: "1.1"
    authority: "926"
    dateOfRequest: 5 October 2026

    """
let read = try CanonicalYAMLFormat().read(Array(draft.utf8), file: "draft.yaml")
print("in-memory draft: \(read.findings.count) finding(s)")
for finding in read.findings { print("  " + describe(finding)) }

// 2. A bundle on disk (a folder, a document or a zip) is checked against the statutory baseline and
//    the receiving authority's published rules, which the library carries.
guard CommandLine.arguments.count == 2 else {
    print("usage: LibraryUsage <bundle>")
    exit(2)
}
let validator = Validator(rulesets: .builtIn, options: ValidationOptions())
let report: BundleReport
do {
    report = try validator.validate(bundle: CommandLine.arguments[1])
} catch {
    // Unreadable input is a list of problems (`DiagnosticList`, the one error the library throws),
    // each with its place: never the document's values.
    for problem in error.diagnostics { print("cannot be read:\(problem.location.map(describe) ?? "") \(problem.message)") }
    exit(2)
}
print("bundle: \(report.authority?.name ?? "unknown authority"), rule sets \(report.rulesets.joined(separator: ", "))")
for finding in report.findings { print("  " + describe(finding)) }
print(report.isValid ? "valid" : "not valid: \(report.count(.error)) error(s)")
exit(report.isValid ? 0 : 1)
