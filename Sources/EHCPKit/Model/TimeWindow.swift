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

    /// The longest window a rule may give, per unit: 100 years.
    public static let longest: [Unit: Int] = [.days: 36_525, .weeks: 5_218, .months: 1_200, .years: 100]

    /// What a window's text holds.
    public enum Reading: Sendable, Equatable {
        case window(TimeWindow)
        /// Written as a window, but longer than ``longest`` allows.
        case tooLong
        case malformed
    }

    /// Reads "24 months", "6 weeks", "1 year" (singular or plural), refusing counts beyond 100 years.
    public static func read(_ text: String) -> Reading {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return .malformed }
        var unitText = String(parts[1]).lowercased()
        if !unitText.hasSuffix("s") { unitText += "s" }
        guard let unit = Unit(rawValue: unitText) else { return .malformed }
        guard let count = Int(parts[0]), count <= longest[unit]! else { return .tooLong }
        return .window(TimeWindow(count: count, unit: unit))
    }

    /// Parses "24 months", "6 weeks", "1 year" (singular or plural); nil otherwise, or beyond 100 years.
    public init?(_ text: String) {
        guard case .window(let window) = Self.read(text) else { return nil }
        self = window
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
