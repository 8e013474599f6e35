import EHCPSource

/// A comma-separated table (RFC 4180): a header row and data rows, each cell with its place.
public struct CSVTable: Sendable {
    /// One cell and where it starts.
    public struct Cell: Sendable {
        public var text: String
        public var location: SourceLocation
    }

    public var header: [Cell]
    public var rows: [[Cell]]

    /// Reads `bytes` as UTF-8 CSV: fields may be quoted with `"`, a quote inside doubled, and
    /// quoted fields may hold commas and line breaks. Every row must have as many cells as the header.
    ///
    /// - Throws: `DiagnosticList` naming the line and column of the first problem.
    public static func read(_ bytes: [UInt8], file: String, limits: InputLimits = .default) throws(DiagnosticList) -> CSVTable {
        guard bytes.count <= limits.maxDocumentBytes else {
            throw DiagnosticList([
                .error(
                    "the file is \(bytes.count >> 20) MiB; documents of at most \(limits.maxDocumentBytes >> 20) MiB are read",
                    at: SourceLocation(file: file, line: 1))
            ])
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw DiagnosticList([.error("the file is not valid UTF-8 text", at: SourceLocation(file: file, line: 1))])
        }
        var records: [[Cell]] = []
        var record: [Cell] = []
        var field = ""
        var fieldStart = SourceLocation(file: file, line: 1, column: 1)
        var line = 1
        var column = 1
        var quoted = false
        var wasQuoted = false
        var atFieldStart = true
        var characters = text.makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return characters.next()
        }
        func endField() {
            record.append(Cell(text: restored(field), location: fieldStart))
            field = ""
            wasQuoted = false
            atFieldStart = true
        }
        while let character = next() {
            let here = SourceLocation(file: file, line: line, column: column)
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            if atFieldStart { fieldStart = here }
            if quoted {
                if character == "\"" {
                    let following = next()
                    if following == "\"" {
                        field.append("\"")
                        column += 1
                    } else {
                        quoted = false
                        pending = following
                    }
                } else {
                    field.append(character)
                }
                atFieldStart = false
                continue
            }
            switch character {
            case "\"":
                guard atFieldStart else {
                    throw DiagnosticList([.error("a quote inside an unquoted field; quote the whole field and double the quote", at: here)])
                }
                quoted = true
                wasQuoted = true
                atFieldStart = false
            case ",":
                endField()
            case "\n", "\r\n", "\r":
                // A blank line is skipped, but not a row holding one quoted empty cell ("").
                let blank = record.isEmpty && field.isEmpty && !wasQuoted
                endField()
                if !blank { records.append(record) }
                record = []
            default:
                guard !wasQuoted else {
                    throw DiagnosticList([.error("text after the closing quote of a field", at: here)])
                }
                field.append(character)
                atFieldStart = false
            }
        }
        if quoted {
            throw DiagnosticList([.error("a quoted field is not closed before the end of the file", at: fieldStart)])
        }
        if !atFieldStart || !record.isEmpty {
            endField()
            records.append(record)
        }
        guard let header = records.first else {
            throw DiagnosticList([.error("the file holds no header row", at: SourceLocation(file: file, line: 1))])
        }
        for row in records.dropFirst() where row.count != header.count {
            throw DiagnosticList([.error("this row has \(row.count) cells; the header has \(header.count)", at: row[0].location)])
        }
        return CSVTable(header: header, rows: Array(records.dropFirst()))
    }

    /// The table as CSV text with CRLF line ends, quoting only the fields that need it; a cell a
    /// spreadsheet would run as a formula is written with a leading `'` (see `neutralised(_:)`).
    public static func write(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map { quote(neutralised($0)) }.joined(separator: ",") + "\r\n" }.joined()
    }

    // MARK: - Formula injection

    /// The characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// True when `text` would be written with a leading `'`: it starts with a formula character,
    /// or with `'` followed by text that would itself be so written (so reading back is exact).
    static func needsFormulaGuard(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        return formulaStarts.contains(first) || (first == "'" && needsFormulaGuard(text.dropFirst()))
    }

    /// `text` as written to a cell: `'` before it when a spreadsheet would run it as a formula.
    static func neutralised(_ text: String) -> String {
        needsFormulaGuard(text[...]) ? "'" + text : text
    }

    /// A cell as read: the `'` that `neutralised(_:)` adds is taken off again.
    static func restored(_ cell: String) -> String {
        cell.first == "'" && needsFormulaGuard(cell.dropFirst()) ? String(cell.dropFirst()) : cell
    }

    static func quote(_ field: String) -> String {
        guard
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                || field.first == " " || field.last == " "
        else { return field }
        var quoted = "\""
        for character in field {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
