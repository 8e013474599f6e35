/// The progress tables as rows of plain text, shared by the HTML and Markdown reports (each
/// escapes the cells for its own syntax).
extension ProgressReport {
    static let pointsHeader = ["Date", "Recorded", "Expected", "Gap"]

    /// One row per dated point of the area.
    func pointRows(_ index: Int) -> [[String]] {
        series[index].points.map { point in
            [
                point.date.description, Value.format(point.value), point.expected.map(Value.format) ?? "–",
                point.expected.map { Value.format(Application.rounded($0 - point.value)) } ?? "–"
            ]
        }
    }

    static let cyclesHeader = ["Cycle", "Start", "Review", "Reviewed"]

    var cycleRows: [[String]] {
        cycles.enumerated().map { number, cycle in
            ["Cycle \(number + 1)", cycle.start.description, cycle.review?.description ?? "–", cycle.reviewed ? "yes" : "no"]
        }
    }

    static let provisionHeader = [
        "Provision", "Provider", "Period", "Hours a week", "Annual cost", "Outcome it serves", "Progress evidence", "Change in the area"
    ]

    /// One row per provision line, numbered as the charts name it ("Provision 2 starts"), with
    /// the change in the area its outcome mentions.
    var provisionRows: [[String]] {
        provision.enumerated().map { number, line in
            [
                "\(number + 1). " + (line.description ?? "(not described)"), line.provider ?? "", line.period,
                line.hoursPerWeek.map(Value.format) ?? "", line.annualCost.map { "£" + Value.format($0) } ?? "",
                line.outcome ?? "(no outcome named)",
                line.progressEvidence ?? (line.citesMissingEvidence ? "(cites an item not in the bundle)" : "(none cited)"),
                line.area.map { "\(series[$0].area): \(changeSummary($0))" } ?? "(no attainment area named in the outcome)"
            ]
        }
    }
}

extension ProgressReport.ProvisionLine {
    /// "2025-01-06 to 2025-07-18", "from 2025-01-06", "until 2025-07-18", or empty when undated.
    var period: String {
        switch (start, end) {
        case (let start?, let end?): "\(start) to \(end)"
        case (let start?, nil): "from \(start)"
        case (nil, let end?): "until \(end)"
        case (nil, nil): ""
        }
    }
}
