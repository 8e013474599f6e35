/// One attainment area's dated points, with the figures SEND CoP 9.14 asks about: how far the
/// child has come, at what rate, and whether the gap to what is expected is closing.
///
/// An area is the pair of `area` and `measure` as written (a reading age in months and a
/// standardised score cannot share a line). Points without a date or a value are left out.
/// Higher values are taken as better, as they are for ages, scores and steps.
public struct AttainmentSeries: Sendable, Equatable {
    /// One dated value.
    public struct Point: Sendable, Equatable {
        public var date: CalendarDate
        public var value: Double
        /// The age-related expectation at that date, when recorded.
        public var expected: Double?
        /// The item's index in `attainment`.
        public var index: Int

        public init(date: CalendarDate, value: Double, expected: Double?, index: Int) {
            self.date = date
            self.value = value
            self.expected = expected
            self.index = index
        }
    }

    public var area: String
    public var measure: String?
    /// Sorted by date, then by the order written.
    public var points: [Point]

    public init(area: String, measure: String?, points: [Point]) {
        self.area = area
        self.measure = measure
        self.points = points.sorted { ($0.date, $0.index) < ($1.date, $1.index) }
    }

    /// Days in an average month of the Gregorian calendar.
    public static let daysPerMonth = 365.2425 / 12

    /// Months from `start` to `end`, as a decimal.
    public static func months(from start: CalendarDate, to end: CalendarDate) -> Double {
        Double(end.dayNumber - start.dayNumber) / daysPerMonth
    }

    /// The latest point.
    public var latest: Point? { points.last }

    /// Months from the first point to the last; 0 for one point.
    public var monthsCovered: Double {
        guard let first = points.first, let last = points.last else { return 0 }
        return Self.months(from: first.date, to: last.date)
    }

    /// The value's rate of change per month, fitted by least squares; nil with fewer than two dates.
    public var rate: Double? {
        Self.rate(of: points.map { ($0.date, $0.value) })
    }

    /// The expectation's rate of change per month over the points that record one; nil when
    /// fewer than two dated points record it.
    public var expectedRate: Double? {
        Self.rate(of: points.compactMap { point in point.expected.map { (point.date, $0) } })
    }

    /// The change in the fitted line over the months covered (the rate times the span).
    public var fittedChange: Double? {
        rate.map { $0 * monthsCovered }
    }

    /// The change the expectation asks for over the same months.
    public var expectedChange: Double? {
        expectedRate.map { $0 * monthsCovered }
    }

    /// The gap (expected minus value) at the first and last points recording an expectation on or
    /// after `start` (the start of the graduated approach), with the months between; all points
    /// count when fewer than two fall in that period, and nil when fewer than two record one.
    public func gap(since start: CalendarDate?) -> (first: Double, last: Double, months: Double)? {
        let measured = points.filter { $0.expected != nil }
        let inPeriod = start.map { start in measured.filter { $0.date >= start } } ?? measured
        let used = inPeriod.count >= 2 ? inPeriod : measured
        guard let first = used.first, let last = used.last, let from = first.expected, let to = last.expected,
            first.date < last.date
        else { return nil }
        return (from - first.value, to - last.value, Self.months(from: first.date, to: last.date))
    }

    private static func rate(of points: [(CalendarDate, Double)]) -> Double? {
        guard let start = points.map(\.0).min() else { return nil }
        return LeastSquares.slope(points.map { (months(from: start, to: $0.0), $0.1) })
    }
}

extension Application {
    /// Attainment grouped by area and measure, in the order each area first appears.
    public var attainmentSeries: [AttainmentSeries] {
        var order: [String] = []
        var grouped: [String: (area: String, measure: String?, points: [AttainmentSeries.Point])] = [:]
        for (index, item) in records("attainment").enumerated() {
            guard let area = item["area"]?.text, let date = item["date"]?.date, let value = item["value"]?.number else { continue }
            let measure = item["measure"]?.text
            let key = "\(area.lowercased())\u{1F}\(measure?.lowercased() ?? "")"
            if grouped[key] == nil {
                order.append(key)
                grouped[key] = (area, measure, [])
            }
            grouped[key]?.points.append(.init(date: date, value: value, expected: item["expected"]?.number, index: index))
        }
        return order.compactMap { grouped[$0] }.map { AttainmentSeries(area: $0.area, measure: $0.measure, points: $0.points) }
    }

    /// The start of the first assess-plan-do-review cycle, when one is dated.
    public var graduatedApproachStart: CalendarDate? {
        records("graduatedApproach").compactMap { $0["start"]?.date }.min()
    }
}
