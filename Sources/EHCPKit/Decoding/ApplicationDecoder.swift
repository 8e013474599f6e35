import EHCPSource

/// Turns a parsed document (`SourceNode`) into an ``Application`` by the canonical schema.
///
/// Problems become `SCHEMA-` findings with the path and location; an unknown field is a warning
/// and is left out of the model (converters list it in their loss report). Messages never repeat
/// the personal value that failed, only its path and what was expected.
public struct ApplicationDecoder {
    public private(set) var findings: [Finding] = []
    /// Paths of unknown fields that were left out.
    public private(set) var unknownFields: [String] = []

    public init() {}

    /// Decodes `node`; findings collect in ``findings``.
    public mutating func decode(_ node: SourceNode) -> Application {
        guard let record = object(node, table: FieldTable.root, path: "") else {
            return Application(root: Record(location: node.location), file: node.location.file)
        }
        checkVersion(of: record)
        return Application(root: record, file: node.location.file)
    }

    /// A finding when the root's `schemaVersion` names a version this ehcp does not read.
    mutating func checkVersion(of record: Record) {
        if let version = record["schemaVersion"]?.text, !CanonicalSchema.readableVersions.contains(version) {
            let versions = CanonicalSchema.readableVersions.map { "\"\($0)\"" }.joined(separator: " and ")
            report(
                "SCHEMA-VERSION", "schemaVersion is not a version this ehcp reads; it reads versions \(versions)", "schemaVersion",
                record["schemaVersion"]?.location)
        }
    }

    /// The warning for a key that names no field of its object; the value is left out.
    mutating func unknownField(_ key: String, path fieldPath: String, among names: [String], at location: SourceLocation) {
        let hint = Self.suggestion(for: key, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        report("SCHEMA-UNKNOWN-FIELD", "\(fieldPath) is not a field of the canonical schema\(hint); it is ignored", fieldPath, location, severity: .warning)
        unknownFields.append(fieldPath)
    }

    mutating func report(_ rule: String, _ message: String, _ path: String, _ location: SourceLocation?, severity: Severity = .error) {
        findings.append(.builtIn(rule, message, path: path, at: location, severity: severity))
    }

    /// `path` is built only for a finding, or for a finding below this object.
    private mutating func object(_ node: SourceNode, table: FieldTable, path: @autoclosure () -> String) -> Record? {
        if let scalar = node.scalar, scalar.value.isEmpty || scalar.isNull {
            return Record(location: node.location)
        }
        guard let entries = node.entries else {
            report("SCHEMA-TYPE", Self.notAMapping(path(), node.kindDescription), path(), node.location)
            return nil
        }
        var record = Record(location: node.location)
        record.fields.reserveCapacity(entries.count)
        // Which schema fields were given, by their index in the table: a few flags, no hashing.
        var seen = [Bool](repeating: false, count: table.fields.count)
        for position in entries.indices {
            let key = entries[position].key
            guard let index = table.index(of: key) else {
                unknownField(key, path: Self.join(path(), key), among: table.names, at: entries[position].keyLocation)
                continue
            }
            let field = table.fields[index]
            guard !seen[index] else {
                let fieldPath = Self.join(path(), key)
                report("SCHEMA-DUPLICATE", "\(fieldPath) is given more than once", fieldPath, entries[position].keyLocation)
                continue
            }
            seen[index] = true
            if let value = self.value(entries[position].value, type: field.type, table: table.children[index], path: Self.join(path(), key)) {
                record[key] = value
            }
        }
        for (field, given) in zip(table.fields, seen) where field.required && !given {
            let fieldPath = Self.join(path(), field.name)
            report("SCHEMA-REQUIRED", "\(fieldPath) is required", fieldPath, node.location)
        }
        return record
    }

    /// The path of field `key` of the object at `path` (empty for the document itself).
    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// `table` is the table of the field's object or list items; nil for a single value. `path`
    /// is built only for a finding.
    private mutating func value(_ node: SourceNode, type: FieldType, table: FieldTable?, path: @autoclosure () -> String) -> Value? {
        if let scalar = node.scalar, scalar.isNull { return nil }
        switch type {
        case .object:
            guard let table else { return nil }
            return object(node, table: table, path: path()).map { Value(.object($0), location: node.location) }
        case .list:
            guard let table else { return nil }
            if let scalar = node.scalar, scalar.value.allSatisfy(\.isWhitespace) {
                return Value(.list([]), location: node.location)
            }
            guard let items = node.items else {
                report("SCHEMA-TYPE", Self.notAList(path(), node.kindDescription), path(), node.location)
                return nil
            }
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                if let record = object(item, table: table, path: "\(path())[\(index)]") {
                    values.append(Value(.object(record), location: item.location))
                }
            }
            return Value(.list(values), location: node.location)
        default:
            guard let scalar = node.scalar else {
                report("SCHEMA-TYPE", Self.notASingleValue(path(), node.kindDescription), path(), node.location)
                return nil
            }
            return self.scalar(scalar, type: type, path: path(), location: node.location)
        }
    }

    /// The value of a scalar field, or nil with a finding. `path` is built only for a finding.
    mutating func scalar(_ scalar: Scalar, type: FieldType, path: @autoclosure () -> String, location: SourceLocation) -> Value? {
        let text = scalar.value
        let quoted = scalar.style != .plain && scalar.style != .text
        switch type {
        case .text, .identifier:
            return Value(.text(text), location: location)
        case .code(let vocabulary):
            guard vocabulary.contains(text) else {
                // The value itself is never repeated: a name typed into a coded field is personal data.
                report("SCHEMA-CODE", "\(path()) is not a known code; expected one of: \(vocabulary.codes.joined(separator: ", "))", path(), location)
                return nil
            }
            return Value(.text(text), location: location)
        case .date:
            guard let date = CalendarDate(iso: text) else {
                report("SCHEMA-DATE", "\(path()) is not a date written YYYY-MM-DD", path(), location)
                return nil
            }
            return Value(.date(date), location: location)
        case .number, .integer:
            guard !quoted, let number = Double(text), number.isFinite, text.first != "+", !Self.hasLetterOtherThanE(text) else {
                report("SCHEMA-TYPE", "\(path()) should be a number\(quoted ? " without quotes" : "")", path(), location)
                return nil
            }
            if case .integer = type, number != number.rounded() {
                report("SCHEMA-TYPE", "\(path()) should be a whole number", path(), location)
                return nil
            }
            return Value(.number(number), location: location)
        case .boolean:
            switch (text, quoted) {
            case ("true", false): return Value(.boolean(true), location: location)
            case ("false", false): return Value(.boolean(false), location: location)
            case ("1", false) where scalar.style == .text: return Value(.boolean(true), location: location)
            case ("0", false) where scalar.style == .text: return Value(.boolean(false), location: location)
            default:
                report("SCHEMA-TYPE", "\(path()) should be true or false", path(), location)
                return nil
            }
        case .object, .list:
            return nil
        }
    }

    /// True when `text` holds a letter other than `e` or `E` (`inf`, `nan`, `0x1p3` are not numbers
    /// here). ASCII by bytes; anything else by characters.
    static func hasLetterOtherThanE(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.contains { $0.isLetter && $0 != "e" && $0 != "E" } }
            let lower = byte | 0x20
            if lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z"), lower != UInt8(ascii: "e") { return true }
        }
        return false
    }

    /// The message for a value that should be an object (`path` empty for the document itself).
    static func notAMapping(_ path: String, _ kind: String) -> String {
        "\(path.isEmpty ? "the document" : path) should be a mapping of fields, not \(kind)"
    }

    static func notAList(_ path: String, _ kind: String) -> String {
        "\(path) should be a list, not \(kind)"
    }

    static func notASingleValue(_ path: String, _ kind: String) -> String {
        "\(path) should be a single value, not \(kind)"
    }

    /// The closest known name, when it is within two edits.
    static func suggestion(for name: String, among names: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var current = [i + 1]
                for (j, y) in b.enumerated() {
                    current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
                }
                previous = current
            }
            return previous[b.count]
        }
        let lowered = Array(name.lowercased())
        return names.map { ($0, distance(lowered, Array($0.lowercased()))) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }
}
