import EHCPSource

/// The matrix for researchers: CSV with one row per authority and theme, and JSON.
extension NationalMatrix {
    /// The `--format` values of `authorities compare`.
    public static let formats = ["html", "csv", "json"]

    /// The matrix in `format`, or nil for an unknown format.
    public func render(format: String) -> String? {
        switch format {
        case "html": html
        case "csv": csv
        case "json": JSONWriter.write(json)
        default: nil
        }
    }

    static let csvHeader = ["region", "code", "authority", "result", "newest_source", "theme", "theme_title", "asks", "severity", "basis", "grades", "rules"]

    /// The theme id of the CSV rows that name a field only one or two census forms ask.
    public static let censusThemeID = "census-rare-fields"

    /// RFC 4180 CSV: a row for each theme an authority asks for, one row (theme left empty) for
    /// each authority with no rules of its own, giving its research result, and a row (theme
    /// ``censusThemeID``) for each field of its census forms that only one or two census forms ask.
    public var csv: String {
        var rows = [Self.csvHeader]
        for column in columns {
            let research = column.research
            let lead = [
                research.authority.region, research.authority.code, research.authority.name, research.resultID, research.newestSource?.description ?? ""
            ]
            if column.cells.isEmpty { rows.append(lead + Array(repeating: "", count: 7)) }
            for theme in RequirementTheme.allCases {
                guard let cell = column.cells[theme] else { continue }
                rows.append(
                    lead + [
                        theme.rawValue, theme.title, cell.summary, cell.severity.rawValue, cell.basis.rawValue,
                        cell.grades.joined(separator: " "), cell.rules.joined(separator: " ")
                    ])
            }
            for field in column.rareFields ?? [] {
                rows.append(lead + [Self.censusThemeID, Self.censusTitle, field, "", "", "", ""])
            }
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV field: quoted when it holds a comma, quote or line break; a field that a spreadsheet
    /// would read as a formula (leading `=`, `+`, `-`, `@`, tab or carriage return) starts with `'`.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }

    /// The matrix as a tree: themes with their counts, regions with their research results, and
    /// every authority with its cells and, when its form is in the field census, the fields only
    /// one or two census forms ask (`censusRareFields`).
    public var json: OutputNode {
        .mapping([
            (
                "themes",
                .sequence(
                    themes.map { theme in
                        var fields: [(key: String, value: OutputNode)] = [
                            ("id", .string(theme.rawValue)), ("title", .string(theme.title)), ("authorities", .number(String(count(theme)))),
                            ("sentence", .string(sentence(theme)))
                        ]
                        if let law = law[theme] { fields.append(("law", Self.json(law))) }
                        return .mapping(fields)
                    })
            ),
            (
                "regions",
                .sequence(
                    regions.map { region in
                        .mapping([
                            ("name", .string(region.name)), ("authorities", .number(String(region.columns.count))),
                            ("results", .mapping(Self.results(region.columns).map { ($0.id, .number(String($0.count))) })),
                            ("mostAsked", .string(mostAsked(in: region)))
                        ])
                    })
            ),
            (
                "authorities",
                .sequence(
                    columns.map { column in
                        let research = column.research
                        var fields: [(key: String, value: OutputNode)] = [
                            ("code", .string(research.authority.code)), ("name", .string(research.authority.name)),
                            ("region", .string(research.authority.region)), ("result", .string(research.resultID))
                        ]
                        if let newest = research.newestSource { fields.append(("newestSource", .date(newest.description))) }
                        if let localOffer = research.localOffer { fields.append(("localOffer", .string(localOffer))) }
                        let cells = RequirementTheme.allCases.compactMap { column.cells[$0] }
                        fields.append(("cells", .sequence(cells.map { Self.json($0, theme: true) })))
                        if let rare = column.rareFields { fields.append(("censusRareFields", .sequence(rare.map { .string($0) }))) }
                        return .mapping(fields)
                    })
            )
        ])
    }

    private static func json(_ cell: Cell, theme: Bool = false) -> OutputNode {
        .mapping(
            (theme ? [("theme", .string(cell.theme.rawValue))] : []) + [
                ("asks", .sequence(cell.asks.map { .string($0) })), ("severity", .string(cell.severity.rawValue)),
                ("basis", .string(cell.basis.rawValue)), ("grades", .sequence(cell.grades.map { .string($0) })),
                ("rules", .sequence(cell.rules.map { .string($0) }))
            ])
    }
}
