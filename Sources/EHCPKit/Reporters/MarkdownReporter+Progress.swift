/// The Markdown report's progress tables (with `--show-personal-data`): each attainment area's
/// points with its change, the cycles, and the provision linked to outcomes.
extension MarkdownReporter {
    static func progress(_ progress: ProgressReport) -> String {
        var out = ""
        if !progress.series.isEmpty {
            out += "\n## Attainment over time\n"
            for (index, series) in progress.series.enumerated() {
                let title = series.area + (series.measure.map { ": \($0)" } ?? "")
                out += "\n### \(inline(title))\n\n\(inline(progress.changeSummary(index))).\n\n"
                out += table(header: ProgressReport.pointsHeader, rows: progress.pointRows(index))
            }
            if !progress.cycles.isEmpty {
                out += "\n### Assess, plan, do, review cycles\n\n" + table(header: ProgressReport.cyclesHeader, rows: progress.cycleRows)
            }
        }
        if !progress.provision.isEmpty {
            out += "\n## Provision and progress\n\n" + table(header: ProgressReport.provisionHeader, rows: progress.provisionRows)
        }
        return out
    }
}
