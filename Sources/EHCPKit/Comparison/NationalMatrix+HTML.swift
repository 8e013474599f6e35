extension NationalMatrix {
    /// The matrix as one self-contained, printable page (A3 landscape), with no script: counts per
    /// theme, a summary per region, then one heat-map table per region. Shading follows severity
    /// and is never the only signal: every cell also says its severity in words.
    public var html: String {
        let themes = themes
        var main = key + themeCounts(themes) + regionSummaries
        for (index, region) in regions.enumerated() { main += table(region, id: "region-\(index + 1)", themes: themes) }
        return HTMLPage.document(
            title: "What each authority asks beyond the law: the national matrix",
            intro: Self.intro, extraStyle: Self.style, main: main,
            footer:
                "Made by ehcp authorities compare from the published authority folders. Each cell is what the authority's own rules ask; the law is the same everywhere."
        )
    }

    /// The title of the row and CSV theme naming the fields only one or two census forms ask.
    static let censusTitle = "Fields only one or two census forms ask"

    static let intro =
        "Every English local authority, grouped by region. Rows are requirement themes; each cell says what the authority asks for before a request for an EHC needs assessment, how it treats a request without it, whether that is law or its own practice, and how good the source is. An empty cell means the authority's published guidance asks nothing of its own on that theme."

    /// Short grade names for cells; the key spells them out.
    static let gradeWords = [
        "current-page": "page", "dated-document": "document", "secondary-copy": "copy", "archive": "archive", "ungraded": "ungraded"
    ]

    /// Short basis names for cells.
    static let basisWords: [Basis: String] = [.local: "local", .statutoryGuidance: "guidance", .law: "law", .format: "format"]

    private var key: String {
        """
        <section aria-labelledby="key">
        <h2 id="key">How to read the matrix</h2>
        <ul class="key">
        <li><span class="swatch error">Required</span> the authority is likely to return a request without it (darkest)</li>
        <li><span class="swatch warning">Expected</span> the authority looks for it and may ask for it</li>
        <li><span class="swatch info">Helpful</span> the authority says it helps (lightest)</li>
        <li><span class="swatch result">nothing beyond the law</span> the authority's research result when it has no rules of its own</li>
        </ul>
        <p>Each cell: what is asked; then its need; its basis (local practice, statutory guidance or law); and the grade of its source: <em>page</em> the authority's current page, <em>document</em> a dated authority document, <em>copy</em> a secondary copy, <em>archive</em> an archived page, <em>ungraded</em> a rule that names no source.</p>
        <p>The last row of a region's table names, for each authority whose request form is in the field census of published forms, the fields of its form that only one or two census forms ask: where its form departs from the rest.</p>
        </section>

        """
    }

    private func themeCounts(_ themes: [RequirementTheme]) -> String {
        var out = "<section aria-labelledby=\"themes\">\n<h2 id=\"themes\">How many authorities ask for each thing</h2>\n<table class=\"counts\">\n"
        out += "<thead><tr><th scope=\"col\">Requirement</th><th scope=\"col\">Authorities</th><th scope=\"col\">In words</th></tr></thead>\n<tbody>\n"
        for theme in themes.sorted(by: { count($0) > count($1) }) {
            out +=
                "<tr id=\"theme-\(theme.rawValue)\"><th scope=\"row\">\(theme.title.escapedForMarkup)</th><td class=\"count\">\(count(theme))</td><td>\(sentence(theme).escapedForMarkup)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private var regionSummaries: String {
        let results = Self.results(columns)
        var out =
            "<section aria-labelledby=\"regions\">\n<h2 id=\"regions\">Regions</h2>\n<table class=\"regions\">\n<thead><tr><th scope=\"col\">Region</th><th scope=\"col\">Authorities</th>"
        out +=
            results.map { "<th scope=\"col\">\($0.phrase.capitalisedFirst.escapedForMarkup)</th>" }.joined()
            + "<th scope=\"col\">Most asked</th></tr></thead>\n<tbody>\n"
        for region in regions {
            out += "<tr><th scope=\"row\">\(region.name.escapedForMarkup)</th><td class=\"count\">\(region.columns.count)</td>"
            out += Self.results(region.columns).map { "<td class=\"count\">\($0.count)</td>" }.joined()
            out += "<td>\(mostAsked(in: region).escapedForMarkup)</td></tr>\n"
        }
        out += "<tr class=\"total\"><th scope=\"row\">England</th><td class=\"count\">\(columns.count)</td>"
        out += results.map { "<td class=\"count\">\($0.count)</td>" }.joined() + "<td></td></tr>\n"
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// "Own request form (5), Consent form (4), Attendance record (3)", or that none is recorded.
    func mostAsked(in region: Region, limit: Int = 3) -> String {
        let asked = themes.map { ($0, count($0, in: region.columns)) }.filter { $0.1 > 0 }
            .sorted { $0.1 > $1.1 }.prefix(limit)
        return asked.isEmpty ? "no local requirement recorded" : asked.map { "\($0.0.title) (\($0.1))" }.joined(separator: ", ")
    }

    private func table(_ region: Region, id: String, themes: [RequirementTheme]) -> String {
        let results = Self.results(region.columns).filter { $0.count > 0 }.map { "\($0.count) \($0.phrase)" }.joined(separator: ", ")
        var out = "<section class=\"region\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(region.name.escapedForMarkup)</h2>\n"
        out +=
            "<p class=\"region-summary\">\(region.columns.count) authorities: \(results.escapedForMarkup). Most asked: \(mostAsked(in: region).escapedForMarkup).</p>\n"
        let compact = region.columns.allSatisfy { !$0.research.hasOwnRules }
        out +=
            "<table class=\"\(compact ? "matrix compact" : "matrix")\">\n<caption>\(region.name.escapedForMarkup): what each authority asks beyond the law</caption>\n<thead><tr><th scope=\"col\" class=\"theme\">Requirement</th>"
        for column in region.columns {
            let authority = column.research.authority
            let newest = column.research.newestSource.map { ", sources read up to \($0)" } ?? ""
            out +=
                "<th scope=\"col\" class=\"\(column.research.hasOwnRules ? "authority" : "authority none")\" title=\"\(authority.code)\(newest)\"><span>\(authority.name.escapedForMarkup)</span></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (row, theme) in themes.enumerated() {
            out += "<tr><th scope=\"row\" class=\"theme\">\(theme.title.escapedForMarkup)</th>"
            for column in region.columns {
                if !column.research.hasOwnRules {
                    if row == 0 { out += "<td class=\"result\" rowspan=\"\(themes.count)\"><span>\(column.research.phrase.escapedForMarkup)</span></td>" }
                    continue
                }
                guard let cell = column.cells[theme] else {
                    out += "<td class=\"empty\"><span class=\"visually-hidden\">not asked</span></td>"
                    continue
                }
                let grades = cell.grades.map { Self.gradeWords[$0] ?? $0 }.joined(separator: ", ")
                out += "<td class=\"\(cell.severity.rawValue)\"><span class=\"ask\">\(cell.summary.escapedForMarkup)</span> "
                out +=
                    "<span class=\"meta\">\(cell.severity.need) · \(Self.basisWords[cell.basis] ?? cell.basis.rawValue) · \(grades.escapedForMarkup)</span></td>"
            }
            out += "</tr>\n"
        }
        return out + censusRow(region) + "</tbody>\n</table>\n</section>\n"
    }

    /// The row naming, for each authority whose form is in the field census, the fields that only
    /// one or two census forms ask; no row when no authority of the region has a census form.
    private func censusRow(_ region: Region) -> String {
        guard region.columns.contains(where: { $0.rareFields != nil }) else { return "" }
        var out = "<tr class=\"census\"><th scope=\"row\" class=\"theme\">\(Self.censusTitle.escapedForMarkup) (census of \(censusForms) forms)</th>"
        for column in region.columns {
            guard let fields = column.rareFields else {
                out += "<td class=\"empty\"><span class=\"visually-hidden\">form not in the census</span></td>"
                continue
            }
            if fields.isEmpty {
                out += "<td class=\"census\">none</td>"
            } else {
                out += "<td class=\"census\"><ul>" + fields.map { "<li class=\"rare-field\">\($0.escapedForMarkup)</li>" }.joined() + "</ul></td>"
            }
        }
        return out + "</tr>\n"
    }

    /// The matrix's own style, over the shared page style. Every colour pair is at least 4.5:1,
    /// and the shades differ in lightness so the heat map reads in grey.
    static let style = """

        @page { size: A3 landscape; margin: 8mm; }
        body { max-width: none; font-size: 11pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        table.matrix { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 7.5pt; line-height: 1.2; }
        table.matrix.compact { width: auto; }
        table.matrix caption { font-size: 10pt; }
        table.matrix th, table.matrix td { padding: 2px; border: 1px solid #6f777b; overflow-wrap: anywhere; hyphens: auto; }
        table.matrix th.theme { width: 8rem; font-weight: 600; overflow-wrap: normal; }
        table.matrix thead th.authority { vertical-align: bottom; height: 9rem; }
        table.matrix thead th.authority span, table.matrix td.result span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
        table.matrix thead th.authority { overflow-wrap: normal; }
        table.matrix thead th.none { vertical-align: bottom; width: 1.5rem; }
        .ask { display: block; font-weight: 600; }
        .meta { display: block; }
        td.error { color: #fff; background: #1d3f6e; }
        td.warning { color: #1b1b1b; background: #8fb3de; }
        td.info { color: #1b1b1b; background: #c9dbf1; }
        td.empty { color: #1b1b1b; background: #fff; }
        td.census { color: #1b1b1b; background: #fff; }
        td.census ul { margin: 0; padding-left: 0.8rem; }
        td.result { color: #3d4549; background: #e8e8e8; text-align: center; vertical-align: middle; font-style: italic; }
        .swatch { display: inline-block; padding: 0 0.4rem; border: 1px solid #6f777b; font-weight: 600; }
        .swatch.error { color: #fff; background: #1d3f6e; }
        .swatch.warning { color: #1b1b1b; background: #8fb3de; }
        .swatch.info { color: #1b1b1b; background: #c9dbf1; }
        .swatch.result { color: #3d4549; background: #e8e8e8; font-style: italic; }
        ul.key { list-style: none; padding-left: 0; columns: 2; }
        table.counts td.count, table.regions td.count { text-align: right; }
        tr.total th, tr.total td { font-weight: 600; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        @media print { h2 { break-before: auto; } section.region { break-before: page; } }

        """
}

extension String {
    /// The text with its first letter in capitals.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
