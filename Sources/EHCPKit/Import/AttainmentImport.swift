import EHCPSource

/// What importing attainment rows into an application adds: the rows it does not hold yet, and
/// the rows it holds already (the same area, measure and date), which are reported, not added twice.
public struct AttainmentImport: Sendable {
    /// A row of the sheet that the application already records.
    public struct Duplicate: Sendable, Equatable {
        /// The row of the sheet.
        public var row: Int
        public var location: SourceLocation
        /// The index of the application's `attainment` item with the same area, measure and date.
        public var item: Int
        /// The item records another value or expectation than the row.
        public var differs: Bool
    }

    public var added: [AttainmentCSV.Row]
    public var duplicates: [Duplicate]

    /// Splits `rows` into those to add to `application` and those it holds already.
    public init(_ rows: [AttainmentCSV.Row], into application: Application) {
        var held: [String: (index: Int, record: Record)] = [:]
        for (index, item) in application.records("attainment").enumerated() {
            guard let area = item["area"]?.text, let date = item["date"]?.date else { continue }
            let key = AttainmentCSV.key(area: area, measure: item["measure"]?.text, date: date)
            if held[key] == nil { held[key] = (index, item) }
        }
        added = []
        duplicates = []
        for row in rows {
            if let (index, item) = held[AttainmentCSV.key(area: row.area, measure: row.measure, date: row.date)] {
                let differs = item["value"]?.number != row.value || item["expected"]?.number != row.expected
                duplicates.append(Duplicate(row: row.row, location: row.location, item: index, differs: differs))
            } else {
                added.append(row)
            }
        }
    }

    /// `application` with the added rows after its own attainment items.
    public func applied(to application: Application) -> Application {
        var application = application
        let items = added.map { row in
            var record = Record()
            record["area"] = Value(.text(row.area))
            record["measure"] = Value(.text(row.measure))
            record["date"] = Value(.date(row.date))
            record["value"] = Value(.number(row.value))
            if let expected = row.expected { record["expected"] = Value(.number(expected)) }
            return Value(.object(record))
        }
        application.root["attainment"] = Value(.list((application.root["attainment"]?.list ?? []) + items))
        return application
    }

    /// Each added row as a YAML flow mapping, text double-quoted with every character that could
    /// be read as something else escaped: `{ area: "reading", measure: "reading age (months)", date: 2025-09-15, value: 62, expected: 114 }`.
    public var yamlItems: [String] {
        added.map { row in
            var fields = ["area: \(Self.quoted(row.area))", "measure: \(Self.quoted(row.measure))", "date: \(row.date)", "value: \(Value.format(row.value))"]
            if let expected = row.expected { fields.append("expected: \(Value.format(expected))") }
            return "{ " + fields.joined(separator: ", ") + " }"
        }
    }

    /// `text` as a YAML double-quoted scalar; anything but printable ASCII and letters is escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case " "..."~": out.unicodeScalars.append(scalar)
            default:
                if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber {
                    out.unicodeScalars.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out +=
                        scalar.value <= 0xFFFF
                        ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                }
            }
        }
        return out + "\""
    }
}
