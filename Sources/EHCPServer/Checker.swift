import EHCPKit
import EHCPSource
import Foundation

/// Validation, conversion and checklists as the CLI does them, for the server's routes.
struct Checker: Sendable {
    let configuration: ServerConfiguration
    let formats: FormatRegistry

    let validators: ValidatorCache

    init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        let formats = try FormatRegistry.standard(catalog: configuration.rulesets)
        self.formats = formats
        validators = ValidatorCache { options in Validator(rulesets: configuration.rulesets, options: options, formats: formats) }
    }

    /// Media types of the report formats.
    static let reportTypes = [
        "json": "application/json", "html": "text/html; charset=utf-8", "sarif": "application/sarif+json",
        "junit": "application/xml", "markdown": "text/markdown; charset=utf-8", "text": "text/plain; charset=utf-8"
    ]

    /// The options of one validation, from the query's `authority` and `as-of`.
    func options(authority: String?, asOf: String?) throws -> ValidationOptions {
        if let authority, AuthorityCatalog.builtIn.authority(authority) == nil {
            throw Problem.badRequest("authority must be the code or slug of an English local authority (see /api/v1/authorities).")
        }
        var date: CalendarDate?
        if let asOf {
            guard let parsed = CalendarDate(iso: asOf) else { throw Problem.badRequest("as-of must be a date written YYYY-MM-DD, e.g. 2026-10-05.") }
            date = parsed
        }
        return ValidationOptions(authority: authority.flatMap { AuthorityCatalog.builtIn.authority($0)?.code }, asOf: date, zipLimits: configuration.zipLimits)
    }

    /// Validates an upload; throws ``DiagnosticList`` when it cannot be read.
    func validate(_ document: BundleFile, files: [BundleFile]? = nil, options: ValidationOptions) throws -> BundleReport {
        let validator = validators.validator(for: options)
        let name = document.isZip ? Upload.zipName : files == nil ? document.name : "bundle"
        return try validator.validate(document: document, files: files, named: name)
    }

    /// Validates a document with evidence files given by their names alone (as a browser sends
    /// them), laid out as a bundle by ``Validator/validate(document:looseFiles:named:)``.
    func validate(_ document: BundleFile, looseFiles: [BundleFile], options: ValidationOptions) throws -> BundleReport {
        try validators.validator(for: options).validate(document: document, looseFiles: looseFiles, named: "bundle")
    }

    /// The report in `format`, as `ehcp validate --format FORMAT` writes it for one bundle.
    func render(_ report: BundleReport, format: String) -> String {
        Reporters.reporter(format)!.report([report], context: ReportContext(color: false, toolVersion: configuration.toolVersion))
    }

    /// The authorities as `ehcp authorities list --format json` gives them.
    func authorityList() throws -> String {
        JSONWriter.write(try AuthorityList(catalog: configuration.rulesets, formats: formats).json)
    }

    /// One authority with the rule sets and rules that apply to requests sent to it.
    func authorityDetail(_ entry: AuthorityCatalog.Entry) throws -> String {
        guard case .mapping(var fields) = try entry.listing(rulesets: configuration.rulesets, formats: formats) else { return "" }
        let chain = try configuration.rulesets.rulesets(forCode: entry.code)
        fields.append(
            (
                "rulesets",
                .sequence(
                    chain.map { ruleset in
                        .mapping([
                            ("id", .string(ruleset.id)),
                            (
                                "rules",
                                .sequence(
                                    ruleset.rules.map { rule in
                                        .mapping([
                                            ("id", .string(rule.id)), ("severity", .string(rule.severity.rawValue)), ("basis", .string(rule.basis.rawValue)),
                                            ("message", .string(rule.message))
                                        ])
                                    })
                            )
                        ])
                    })
            ))
        return JSONWriter.write(.mapping(fields))
    }

    /// True when the authority has rules of its own, not only the statutory baseline.
    func hasOwnRules(_ entry: AuthorityCatalog.Entry) -> Bool {
        configuration.rulesets.requirementsFile(forCode: entry.code) != nil
    }

    /// The authority a path segment names, or 404.
    func authority(_ codeOrSlug: String?) throws -> AuthorityCatalog.Entry {
        guard let codeOrSlug, let entry = AuthorityCatalog.builtIn.authority(codeOrSlug) else {
            throw Problem.notFound("No English local authority has this code or slug (see /api/v1/authorities).")
        }
        return entry
    }
}
