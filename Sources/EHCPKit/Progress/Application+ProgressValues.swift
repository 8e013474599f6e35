/// The computed list `progress`: one item per attainment area, with the figures of
/// ``AttainmentSeries``, so rules can name `progress.rate` as they name `evidence.date`.
extension Application {
    /// The fields of each `progress` item, by path, with their types.
    public static let progressFields: [String: FieldType] = [
        "progress.area": .text, "progress.measure": .text, "progress.points": .integer,
        "progress.monthsCovered": .number, "progress.rate": .number, "progress.expectedRate": .number,
        "progress.gapChange": .number, "progress.latest": .date
    ]

    /// The values at a `progress.…` path, one per area that has it, each located at the area's
    /// latest attainment item; nil for any other path.
    func progressValues(at path: String) -> [PathMatch]? {
        guard Self.progressFields[path] != nil else { return nil }
        let field = String(path.dropFirst("progress.".count))
        let items = records("attainment")
        let start = graduatedApproachStart
        return attainmentSeries.enumerated().compactMap { index, series in
            guard let content = Self.progressValue(field, of: series, since: start) else { return nil }
            let location = series.latest.flatMap { $0.index < items.count ? items[$0.index].location : nil }
            return PathMatch(path: "progress[\(index)].\(field)", value: Value(content, location: location))
        }
    }

    private static func progressValue(_ field: String, of series: AttainmentSeries, since start: CalendarDate?) -> Value.Content? {
        switch field {
        case "area": .text(series.area)
        case "measure": series.measure.map(Value.Content.text)
        case "points": .number(Double(series.points.count))
        case "monthsCovered": .number(rounded(series.monthsCovered))
        case "rate": series.rate.map { .number(rounded($0, places: 2)) }
        case "expectedRate": series.expectedRate.map { .number(rounded($0, places: 2)) }
        case "gapChange": series.gap(since: start).map { .number(rounded($0.last - $0.first)) }
        case "latest": series.latest.map { .date($0.date) }
        default: nil
        }
    }

    /// `value` to `places` decimal places.
    static func rounded(_ value: Double, places: Int = 1) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
