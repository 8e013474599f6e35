/// The published sources to re-check first: those read before a given date, and those graded a
/// secondary copy or an archived page, authority by authority.
///
/// Reads each authority's `authority.yaml` and the sources its `requirements.yaml` lists (a source
/// listed in both is shown once, with the authority file's date and grade).
public struct SourceAudit: Sendable {
    /// One source to re-check and why.
    public struct Item: Sendable {
        public var authority: AuthorityCatalog.Entry
        public var source: PublishedSource
        /// "read 2025-03-01, before 2026-06-01", "a secondary copy", "an archived page", "no date read".
        public var reasons: [String]
    }

    public var items: [Item]
    /// How many authorities' sources were read.
    public var authoritiesChecked: Int

    /// The sources in `catalog` read before `before` (when given), or graded secondary-copy or archive.
    ///
    /// - Throws: `DiagnosticList` when an `authority.yaml` or rule set is invalid.
    public static func run(catalog: RuleSetCatalog, before: CalendarDate?, authorities: AuthorityCatalog = .builtIn) throws -> SourceAudit {
        var items: [Item] = []
        var checked = 0
        for entry in authorities.entries {
            let research = try AuthorityResearch.load(entry, from: catalog, authorities: authorities)
            guard let metadata = research.metadata else { continue }
            checked += 1
            var sources = metadata.sources
            if let file = catalog.requirementsFile(forCode: entry.code) {
                let ruleset = try RuleSetLoader.load(try catalog.contents(of: file), file: file)
                sources += ruleset.sources.filter { source in !sources.contains { $0.url == source.url } }
            }
            for source in sources {
                let reasons = Self.reasons(source, before: before)
                if !reasons.isEmpty { items.append(Item(authority: entry, source: source, reasons: reasons)) }
            }
        }
        return SourceAudit(items: items, authoritiesChecked: checked)
    }

    static func reasons(_ source: PublishedSource, before: CalendarDate?) -> [String] {
        var reasons: [String] = []
        if let before {
            if let read = source.read {
                if read < before { reasons.append("read \(read), before \(before)") }
            } else {
                reasons.append("no date read")
            }
        }
        if let grade = source.grade, grade == .secondaryCopy || grade == .archive { reasons.append(grade.phrase) }
        return reasons
    }

    /// Authority by authority, each source with its reasons, then a count.
    public var text: String {
        var out = ""
        var current: String?
        for item in items {
            if current != item.authority.code {
                current = item.authority.code
                out += (out.isEmpty ? "" : "\n") + "\(item.authority.code) \(item.authority.name) (\(item.authority.region))\n"
            }
            out += "  \(item.source.url)\n    \(item.reasons.joined(separator: "; "))" + (item.source.title.map { " — \($0)" } ?? "") + "\n"
        }
        let authorities = Set(items.map(\.authority.code)).count
        return out + (out.isEmpty ? "" : "\n") + "\(items.count) source(s) to re-check, in \(authorities) of \(authoritiesChecked) researched authorities.\n"
    }
}
