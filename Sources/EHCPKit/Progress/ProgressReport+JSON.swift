import EHCPSource

/// The progress of a request as JSON: each area with its points and computed figures (the same
/// names as the rules' `progress.…` paths), the cycles, and the provision lines' links.
extension ProgressReport {
    var node: OutputNode {
        let start = graduatedApproachStart
        let areas: [OutputNode] = series.map { area in
            var entries: [(key: String, value: OutputNode)] = [("area", .string(area.area))]
            if let measure = area.measure { entries.append(("measure", .string(measure))) }
            entries.append(
                (
                    "points",
                    .sequence(
                        area.points.map { point in
                            var fields: [(key: String, value: OutputNode)] = [("date", .string(point.date.description)), ("value", Self.number(point.value))]
                            if let expected = point.expected { fields.append(("expected", Self.number(expected))) }
                            return .mapping(fields)
                        })
                ))
            entries.append(("monthsCovered", Self.number(Application.rounded(area.monthsCovered))))
            if let rate = area.rate { entries.append(("rate", Self.number(Application.rounded(rate, places: 2)))) }
            if let rate = area.expectedRate { entries.append(("expectedRate", Self.number(Application.rounded(rate, places: 2)))) }
            if let change = area.fittedChange { entries.append(("change", Self.number(Application.rounded(change)))) }
            if let change = area.expectedChange { entries.append(("expectedChange", Self.number(Application.rounded(change)))) }
            if let gap = area.gap(since: start) {
                entries.append(
                    (
                        "gap",
                        .mapping([
                            ("first", Self.number(Application.rounded(gap.first))), ("last", Self.number(Application.rounded(gap.last))),
                            ("months", Self.number(Application.rounded(gap.months)))
                        ])
                    ))
                entries.append(("gapChange", Self.number(Application.rounded(gap.last - gap.first))))
            }
            return .mapping(entries)
        }
        let cycleNodes: [OutputNode] = cycles.map { cycle in
            var fields: [(key: String, value: OutputNode)] = [("start", .string(cycle.start.description))]
            if let review = cycle.review { fields.append(("review", .string(review.description))) }
            fields.append(("reviewed", .boolean(cycle.reviewed)))
            return .mapping(fields)
        }
        let lines: [OutputNode] = provision.enumerated().map { index, line in
            var fields: [(key: String, value: OutputNode)] = [("provision", .number(String(index)))]
            fields.append(("outcomeNamed", .boolean(line.outcome != nil)))
            fields.append(("progressEvidenceHeld", .boolean(line.progressEvidence != nil)))
            if let area = line.area { fields.append(("area", .number(String(area)))) }
            if let start = line.start { fields.append(("start", .string(start.description))) }
            if let end = line.end { fields.append(("end", .string(end.description))) }
            return .mapping(fields)
        }
        return .mapping([("areas", .sequence(areas)), ("cycles", .sequence(cycleNodes)), ("provision", .sequence(lines))])
    }

    private static func number(_ value: Double) -> OutputNode {
        .number(Value.format(value))
    }
}
