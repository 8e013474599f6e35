/// The postcode lottery made visible: for every requirement theme and every authority, what that
/// authority asks beyond the law, with its severity, basis and the grade of the source it rests on.
///
/// Built from the same rule sets `validate` applies. Only an authority's own rules count (not the
/// statutory baseline every authority shares); the baseline is kept apart as ``law`` so each theme
/// can say whether the law asks for it too.
public struct NationalMatrix: Sendable {
    /// What one authority asks within one theme: every rule of its own in that theme, merged.
    public struct Cell: Sendable {
        public var theme: RequirementTheme
        /// What is asked, one entry per distinct ask ("24 months", "2 cycles").
        public var asks: [String]
        /// The most serious severity among the rules.
        public var severity: Severity
        /// The basis of the most serious rule.
        public var basis: Basis
        /// The grades of the sources the rules rest on (`ungraded` when a rule names none).
        public var grades: [String]
        /// The ids of the rules.
        public var rules: [String]

        /// The asks in one line.
        public var summary: String { asks.joined(separator: "; ") }

        init(theme: RequirementTheme, rules: [Rule]) {
            let first = rules.max { $0.severity < $1.severity }!
            self.theme = theme
            asks = rules.map(\.ask).uniqued
            severity = first.severity
            basis = first.basis
            grades = rules.map { $0.source?.grade?.rawValue ?? "ungraded" }.uniqued
            self.rules = rules.map(\.id)
        }
    }

    /// One authority: what research found and its cells by theme.
    public struct Column: Sendable {
        public var research: AuthorityResearch
        public var cells: [RequirementTheme: Cell]
        /// The fields of the authority's census forms that only one or two census forms ask (see
        /// ``FieldCensus``); nil when none of its forms is in the census.
        public var rareFields: [String]?
    }

    /// Authorities of one region, by name.
    public struct Region: Sendable {
        public var name: String
        public var columns: [Column]
    }

    /// Regions by name.
    public var regions: [Region]
    /// The statutory baseline's cells: what the law asks of every request.
    public var law: [RequirementTheme: Cell]

    /// The number of forms in the field census.
    public var censusForms = 0

    /// Every authority, region by region.
    public var columns: [Column] { regions.flatMap(\.columns) }

    /// Themes some authority asks for, in the order of ``RequirementTheme``.
    public var themes: [RequirementTheme] {
        RequirementTheme.allCases.filter { theme in columns.contains { $0.cells[theme] != nil } }
    }

    /// The authorities asking for `theme`, among `columns` (every authority by default).
    public func count(_ theme: RequirementTheme, in columns: [Column]? = nil) -> Int {
        (columns ?? self.columns).filter { $0.cells[theme] != nil }.count
    }

    /// "41 authorities ask for an educational psychologist's report before a request; the law does not."
    /// The law "asks for some of this too" when a baseline rule falls in the same theme.
    public func sentence(_ theme: RequirementTheme) -> String {
        let count = count(theme)
        let who = count == 1 ? "1 authority asks" : "\(count) authorities ask"
        guard theme != .other else { return "\(who) for \(theme.asked) before a request." }
        let law = law[theme] == nil ? "the law does not" : "the law asks for some of this too"
        return "\(who) for \(theme.asked) before a request; \(law)."
    }

    /// The number of authorities with each research result among `columns`, in a fixed order.
    public static func results(_ columns: [Column]) -> [(id: String, phrase: String, count: Int)] {
        let ids = AuthorityMetadata.Result.allCases.map { ($0.rawValue, $0.phrase) } + [(AuthorityResearch.notResearched, "not yet researched")]
        return ids.map { id, phrase in (id, phrase, columns.filter { $0.research.resultID == id }.count) }
    }

    /// The matrix of every authority in `authorities`, from the rule sets and metadata in `catalog`
    /// and the fields each authority's forms ask in `census` (the census the binary carries by default).
    ///
    /// - Throws: `DiagnosticList` when a rule set or `authority.yaml` is invalid.
    public static func build(catalog: RuleSetCatalog, authorities: AuthorityCatalog = .builtIn, census: FieldCensus? = nil) throws -> NationalMatrix {
        let census = try census ?? .builtIn()
        let baseline = try catalog.rulesets(forCode: "")
        let baselineIDs = Set(baseline.map(\.id))
        var byRegion: [String: [Column]] = [:]
        for entry in authorities.entries {
            let research = try AuthorityResearch.load(entry, from: catalog, authorities: authorities)
            var own: [Rule] = []
            if research.hasOwnRules {
                own = try EffectiveRules.combine(try catalog.rulesets(forCode: entry.code), asOf: nil).rules.filter { !baselineIDs.contains($0.ruleset) }
            }
            byRegion[entry.region, default: []].append(
                Column(
                    research: research, cells: cells(own),
                    rareFields: census.hasForm(entry.code) ? census.rareFields(of: entry.code) : nil))
        }
        let regions = byRegion.keys.sorted().map { Region(name: $0, columns: byRegion[$0]!.sorted { $0.research.authority.name < $1.research.authority.name }) }
        return NationalMatrix(regions: regions, law: cells(try EffectiveRules.combine(baseline, asOf: nil).rules), censusForms: census.formCount)
    }

    private static func cells(_ rules: [Rule]) -> [RequirementTheme: Cell] {
        Dictionary(grouping: rules) { RequirementTheme.of($0.check) }.mapValues { rules in Cell(theme: RequirementTheme.of(rules[0].check), rules: rules) }
    }
}

extension Rule {
    /// What the rule asks for in a few words; a named local document is named.
    var ask: String {
        if case .evidence(let evidence) = check, let name = evidence.where["localName"] {
            return name.count > 40 ? String(name.prefix(39)) + "…" : name
        }
        return check.ask
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    var uniqued: [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
