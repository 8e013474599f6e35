import EHCPSource
import Foundation

/// The outcome of validating one bundle.
public struct BundleReport: Sendable {
    public var bundle: String
    public var authority: AuthorityCatalog.Entry?
    public var rulesets: [String]
    public var asOf: CalendarDate?
    public var findings: [Finding]
    /// Why the bundle could not be read, each problem by position and kind; empty when it was read.
    public var problems: [Diagnostic] = []
    /// The rules applied to this bundle (the baseline and its authority's, as in effect on `asOf`):
    /// what reports group findings by and list in SARIF and JUnit. Empty when no rules were applied.
    public var rules: [Rule] = []
    /// The child's name, date of birth, the sender's reference and progress; nil unless
    /// ``ValidationOptions/personalDetails`` asked for them (`--show-personal-data`).
    public var personal: PersonalDetails?
    /// The application records attainment over time: the HTML report draws it as charts with
    /// `--show-personal-data`, and says where they would be without it. It tells nothing of the values.
    public var recordsAttainment = false
    /// What the document lists and the bundle holds; nil for a document checked without its files.
    public var enclosure: Enclosure?

    /// True when the bundle was read and no finding is an error.
    public var isValid: Bool { problems.isEmpty && !findings.contains { $0.severity == .error } }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}

/// What to validate against.
public struct ValidationOptions: Sendable {
    /// Authority code or slug; defaults to the application's own `authority`.
    public var authority: String?
    /// Rule set files to use instead of the authority's published ones.
    public var ruleFiles: [String] = []
    /// The date recency counts back from; defaults to `dateOfRequest`.
    public var asOf: CalendarDate?
    /// Limits on zipped bundles.
    public var zipLimits = ZipLimits()
    /// False to apply the statutory baseline alone, whatever the authority: how the baseline's own
    /// examples are checked, so they keep testing the baseline when their authority gains rules.
    public var localRules = true
    /// True to keep the child's personal details in each report (``BundleReport/personal``), for
    /// `--show-personal-data`; they are taken from the document as it is read, never read again.
    public var personalDetails = false

    public init(authority: String? = nil, ruleFiles: [String] = [], asOf: CalendarDate? = nil, zipLimits: ZipLimits = ZipLimits()) {
        self.authority = authority
        self.ruleFiles = ruleFiles
        self.asOf = asOf
        self.zipLimits = zipLimits
    }
}

/// Validates bundles: read → canonical model → checks → findings.
public final class Validator: Sendable {
    public let authorities: AuthorityCatalog
    public let rulesets: RuleSetCatalog
    public let options: ValidationOptions
    /// What is loaded once and reused, behind one lock so one validator may serve several threads.
    private let loaded: Locked<Loaded>

    /// Rule-set chains by authority code; the chain's combined rules, and those rules compiled, by
    /// code and by which of its rule sets are in effect (the only thing about the date they depend
    /// on); whether an authority publishes rules of its own; the formats, loaded the first time a bundle's
    /// document is not a canonical `application.*`; authority metadata by code.
    private struct Loaded {
        var chains: [String: [RuleSet]] = [:]
        var effective: [EffectiveKey: (rules: EffectiveRules, compiled: [CompiledRule])] = [:]
        var ownRules: [String: Bool] = [:]
        var formats: FormatRegistry?
        var metadata: [String: AuthorityMetadata?] = [:]
    }

    private struct EffectiveKey: Hashable {
        var code: String
        var applying: [Bool]
    }

    public init(authorities: AuthorityCatalog = .builtIn, rulesets: RuleSetCatalog, options: ValidationOptions, formats: FormatRegistry? = nil) {
        self.authorities = authorities
        self.rulesets = rulesets
        self.options = options
        self.loaded = Locked(Loaded(formats: formats))
    }

    /// The canonical formats and every format the catalog publishes.
    ///
    /// - Throws: `DiagnosticList` when a published format file is invalid.
    public func formats() throws -> FormatRegistry {
        try loaded.withLock { loaded in
            if let formats = loaded.formats { return formats }
            let registry = try FormatRegistry.standard(catalog: rulesets)
            loaded.formats = registry
            return registry
        }
    }

    /// The format of a document found without an authority format's help: a canonical
    /// `application.*` by its name, any other file by its content.
    func detectFormat(of document: String, bytes: [UInt8]) throws -> (format: any FormatPlugin, parsed: SourceDocument?) {
        let canonicalName = BundleLocator.documentNames.contains { document.hasSuffix("/" + $0) }
        return try (canonicalName ? FormatRegistry.canonicalOnly : try formats()).recognise(path: document, bytes: bytes)
    }

    /// The `authority.yaml` of the authority with `code`, when it publishes one.
    ///
    /// - Throws: `DiagnosticList` when the file is invalid.
    public func metadata(forCode code: String) throws -> AuthorityMetadata? {
        try loaded.withLock { loaded in
            if let cached = loaded.metadata[code] { return cached }
            let metadata = try rulesets.metadataFile(forCode: code).map { file in
                try AuthorityMetadata.load(try rulesets.contents(of: file), file: file, authorities: authorities)
            }
            loaded.metadata[code] = metadata
            return metadata
        }
    }

    /// Loads and checks the rule sets for `code` without validating anything.
    public func chain(forCode code: String) throws -> [RuleSet] {
        try loaded.withLock { loaded in
            if let cached = loaded.chains[code] { return cached }
            let chain =
                options.ruleFiles.isEmpty ? try rulesets.rulesets(forCode: options.localRules ? code : "") : try rulesets.resolve(files: options.ruleFiles)
            loaded.chains[code] = chain
            return chain
        }
    }

    /// The rules of `code`'s chain in effect on `asOf`, combined and compiled once per run for each
    /// set of rule sets in effect, with the notices for those that are not.
    private func effectiveRules(forCode code: String, asOf: CalendarDate) throws -> (rules: EffectiveRules, compiled: [CompiledRule]) {
        let chain = try chain(forCode: code)
        let applying = EffectiveRules.inEffect(chain, asOf: asOf)
        let key = EffectiveKey(code: code, applying: applying)
        let cached = loaded.withLock { $0.effective[key] }
        var effective =
            try cached
            ?? { () throws -> (rules: EffectiveRules, compiled: [CompiledRule]) in
                let rules = try EffectiveRules.combine(chain, applying: applying)
                return (rules, rules.rules.map(CompiledRule.init))
            }()
        if cached == nil {
            loaded.withLock { [effective] in $0.effective[key] = effective }
        }
        effective.rules.notices = EffectiveRules.notices(chain, applying: applying, asOf: asOf)
        return effective
    }

    /// True when the authority with `code` publishes a `requirements.yaml` of its own.
    private func hasOwnRules(_ code: String) -> Bool {
        loaded.withLock { loaded in
            if let cached = loaded.ownRules[code] { return cached }
            let own = rulesets.requirementsFile(forCode: code) != nil
            loaded.ownRules[code] = own
            return own
        }
    }

    /// Validates the bundle at `path`: a directory holding one application document, the document
    /// itself, or a `.zip` of a bundle, whose files every location names as places inside it
    /// (`bundle.zip/application.yaml`).
    ///
    /// - Throws: `DiagnosticList` when the bundle, its document or a rule set cannot be read.
    public func validate(bundle path: String) throws(DiagnosticList) -> BundleReport {
        try DiagnosticList.catching { try validate(bundle: NamedPath(path)) }
    }

    /// Validates the bundle at `bundle.path` (a folder, a document or a zip), naming it and every
    /// file in it by `bundle.name`: a zip's files as places inside it, however it was unpacked.
    func validate(bundle: NamedPath) throws -> BundleReport {
        guard bundle.path.lowercased().hasSuffix(".zip"), !FileAccess.isDirectory(bundle.path) else {
            return try validateUnpacked(bundle, reportedAs: bundle.name)
        }
        guard FileAccess.exists(bundle.path) else { throw DiagnosticList.error("\(bundle.name): no such file") }
        return try ZipBundle.withUnpacked(bundle, limits: options.zipLimits) { folder in
            try validateUnpacked(BundleLocator.contentRoot(ofUnpacked: folder), reportedAs: bundle.name)
        }
    }

    private func validateUnpacked(_ folder: NamedPath, reportedAs bundle: String) throws -> BundleReport {
        let located = try BundleLocator.locate(in: folder) { try self.formats() }
        let bytes = try FileAccess.readDocument(NamedPath(located.path, shownAs: located.name))
        let files = FileAccess.isDirectory(folder.path) ? FolderEvidenceFiles(root: folder.path, document: located.path) : nil
        return try validate(
            bundle: bundle, document: located.name, bytes: bytes, format: located.format, parsed: located.parsed,
            files: files.map { files in { _ in files } })
    }

    /// Validates a bundle's document, read already, with the bundle's files as laid out for the
    /// application read (nil for a document given on its own, which has no evidence files to check).
    /// `document` is the name its places are given, never a private folder's path.
    func validate(
        bundle path: String, document: String, bytes: [UInt8], format known: (any FormatPlugin)?, parsed parsedAlready: SourceDocument? = nil,
        files layOut: ((Application) -> any EvidenceFiles)?
    ) throws -> BundleReport {
        // A document recognised by its content was parsed to be recognised: it is read from that.
        let (format, parsed) = try known.map { ($0, parsedAlready) } ?? detectFormat(of: document, bytes: bytes)
        let read = try format.read(bytes, file: document, parsed: parsed)
        let application = read.application
        let files = layOut?(application)
        var findings = read.findings
        findings += IdentifierCheck.findings(application, knownAuthorities: authorities.codes)
        if let files {
            findings += EvidenceFileCheck.findings(application, files: files)
        }

        let requested = options.authority ?? application.authority
        let authority = requested.flatMap(authorities.authority)
        if let requested, authority == nil, options.authority != nil {
            throw DiagnosticList([.error("--authority '\(requested)' is not a code or slug of an English local authority (see 'ehcp authorities list')")])
        }
        if let authority, let files, let limit = try metadata(forCode: authority.code)?.maxFileSize {
            findings += FileSizeCheck.findings(application, files: files, maxFileSize: limit, authority: authority.name)
        }
        let asOf = options.asOf ?? application.dateOfRequest
        var applied: [String] = []
        var appliedRules: [Rule] = []
        if let asOf {
            // Without a known authority the statutory baseline still applies: it binds every authority.
            let code = authority?.code ?? ""
            let (effective, compiled) = try effectiveRules(forCode: code, asOf: asOf)
            applied = effective.rulesets
            appliedRules = effective.rules
            findings += effective.notices
            let unreadable = Set(findings.filter { $0.rule.hasPrefix("SCHEMA-") && $0.rule != "SCHEMA-REQUIRED" }.compactMap(\.path))
            let evaluator = RuleEvaluator(application: application, asOf: asOf, unreadable: unreadable)
            var ruleFindings: [Finding] = []
            for rule in compiled { ruleFindings += try evaluator.evaluate(compiled: rule) }
            findings += RequesterFairness.apply(ruleFindings, requesterRole: application.firstValue(at: Self.requesterRole)?.text)
            if authority == nil, options.ruleFiles.isEmpty {
                findings.append(
                    Finding(
                        rule: "RULES-NOT-APPLIED", severity: .warning, basis: .format,
                        message: "Only the statutory baseline was applied: the receiving authority is not known, so its own rules were not (give --authority).")
                )
            }
            findings = Self.withoutRepeats(findings)
        } else {
            findings.append(
                Finding(
                    rule: "RULES-NOT-APPLIED", severity: .warning, basis: .format,
                    message: "No authority or statutory rules were applied: the request has no valid dateOfRequest (or give --as-of)."))
        }
        if let authority, options.ruleFiles.isEmpty, options.localRules {
            let research = AuthorityResearch(
                authority: authority, metadata: try metadata(forCode: authority.code),
                hasOwnRules: hasOwnRules(authority.code))
            if let notice = research.noLocalRulesFinding { findings.append(notice) }
        }
        findings.sort { (Self.rank($0.severity), $0.location?.line ?? 0, $0.rule) < (Self.rank($1.severity), $1.location?.line ?? 0, $1.rule) }
        var report = BundleReport(bundle: path, authority: authority, rulesets: applied, asOf: asOf, findings: findings)
        report.rules = appliedRules
        report.enclosure = files.map { Enclosure.of(application, files: $0) }
        report.recordsAttainment = !application.attainmentSeries.isEmpty
        if options.personalDetails { report.personal = PersonalDetails(application) }
        return report
    }

    private static let requesterRole = FieldPath("requester.role")

    /// A missing required field is reported once: by the rule that says why it is needed (with
    /// its basis and source) when there is one, rather than also as `SCHEMA-REQUIRED`.
    static func withoutRepeats(_ findings: [Finding]) -> [Finding] {
        let explained = Set(findings.filter { !$0.rule.hasPrefix("SCHEMA-") }.compactMap(\.path))
        return findings.filter { $0.rule != "SCHEMA-REQUIRED" || !explained.contains($0.path ?? "") }
    }

    private static func rank(_ severity: Severity) -> Int {
        switch severity {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }
}
