/// A date layout such as `dd/MM/yyyy` or `yyyyMMdd`: `d`/`dd` day, `M`/`MM` month, `yyyy` year;
/// any other character is written as it stands.
public struct DatePattern: Sendable, Equatable, CustomStringConvertible {
    enum Part: Sendable, Equatable {
        case day(padded: Bool)
        case month(padded: Bool)
        case year
        case literal(Character)
    }

    let parts: [Part]
    public let description: String

    /// The pattern, or nil with the reason when it is not one ehcp can read and write both ways.
    public static func parse(_ text: String) -> Result<DatePattern, PatternError> {
        var parts: [Part] = []
        var characters = Array(text)[...]
        while let first = characters.first {
            let run = characters.prefix { $0 == first }.count
            characters = characters.dropFirst(run)
            switch (first, run) {
            case ("d", 1): parts.append(.day(padded: false))
            case ("d", 2): parts.append(.day(padded: true))
            case ("M", 1): parts.append(.month(padded: false))
            case ("M", 2): parts.append(.month(padded: true))
            case ("y", 4): parts.append(.year)
            case ("d", _), ("M", _), ("y", _):
                return .failure(PatternError(message: "'\(String(repeating: first, count: run))' is not a date part; use d or dd, M or MM, and yyyy"))
            default: parts += Array(repeating: .literal(first), count: run)
            }
        }
        let kinds = parts.map { part -> Int in
            switch part {
            case .day: 0
            case .month: 1
            case .year: 2
            case .literal: 3
            }
        }
        guard kinds.filter({ $0 == 0 }).count == 1, kinds.filter({ $0 == 1 }).count == 1, kinds.filter({ $0 == 2 }).count == 1 else {
            return .failure(PatternError(message: "a date pattern needs exactly one day (dd), one month (MM) and one four-digit year (yyyy)"))
        }
        // Unpadded parts side by side cannot be told apart when read ("1112020").
        for (left, right) in zip(parts, parts.dropFirst()) where !left.isLiteral && !right.isLiteral && (!left.isFixedWidth || !right.isFixedWidth) {
            return .failure(PatternError(message: "an unpadded day or month must be followed by a separator to be read back"))
        }
        return .success(DatePattern(parts: parts, description: text))
    }

    /// Why a pattern was refused.
    public struct PatternError: Error, Sendable {
        public let message: String
    }

    /// The date written in this layout.
    public func format(_ date: CalendarDate) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .day(let padded): text += padded ? Self.pad(date.day, 2) : String(date.day)
            case .month(let padded): text += padded ? Self.pad(date.month, 2) : String(date.month)
            case .year: text += Self.pad(date.year, 4)
            case .literal(let character): text.append(character)
            }
        }
        return text
    }

    /// The date `text` holds in this layout, or nil when it does not match or is not a real date.
    public func read(_ text: String) -> CalendarDate? {
        var rest = Substring(text.trimmingSpaces())
        var day = 0
        var month = 0
        var year = 0
        for part in parts {
            switch part {
            case .literal(let character):
                guard rest.first == character else { return nil }
                rest = rest.dropFirst()
            case .day(let padded), .month(let padded):
                let digits = rest.prefix(padded ? 2 : 2).prefix { $0.isASCII && $0.isNumber }
                guard padded ? digits.count == 2 : !digits.isEmpty, let number = Int(digits) else { return nil }
                rest = rest.dropFirst(digits.count)
                if case .day = part { day = number } else { month = number }
            case .year:
                let digits = rest.prefix(4)
                guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits) else { return nil }
                rest = rest.dropFirst(4)
                year = number
            }
        }
        guard rest.isEmpty else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension DatePattern.Part {
    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }

    var isFixedWidth: Bool {
        switch self {
        case .day(let padded), .month(let padded): padded
        case .year, .literal: true
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
