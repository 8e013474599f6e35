/// An attainment area drawn as inline SVG: the recorded values against the expected ones over
/// time, each assess-plan-do-review cycle shaded with its dates, each review (where the plan
/// and its provision were changed) marked, and the start and end of each dated line of provision
/// whose outcome names the area marked and labelled.
///
/// Readable in grey: the two lines differ by dash and marker shape as well as colour, and a legend
/// says which is which. No script; every text escaped.
struct ProgressChart {
    let series: AttainmentSeries
    let cycles: [ProgressReport.Cycle]
    /// Unique within the page, for the title and description ids.
    let id: String
    /// Starts and ends of the provision linked to this area.
    var provision: [ProvisionChange] = []

    /// A line of provision starting or ending, numbered as in the provision table.
    struct ProvisionChange: Equatable {
        var line: Int
        var date: CalendarDate
        var starts: Bool
    }

    static let width = 640.0, height = 280.0
    static let left = 52.0, right = 36.0, top = 30.0, bottom = 46.0, inset = 12.0

    var svg: String {
        guard let first = series.points.first, let last = series.points.last else { return "" }
        let visible = cycles.filter { ($0.review ?? $0.start) >= first.date && $0.start <= last.date }
        let startDay = Double(min(first.date.dayNumber, visible.map(\.start.dayNumber).min() ?? .max))
        let endDay = Double(max(last.date.dayNumber, visible.compactMap { $0.review?.dayNumber }.max() ?? .min, first.date.dayNumber + 1))
        let values = series.points.flatMap { [$0.value] + ($0.expected.map { [$0] } ?? []) }
        let (low, high) = Self.range(values)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        // Points sit a little inside the axes, clear of the tick labels.
        let x = { (date: CalendarDate) in Self.left + Self.inset + (Double(date.dayNumber) - startDay) / (endDay - startDay) * (plotWidth - 2 * Self.inset) }
        let y = { (value: Double) in Self.top + (high - value) / (high - low) * plotHeight }

        var out =
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        let changes = provision.filter { Double($0.date.dayNumber) >= startDay && Double($0.date.dayNumber) <= endDay }
        let marks = changes.isEmpty ? "" : " A solid upright line marks each start or end of the provision for this area, as in the provision table."
        out +=
            "<title id=\"\(id)-title\">\(title.escapedForMarkup)</title>\n<desc id=\"\(id)-desc\">The same figures are in the table beside the chart.\(marks)</desc>\n"
        for (number, cycle) in visible.enumerated() {
            let from = max(x(cycle.start), Self.left + 1)
            let to = x(cycle.review ?? last.date)
            out +=
                "<rect class=\"cycle\" x=\"\(Self.f(from))\" y=\"\(Self.f(Self.top))\" width=\"\(Self.f(max(to - from, 1)))\" height=\"\(Self.f(plotHeight))\"/>\n"
            out += "<text class=\"cycle-label\" x=\"\(Self.f(from + 3))\" y=\"\(Self.f(Self.top + 12))\">Cycle \(number + 1)</text>\n"
            if let review = cycle.review {
                out +=
                    "<line class=\"review\" x1=\"\(Self.f(x(review)))\" y1=\"\(Self.f(Self.top))\" x2=\"\(Self.f(x(review)))\" y2=\"\(Self.f(Self.top + plotHeight))\"/>\n"
            }
        }
        for (number, change) in changes.enumerated() {
            let px = x(change.date)
            let labelY = Self.top + 28 + 14 * Double(number % 4)
            // A label near the right edge runs leftwards, so it stays on the page.
            let (labelX, anchor) = px > Self.width - Self.right - 120 ? (px - 3, "end") : (px + 3, "start")
            out +=
                "<line class=\"provision-change\" x1=\"\(Self.f(px))\" y1=\"\(Self.f(Self.top))\" x2=\"\(Self.f(px))\" y2=\"\(Self.f(Self.top + plotHeight))\"/>\n"
            out +=
                "<text class=\"provision-label\" x=\"\(Self.f(labelX))\" y=\"\(Self.f(labelY))\" text-anchor=\"\(anchor)\">Provision \(change.line) \(change.starts ? "starts" : "ends")</text>\n"
        }
        out += axes(low: low, high: high, y: y, first: CalendarDate(dayNumber: Int(startDay)), last: CalendarDate(dayNumber: Int(endDay)), x: x)
        let expected = series.points.compactMap { point in point.expected.map { (x(point.date), y($0)) } }
        if expected.count >= 2 { out += "<polyline class=\"expected\" points=\"\(Self.points(expected))\"/>\n" }
        for (px, py) in expected { out += "<rect class=\"expected-mark\" x=\"\(Self.f(px - 4))\" y=\"\(Self.f(py - 4))\" width=\"8\" height=\"8\"/>\n" }
        let actual = series.points.map { (x($0.date), y($0.value)) }
        if actual.count >= 2 { out += "<polyline class=\"actual\" points=\"\(Self.points(actual))\"/>\n" }
        for (px, py) in actual { out += "<circle class=\"actual-mark\" cx=\"\(Self.f(px))\" cy=\"\(Self.f(py))\" r=\"4.5\"/>\n" }
        out += legend
        return out + "</svg>\n"
    }

    /// The chart's name: the area and what it measures.
    var title: String {
        series.area + (series.measure.map { ": \($0)" } ?? "")
    }

    private func axes(low: Double, high: Double, y: (Double) -> Double, first: CalendarDate, last: CalendarDate, x: (CalendarDate) -> Double) -> String {
        let bottomY = Self.height - Self.bottom
        var out =
            "<line class=\"axis\" x1=\"\(Self.f(Self.left))\" y1=\"\(Self.f(bottomY))\" x2=\"\(Self.f(Self.width - Self.right))\" y2=\"\(Self.f(bottomY))\"/>\n"
        out += "<line class=\"axis\" x1=\"\(Self.f(Self.left))\" y1=\"\(Self.f(Self.top))\" x2=\"\(Self.f(Self.left))\" y2=\"\(Self.f(bottomY))\"/>\n"
        for step in 0...4 {
            let value = low + (high - low) * Double(step) / 4
            out +=
                "<text class=\"tick\" x=\"\(Self.f(Self.left - 6))\" y=\"\(Self.f(y(value) + 4))\" text-anchor=\"end\">\(Value.format(Application.rounded(value)))</text>\n"
        }
        var dates = series.points.map(\.date)
        if dates.count > 6 { dates = stride(from: 0, to: dates.count, by: (dates.count + 5) / 6).map { dates[$0] } }
        var lastLabel = -Double.infinity
        for date in dates where x(date) - lastLabel >= 60 {
            lastLabel = x(date)
            out += "<text class=\"tick\" x=\"\(Self.f(x(date)))\" y=\"\(Self.f(bottomY + 16))\" text-anchor=\"middle\">\(Self.monthLabel(date))</text>\n"
        }
        return out
    }

    private var legend: String {
        let y = Self.height - 10
        return """
            <circle class="actual-mark" cx="\(Self.f(Self.left + 6))" cy="\(Self.f(y - 4))" r="4.5"/><text class="legend" x="\(Self.f(Self.left + 16))" y="\(Self.f(y))">recorded</text>
            <rect class="expected-mark" x="\(Self.f(Self.left + 96))" y="\(Self.f(y - 8))" width="8" height="8"/><text class="legend" x="\(Self.f(Self.left + 110))" y="\(Self.f(y))">expected (dashed)</text>
            <rect class="cycle" x="\(Self.f(Self.left + 240))" y="\(Self.f(y - 10))" width="14" height="12"/><text class="legend" x="\(Self.f(Self.left + 260))" y="\(Self.f(y))">APDR cycle</text>
            <line class="review" x1="\(Self.f(Self.left + 350))" y1="\(Self.f(y - 10))" x2="\(Self.f(Self.left + 350))" y2="\(Self.f(y + 2))"/><text class="legend" x="\(Self.f(Self.left + 356))" y="\(Self.f(y))">review: plan and provision changed</text>

            """
    }

    /// Bounds a little beyond the values, on multiples of a round step (1, 2 or 5 times a power
    /// of ten) so that the four intervals of the axis fall on round numbers; never empty.
    static func range(_ values: [Double]) -> (Double, Double) {
        guard let low = values.min(), let high = values.max() else { return (0, 4) }
        let rough = max((high - low) / 4, 0.25)
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        for step in [1.0, 2, 5, 10, 20, 50].map({ $0 * power }) where step >= rough {
            let lower = (low / step).rounded(.down) * step
            if lower + 4 * step >= high { return (lower, lower + 4 * step) }
        }
        return (low, low + 400 * power)
    }

    static func monthLabel(_ date: CalendarDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(months[date.month - 1]) \(date.year)"
    }

    static func points(_ points: [(Double, Double)]) -> String {
        points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
    }

    /// A coordinate to one decimal place.
    static func f(_ value: Double) -> String {
        Value.format(Application.rounded(value))
    }

    /// Chart styles: shades and dashes that survive printing in grey.
    static let style = """
        .progress-area { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; break-inside: avoid; }
        svg.chart { width: 100%; height: auto; font-family: inherit; }
        svg.chart .cycle { fill: #e6e6e6; stroke: #8a8a8a; stroke-width: 0.5; }
        svg.chart .cycle-label, svg.chart .legend { font-size: 12px; fill: #1b1b1b; }
        svg.chart .tick { font-size: 13px; fill: #1b1b1b; }
        svg.chart .review { stroke: #505050; stroke-width: 1.5; stroke-dasharray: 2 3; }
        svg.chart .axis { stroke: #1b1b1b; stroke-width: 1; }
        svg.chart .provision-change { stroke: #1b1b1b; stroke-width: 1.5; }
        svg.chart .provision-label { font-size: 12px; fill: #1b1b1b; }
        svg.chart .actual { fill: none; stroke: #1d4f91; stroke-width: 2.5; }
        svg.chart .actual-mark { fill: #1d4f91; }
        svg.chart .expected { fill: none; stroke: #1b1b1b; stroke-width: 2; stroke-dasharray: 7 4; }
        svg.chart .expected-mark { fill: #fff; stroke: #1b1b1b; stroke-width: 1.5; }
        table.progress td { text-align: right; }
        table.progress th[scope="row"] { white-space: nowrap; }
        @media print, (max-width: 56rem) { .progress-area { grid-template-columns: 1fr; } }

        """
}

extension ProgressReport {
    /// The starts and ends of the dated provision lines whose outcome names the area at `index`.
    func provisionChanges(in index: Int) -> [ProgressChart.ProvisionChange] {
        provision.enumerated().filter { $0.element.area == index }.flatMap { number, line in
            [
                line.start.map { ProgressChart.ProvisionChange(line: number + 1, date: $0, starts: true) },
                line.end.map { ProgressChart.ProvisionChange(line: number + 1, date: $0, starts: false) }
            ].compactMap { $0 }
        }.sorted { $0.date < $1.date }
    }
}
