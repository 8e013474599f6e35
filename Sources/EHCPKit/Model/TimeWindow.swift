/// A span of time written "N days|weeks|months|years", as rule sets use for recency.
public struct TimeWindow: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case days, weeks, months, years
    }

    public let count: Int
    public let unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses "24 months", "6 weeks", "1 year" (singular or plural); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let count = Int(parts[0]), count >= 0, parts[0].allSatisfy(\.isASCII) else { return nil }
        var unitText = String(parts[1]).lowercased()
        if !unitText.hasSuffix("s") { unitText += "s" }
        guard let unit = Unit(rawValue: unitText) else { return nil }
        self.count = count
        self.unit = unit
    }

    /// The date this window before `date`.
    public func before(_ date: CalendarDate) -> CalendarDate {
        after(date, sign: -1)
    }

    /// The date this window after `date`.
    public func after(_ date: CalendarDate) -> CalendarDate {
        after(date, sign: 1)
    }

    private func after(_ date: CalendarDate, sign: Int) -> CalendarDate {
        switch unit {
        case .days: date.adding(days: sign * count)
        case .weeks: date.adding(days: sign * count * 7)
        case .months: date.adding(months: sign * count)
        case .years: date.adding(months: sign * count * 12)
        }
    }

    /// The window's length in days measured from `start` (months vary).
    public func days(from start: CalendarDate) -> Int {
        after(start).dayNumber - start.dayNumber
    }

    public var description: String {
        let name = count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue
        return "\(count) \(name)"
    }
}
