import EHCPSource

@testable import EHCPKit

/// One fixed set of findings for every reporter: an error, a warning and a note, of each basis,
/// about missing, stale and wrong things, and a bundle with the authority not known.
enum ReportFixtures {
    static let norfolk = AuthorityCatalog.Entry(code: "926", name: "Norfolk", slug: "norfolk", region: "East of England")
    static let rulesFile = "LocalAuthorities/926-norfolk/requirements.yaml"

    static func rule(_ id: String, _ check: RuleCheck, severity: Severity = .error, basis: Basis = .local) -> Rule {
        Rule(
            id: id, severity: severity, basis: basis, message: "Message of \(id).", reference: "Guidance, https://example.org/\(id)",
            source: nil, quote: nil, when: [], check: check, location: SourceLocation(file: rulesFile, line: 10), ruleset: "norfolk")
    }

    static let rules: [Rule] = [
        rule("NFK-CONSENT", .evidence(EvidenceCheck(types: ["consent-form"], min: 1))),
        rule("NFK-REPORTS-RECENT", .recency(RecencyCheck(types: ["educational-psychologist-report"], within: TimeWindow("24 months")!)), severity: .warning),
        rule("ENG-CHILD-GIVEN-NAMES", .field(FieldCheck(path: "child.givenNames", required: true)), basis: .law),
        rule("NFK-PASSES", .count(CountCheck(path: "graduatedApproach", min: 1)))
    ]

    static func finding(_ rule: String, _ severity: Severity, _ basis: Basis, line: Int, path: String) -> Finding {
        Finding(
            rule: rule, severity: severity, basis: basis, message: "Message of \(rule) <&> \"quoted\" | pipe *star*", path: path,
            location: SourceLocation(file: "intake/request one/application.yaml", line: line, column: 3),
            reference: "Guidance, https://example.org/\(rule)", ruleSource: SourceLocation(file: rulesFile, line: 10))
    }

    /// It records attainment, shown without personal data: the HTML says where its charts would be.
    static let failing = BundleReport(
        bundle: "intake/request one", authority: norfolk, rulesets: ["england", "norfolk"], asOf: CalendarDate(iso: "2026-10-05"),
        findings: [
            finding("NFK-CONSENT", .error, .local, line: 40, path: "evidence"),
            finding("ENG-CHILD-GIVEN-NAMES", .error, .law, line: 12, path: "child.givenNames"),
            finding("ID-NHS-NUMBER", .error, .format, line: 14, path: "child.nhsNumber"),
            finding("NFK-REPORTS-RECENT", .warning, .local, line: 52, path: "evidence[1].date"),
            finding("NFK-REPORTS-RECENT", .info, .local, line: 60, path: "evidence[2].date")
        ], rules: rules, recordsAttainment: true)

    static let passing = BundleReport(
        bundle: "intake/two", authority: norfolk, rulesets: ["england", "norfolk"], asOf: CalendarDate(iso: "2026-10-06"), findings: [], rules: rules)

    static let unknownAuthority = BundleReport(
        bundle: "intake/three", authority: nil, rulesets: [], asOf: nil,
        findings: [Finding(rule: "RULES-NOT-APPLIED", severity: .warning, basis: .format, message: "No authority or statutory rules were applied.")])

    /// A bundle whose document could not be parsed.
    static let unreadable = BundleReport.unreadable(
        "intake/four",
        because: DiagnosticList([
            .error("an alias names no anchor defined before it", at: SourceLocation(file: "intake/four/application.yaml", line: 3, column: 15))
        ]))

    static let context = ReportContext()
    static let all = [failing, passing, unknownAuthority]
}
