import EHCPSource

/// Every English authority with what research into its practice found, the newest date one of
/// its sources was read, and its own document formats: what `ehcp authorities list` prints.
public struct AuthorityList: Sendable {
    /// One authority and the ids of its own formats.
    public struct Row: Sendable {
        public var research: AuthorityResearch
        public var formats: [String]
    }

    public var rows: [Row]

    /// The list for every authority in `authorities`, from the folders in `catalog`.
    ///
    /// - Throws: `DiagnosticList` when an `authority.yaml` is invalid.
    public init(catalog: RuleSetCatalog, formats: FormatRegistry, authorities: AuthorityCatalog = .builtIn) throws {
        rows = try authorities.entries.map { entry in
            Row(research: try AuthorityResearch.load(entry, from: catalog, authorities: authorities), formats: formats.ids(forAuthority: entry.code))
        }
    }

    /// One line per authority, beginning with its code and name, in aligned columns.
    public var text: String {
        let nameWidth = rows.map(\.research.authority.name.count).max() ?? 0
        let resultWidth = rows.map(\.research.phrase.count).max() ?? 0
        return rows.map { row in
            let entry = row.research.authority
            var line = "\(entry.code)  \(entry.name.padded(to: nameWidth))  \(row.research.phrase.padded(to: resultWidth))"
            line += row.research.newestSource.map { "  sources read up to \($0)" } ?? ""
            if !row.formats.isEmpty { line += "; own format \(row.formats.joined(separator: ", "))" }
            return line.trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    /// The list as a tree; `newestSource` and `localOffer` are left out when not known.
    public var json: OutputNode {
        .sequence(rows.map(Self.node))
    }

    /// One authority as the list gives it.
    static func node(_ row: Row) -> OutputNode {
        let research = row.research
        let entry = research.authority
        var fields: [(key: String, value: OutputNode)] = [
            ("code", .string(entry.code)), ("name", .string(entry.name)), ("slug", .string(entry.slug)),
            ("region", .string(entry.region)), ("ownRules", .boolean(research.hasOwnRules)), ("result", .string(research.resultID))
        ]
        if let newest = research.newestSource { fields.append(("newestSource", .date(newest.description))) }
        if let localOffer = research.localOffer { fields.append(("localOffer", .string(localOffer))) }
        fields.append(("formats", .sequence(row.formats.map { .string($0) })))
        return .mapping(fields)
    }
}

extension String {
    /// The text followed by spaces up to `width` characters.
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
