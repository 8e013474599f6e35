import EHCPSource

/// The outcome of validating one bundle.
public struct BundleReport: Sendable {
    public var bundle: String
    public var authority: AuthorityCatalog.Entry?
    public var rulesets: [String]
    public var asOf: CalendarDate?
    public var findings: [Finding]

    /// True when no finding is an error.
    public var isValid: Bool { !findings.contains { $0.severity == .error } }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}

/// Validates application documents: read → canonical model → checks → findings.
public struct Validator: Sendable {
    public var catalog: AuthorityCatalog

    public init(catalog: AuthorityCatalog = .builtIn) {
        self.catalog = catalog
    }

    /// Validates the bundle at `path`: a directory holding one application document, or the
    /// document itself.
    ///
    /// - Throws: ``DiagnosticList`` when the bundle or its document cannot be read.
    public func validate(bundle path: String, asOf: CalendarDate? = nil) throws -> BundleReport {
        let document = try BundleLocator.document(in: path)
        let bytes = try FileAccess.read(document)
        guard let format = FormatRegistry.detect(path: document, bytes: bytes) else {
            throw DiagnosticList([.error("the application document is empty", at: SourceLocation(file: document, line: 1))])
        }
        let read = try format.read(bytes, file: document)
        var findings = read.findings
        findings += IdentifierCheck.findings(read.application, knownAuthorities: catalog.codes)
        findings.sort { ($0.location?.line ?? 0, $0.rule) < ($1.location?.line ?? 0, $1.rule) }
        return BundleReport(
            bundle: path, authority: read.application.authority.flatMap(catalog.authority), rulesets: [],
            asOf: asOf ?? read.application.dateOfRequest, findings: findings)
    }
}
