/// Evaluating `series`, `progress` and `linkage` checks.
///
/// Findings give figures computed from the attainment (points, months, fitted changes), never the
/// area's name, its measure or a recorded value: the path names the area's latest item.
extension RuleEvaluator {
    func progressFindings(_ rule: Rule, _ check: ProgressCheck) -> [Finding] {
        switch check {
        case .series(let area, let min, let span, let within):
            let chosen = series(area)
            if chosen.isEmpty, area != nil {
                return [finding(rule, path: "attainment", detail: "no dated points are recorded for this area")]
            }
            return chosen.compactMap { series in
                var problems: [String] = []
                if series.points.count < min { problems.append("\(series.points.count) dated point(s) of the \(min) needed") }
                if let span, let latest = series.latest, let first = series.points.first, latest.date < span.after(first.date) {
                    problems.append("\(Self.figure(series.monthsCovered)) months covered, \(span) needed")
                }
                if let within, let latest = series.latest, latest.date < within.before(asOf) {
                    problems.append(
                        "the latest point is \(Self.figure(AttainmentSeries.months(from: latest.date, to: asOf))) months old, within \(within) needed")
                }
                return problems.isEmpty ? nil : areaFinding(rule, series, problems.joined(separator: "; "))
            }
        case .progress(let area, let test, let ratio):
            return series(area).compactMap { series in
                switch test {
                case .rate: rateFinding(rule, series, ratio: ratio)
                case .gap: gapFinding(rule, series)
                }
            }
        case .linkage(let outcome, let progressEvidence):
            return linkageFindings(rule, outcome: outcome, progressEvidence: progressEvidence)
        }
    }

    private func series(_ area: String?) -> [AttainmentSeries] {
        let all = attainmentSeries
        guard let area else { return all }
        return all.filter { $0.area.lowercased() == area.lowercased() }
    }

    private func rateFinding(_ rule: Rule, _ series: AttainmentSeries, ratio: Double) -> Finding? {
        guard let rate = series.rate, let expected = series.expectedRate, rate < ratio * expected - 1e-9,
            let change = series.fittedChange, let expectedChange = series.expectedChange
        else { return nil }
        let months = Self.figure(series.monthsCovered)
        let moved = change < 0 ? "fell \(Self.figure(-change))" : change == 0 ? "did not change" : "rose \(Self.figure(change))"
        return areaFinding(rule, series, "\(moved) in \(months) months; expected \(Self.figure(expectedChange))")
    }

    private func gapFinding(_ rule: Rule, _ series: AttainmentSeries) -> Finding? {
        guard let gap = series.gap(since: application.graduatedApproachStart), gap.last >= gap.first - 1e-9 else { return nil }
        let how = gap.last > gap.first + 1e-9 ? "widened" : "did not close"
        return areaFinding(
            rule, series, "the gap to expected \(how), from \(Self.figure(gap.first)) to \(Self.figure(gap.last)) over \(Self.figure(gap.months)) months")
    }

    private func areaFinding(_ rule: Rule, _ series: AttainmentSeries, _ detail: String) -> Finding {
        let index = series.latest?.index ?? 0
        let items = application.records("attainment")
        return finding(rule, path: "attainment[\(index)]", detail: detail, location: index < items.count ? items[index].location : nil)
    }

    private func linkageFindings(_ rule: Rule, outcome: Bool, progressEvidence: Bool) -> [Finding] {
        let held = Set(evidence.compactMap { $0["id"]?.text })
        return application.records("provision").enumerated().compactMap { index, line in
            var problems: [String] = []
            if outcome, !Self.given(line["outcome"]) { problems.append("names no outcome") }
            if progressEvidence {
                if !Self.given(line["progressEvidence"]) {
                    problems.append("cites no progress evidence")
                } else if let id = line["progressEvidence"]?.text, !held.contains(id) {
                    problems.append("cites progress evidence that is not among the evidence items")
                }
            }
            guard !problems.isEmpty else { return nil }
            return finding(rule, path: "provision[\(index)]", detail: "provision[\(index)] \(problems.joined(separator: " and "))", location: line.location)
        }
    }

    private static func given(_ value: Value?) -> Bool {
        guard let value else { return false }
        return value.text.map { !$0.allSatisfy(\.isWhitespace) } ?? true
    }

    /// A figure to one decimal place, without a trailing ".0".
    static func figure(_ value: Double) -> String {
        Value.format(Application.rounded(value))
    }
}
