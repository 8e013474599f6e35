/// The HTML report's progress sections, drawn from the child's recorded values and so shown only
/// with `--show-personal-data`: each attainment area as a chart with its table, then each line of
/// provision with the outcome it serves, the evidence it cites and the change in its area.
extension HTMLReporter {
    func progressSections(_ progress: ProgressReport, id: String) -> String {
        var out = ""
        if !progress.series.isEmpty {
            out += "<section aria-labelledby=\"\(id)-progress\">\n<h3 id=\"\(id)-progress\">Attainment over time</h3>\n"
            out +=
                "<p>Each area's recorded values against what is expected, with the setting's assess, plan, do, review cycles shaded. Figures are fitted by least squares over each area's dated points.</p>\n"
            for (index, series) in progress.series.enumerated() {
                let chart = ProgressChart(
                    series: series, cycles: progress.cycles, id: "\(id)-area-\(index + 1)",
                    provision: progress.provisionChanges(in: index))
                out += "<h4>\(chart.title.escapedForMarkup)</h4>\n<div class=\"progress-area\">\n\(chart.svg)"
                out += Self.pointsTable(progress.pointRows(index), caption: progress.changeSummary(index)) + "</div>\n"
            }
            if !progress.cycles.isEmpty {
                out += Self.table(
                    caption: "Assess, plan, do, review cycles (shaded in the charts; a dotted line marks each review)",
                    header: ProgressReport.cyclesHeader, rows: progress.cycleRows)
            }
            out += "</section>\n"
        }
        if !progress.provision.isEmpty {
            out += "<section aria-labelledby=\"\(id)-provision\">\n<h3 id=\"\(id)-provision\">Provision and progress</h3>\n"
            out += Self.table(
                caption: "Each line of provision, the outcome it serves and the progress in its area",
                header: ProgressReport.provisionHeader, rows: progress.provisionRows)
            out += "</section>\n"
        }
        return out
    }

    /// Where the charts would be without `--show-personal-data`: one line saying why they are not.
    func withheldCharts(id: String) -> String {
        "<section aria-labelledby=\"\(id)-progress\">\n<h3 id=\"\(id)-progress\">Attainment over time</h3>\n"
            + "<p class=\"withheld\">\(Self.withheldChartsLine)</p>\n</section>\n"
    }

    /// The line shown in place of the charts.
    static let withheldChartsLine = "Charts are drawn only with --show-personal-data, because they show the child's results."

    private static func pointsTable(_ rows: [[String]], caption: String) -> String {
        var out = "<table class=\"progress\">\n<caption>\(caption.escapedForMarkup)</caption>\n<thead><tr>"
        out += ProgressReport.pointsHeader.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr><th scope=\"row\">\(row[0].escapedForMarkup)</th>" + row.dropFirst().map { "<td>\($0.escapedForMarkup)</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
