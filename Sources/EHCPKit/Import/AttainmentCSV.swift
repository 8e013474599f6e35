import EHCPSource
import Foundation

/// Attainment rows read from a CSV export of a school's tracking system, every cell checked.
///
/// The header names the columns `area`, `measure`, `date`, `value` and, optionally, `expected`,
/// in any order and any case. Dates are `YYYY-MM-DD` or `DD/MM/YYYY`; values are decimal numbers.
/// Every bad cell is reported at once, by its row and column: a message says what is wrong with
/// it, never what it holds, for the values are the child's results.
public struct AttainmentCSV: Sendable {
    /// One row of the sheet, as the canonical `attainment` item it becomes.
    public struct Row: Sendable, Equatable {
        public var area: String
        public var measure: String
        public var date: CalendarDate
        public var value: Double
        public var expected: Double?
        /// The row of the sheet: the line it starts on, the header being row 1.
        public var row: Int
        /// Where the row starts in the file.
        public var location: SourceLocation
    }

    /// The columns, in the order the canonical item lists them.
    public static let columns = ["area", "measure", "date", "value", "expected"]
    static let requiredColumns = ["area", "measure", "date", "value"]
    /// The longest area or measure accepted: longer text is not a name of an area or a unit.
    static let maxTextLength = 200

    public var rows: [Row]

    /// Reads and checks the CSV `bytes` from `file`.
    ///
    /// - Throws: `DiagnosticList` with every bad cell, header column or row, each at its position.
    public init(_ bytes: [UInt8], file: String) throws {
        let table = try CSVTable.read(bytes, file: file)
        var problems: [Diagnostic] = []
        var index: [String: Int] = [:]
        for (position, cell) in table.header.enumerated() {
            let name = cell.text.trimmingCharacters(in: .whitespaces).lowercased()
            let place = cell.location
            if !Self.columns.contains(name) {
                problems.append(.error("header, column \(position + 1): not one of \(Self.columns.joined(separator: ", "))", at: place))
            } else if index[name] != nil {
                problems.append(.error("header, column \(position + 1): the column \(name) is given twice", at: place))
            } else {
                index[name] = position
            }
        }
        let missing = Self.requiredColumns.filter { index[$0] == nil }
        if !missing.isEmpty {
            problems.append(
                .error(
                    "header: no column \(missing.joined(separator: ", ")); the header should be \(Self.columns.joined(separator: ","))",
                    at: SourceLocation(file: file, line: table.header[0].location.line, column: 1)))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }

        var rows: [Row] = []
        var firstRowOf: [String: Int] = [:]
        // A row of empty cells (",,,,", as sheets export trailing rows) is a blank line.
        for cells in table.rows where cells.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) {
            let line = cells[0].location.line
            let start = SourceLocation(file: file, line: line, column: 1)
            var cellProblems = CellChecker(row: line)
            func cell(_ name: String) -> CSVTable.Cell? { index[name].map { cells[$0] } }
            let area = cellProblems.text(cell("area")!, column: "area")
            let measure = cellProblems.text(cell("measure")!, column: "measure")
            let date = cellProblems.date(cell("date")!)
            let value = cellProblems.number(cell("value")!, column: "value")
            let expected = cell("expected").flatMap { $0.text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : cellProblems.number($0, column: "expected") }
            problems += cellProblems.problems
            guard let area, let measure, let date, let value, cellProblems.problems.isEmpty else { continue }
            let key = Self.key(area: area, measure: measure, date: date)
            if let earlier = firstRowOf[key] {
                problems.append(.error("row \(line): the same area, measure and date as row \(earlier); keep one of them", at: start))
                continue
            }
            firstRowOf[key] = line
            rows.append(Row(area: area, measure: measure, date: date, value: value, expected: expected, row: line, location: start))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        guard !rows.isEmpty else {
            throw DiagnosticList([.error("\(file) holds no rows below its header; export the pupil's results with it", at: table.header.first?.location)])
        }
        self.rows = rows
    }

    /// `YYYY-MM-DD`, or `DD/MM/YYYY` as British sheets write it (day and month of one or two digits).
    static func date(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(iso: text) { return date }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// What makes two points the same point: the area and measure as written, ignoring case and
    /// the spaces around them, and the date.
    static func key(area: String, measure: String?, date: CalendarDate) -> String {
        [area, measure ?? ""].map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.joined(separator: "\u{0}") + "\u{0}\(date)"
    }
}

/// Checks the cells of one row, collecting a diagnostic per bad cell.
private struct CellChecker {
    let row: Int
    var problems: [Diagnostic] = []

    private mutating func fail(_ cell: CSVTable.Cell, column: String, _ problem: String) {
        problems.append(.error("row \(row), column \(column): \(problem)", at: cell.location))
    }

    mutating func text(_ cell: CSVTable.Cell, column: String) -> String? {
        let text = cell.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            fail(cell, column: column, "empty; every row needs its \(column)")
        } else if text.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0 != "\u{200D}" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }) {
            fail(cell, column: column, "holds a control character or line break; write it on one line of plain text")
        } else if text.count > AttainmentCSV.maxTextLength {
            fail(cell, column: column, "longer than \(AttainmentCSV.maxTextLength) characters")
        } else {
            return text
        }
        return nil
    }

    mutating func date(_ cell: CSVTable.Cell) -> CalendarDate? {
        let text = cell.text.trimmingCharacters(in: .whitespaces)
        if let date = AttainmentCSV.date(text) { return date }
        fail(cell, column: "date", text.isEmpty ? "empty; every row needs its date" : "not a date (write YYYY-MM-DD or DD/MM/YYYY)")
        return nil
    }

    mutating func number(_ cell: CSVTable.Cell, column: String) -> Double? {
        let text = cell.text.trimmingCharacters(in: .whitespaces)
        if let number = Self.number(text) { return number }
        fail(
            cell, column: column,
            text.isEmpty ? "empty; every row needs its value" : "not a number (write it with digits and at most one decimal point, as 62 or 3.5)")
        return nil
    }

    /// A plain decimal: an optional minus sign, digits, and at most one decimal point.
    static func number(_ text: String) -> Double? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            digits.count <= 15
        else { return nil }
        return Double(text)
    }
}
