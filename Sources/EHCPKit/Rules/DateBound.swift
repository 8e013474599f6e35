/// A date a `field` check's `before` or `after` compares with: a fixed date, a date path, or a
/// date path moved by a window (`dateOfRequest - 2 years`, `setting.admitted + 6 weeks`).
///
/// Rules write windows this way instead of XPath arithmetic on `YYYYMMDD` numbers.
public struct DateBound: Sendable, CustomStringConvertible {
    public enum Base: Sendable {
        case date(CalendarDate)
        case path(String)
    }

    public var base: Base
    /// The window added to (positive sign) or taken from (negative sign) the base date.
    public var offset: (sign: Int, window: TimeWindow)?

    /// Why a text is not a bound.
    public enum Problem: Error, Sendable, Equatable {
        /// Neither a date (`YYYY-MM-DD`) nor a date path of the canonical schema.
        case unknownBase(String)
        /// The base is a path of the schema, but not a date.
        case notADate(String)
        /// The base runs through a list, so it names no single date.
        case inList(String)
        /// After `+` or `-` comes something that is not "N days|weeks|months|years".
        case badWindow(String)
        /// A window longer than 100 years.
        case windowTooLong(String)
    }

    /// Reads `2026-09-01`, `setting.admitted`, `dateOfRequest - 2 years` or `dateOfRequest + 6 weeks`.
    public static func read(_ text: String) -> Result<DateBound, Problem> {
        let trimmed = text.trimmingSpaces()
        var baseText = trimmed
        var offset: (sign: Int, window: TimeWindow)?
        // The operator stands alone between spaces: `2026-09-01` and `young-person` hold hyphens.
        let operators = [(" - ", -1), (" + ", 1)].compactMap { text, sign in trimmed.firstRange(of: text).map { ($0, sign) } }
        if let (range, sign) = operators.min(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            baseText = String(trimmed[..<range.lowerBound]).trimmingSpaces()
            let windowText = String(trimmed[range.upperBound...]).trimmingSpaces()
            switch TimeWindow.read(windowText) {
            case .window(let window): offset = (sign, window)
            case .tooLong: return .failure(.windowTooLong(windowText))
            case .malformed: return .failure(.badWindow(windowText))
            }
        }
        if let date = CalendarDate(iso: baseText) { return .success(DateBound(base: .date(date), offset: offset)) }
        guard let type = CanonicalSchema.type(at: baseText) else { return .failure(.unknownBase(baseText)) }
        guard case .date = type else { return .failure(.notADate(baseText)) }
        let parts = baseText.split(separator: ".")
        if (1..<max(parts.count, 1)).contains(where: { CanonicalSchema.type(at: parts[..<$0].joined(separator: "."))?.isList == true }) {
            return .failure(.inList(baseText))
        }
        return .success(DateBound(base: .path(baseText), offset: offset))
    }

    /// The bound's date for `application`: nil when its path has no date. `compiled` is the base
    /// path split once, when the bound's rule was compiled.
    func resolve(in application: Application, path compiled: FieldPath? = nil) -> CalendarDate? {
        let date: CalendarDate?
        switch base {
        case .date(let fixed): date = fixed
        case .path(let path): date = application.firstValue(at: compiled ?? FieldPath(path))?.date
        }
        guard let date, let offset else { return date }
        return offset.sign > 0 ? offset.window.after(date) : offset.window.before(date)
    }

    public var description: String {
        let baseText: String
        switch base {
        case .date(let date): baseText = date.description
        case .path(let path): baseText = path
        }
        guard let offset else { return baseText }
        return "\(baseText) \(offset.sign > 0 ? "+" : "-") \(offset.window)"
    }
}
