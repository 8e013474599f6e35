import EHCPKit
import Foundation

/// The values of a page's fields as the form posts them, by input name: `child.givenNames`,
/// `parents.0.name` for a list item, and `child.dateOfBirth-day` (`-month`, `-year`) for the three
/// boxes of a date. Read from the draft to fill a page, and read back into it when a page is saved.
struct GuidedValues {
    var fields: [String: String] = [:]

    subscript(name: String) -> String { fields[name] ?? "" }

    /// The input id of a field name: dots make awkward fragment targets, so they become dashes.
    static func id(_ name: String) -> String { name.replacingOccurrences(of: ".", with: "-") }

    static let dateParts = ["day", "month", "year"]

    /// The values `groups` show from `root`.
    init(_ root: Record, groups: [GuidedGroup]) {
        for group in groups {
            if group.isList {
                let items = root.value(at: group.path)?.list ?? []
                // Evidence always offers blank rows for new files; other lists offer them only when empty.
                fields[group.path + ".rows"] = String(group.path == "evidence" ? items.count + group.blanks : items.isEmpty ? group.blanks : items.count)
                for (index, item) in items.enumerated() {
                    guard let record = item.record else { continue }
                    for entry in group.entries { set("\(group.path).\(index).\(entry.name)", record[entry.name]) }
                }
            } else {
                let record = group.path.isEmpty ? root : root.value(at: group.path)?.record
                for entry in group.entries { set(group.path(of: entry), record?[entry.name]) }
            }
        }
    }

    init(posted: [String: String]) {
        fields = posted
    }

    private mutating func set(_ name: String, _ value: Value?) {
        guard let value else { return }
        switch value.content {
        case .date(let date):
            fields[name + "-day"] = String(date.day)
            fields[name + "-month"] = String(date.month)
            fields[name + "-year"] = String(date.year)
        case .boolean(let flag): fields[name] = flag ? "true" : "false"
        case .object, .list: break
        default: fields[name] = value.comparableText
        }
    }

    /// How many items a list shows (the page posts how many it had).
    func rows(of group: GuidedGroup) -> Int? {
        Int(self[group.path + ".rows"])
    }
}

/// A problem with what was typed, found before the draft is checked: shown beside the field and in
/// the error summary, linked to the field's input.
struct InputProblem: Error, Equatable {
    var text: String
    var id: String
}

extension GuidedValues {
    /// The value typed for `entry` under input name `name`: nil when left empty, or a problem.
    func value(_ name: String, type: FieldType, label: String) -> Result<Value?, InputProblem> {
        let id = Self.id(name)
        switch type {
        case .date:
            let parts = Self.dateParts.map { self["\(name)-\($0)"].trimmingCharacters(in: .whitespaces) }
            if parts.allSatisfy(\.isEmpty) { return .success(nil) }
            let numbers = parts.map { Int($0) }
            guard let day = numbers[0], let month = numbers[1], let year = numbers[2], parts[2].count == 4,
                let date = CalendarDate(year: year, month: month, day: day)
            else {
                return .failure(InputProblem(text: "\(label): enter a real date, with the day, month and year in numbers, for example 30 1 2017", id: id))
            }
            return .success(Value(.date(date)))
        case .number, .integer:
            let text = self[name].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "£", with: "")
            if text.isEmpty { return .success(nil) }
            guard let number = Double(text), number.isFinite, !type.isInteger || number == number.rounded() else {
                return .failure(InputProblem(text: "\(label): enter \(type.isInteger ? "a whole number" : "a number"), for example 12", id: id))
            }
            return .success(Value(.number(number)))
        case .boolean:
            switch self[name] {
            case "true": return .success(Value(.boolean(true)))
            case "false": return .success(Value(.boolean(false)))
            default: return .success(nil)
            }
        case .code(let vocabulary):
            let code = self[name]
            if code.isEmpty { return .success(nil) }
            guard vocabulary.contains(code) else { return .failure(InputProblem(text: "\(label): choose one of the list", id: id)) }
            return .success(Value(.text(code)))
        default:
            // Browsers post line breaks as CRLF; the document keeps the text as typed, with plain line feeds.
            let text = self[name].replacingOccurrences(of: "\r\n", with: "\n")
            return .success(text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : Value(.text(text)))
        }
    }

    /// One object's or list item's entries read into `record` (an item's other fields kept);
    /// `blank` when nothing was entered for them.
    func read(_ group: GuidedGroup, prefix: String, into record: Record, labelPrefix: String = "") -> (record: Record, blank: Bool, problems: [InputProblem]) {
        var record = record
        var blank = true
        var problems: [InputProblem] = []
        for entry in group.entries {
            guard let type = CanonicalSchema.field(at: group.path(of: entry))?.type else { continue }
            switch value(prefix + entry.name, type: type, label: labelPrefix + entry.label) {
            case .success(let value):
                record[entry.name] = value
                if value != nil { blank = false }
            case .failure(let problem):
                problems.append(problem)
                blank = false
            }
        }
        return (record, blank, problems)
    }

    /// `root` with the fields of `groups` replaced by what was posted; list items left blank or
    /// marked for removal are dropped.
    func read(_ groups: [GuidedGroup], into root: Record) -> (record: Record, problems: [InputProblem]) {
        var root = root
        var problems: [InputProblem] = []
        for group in groups {
            if group.isList {
                let existing = root.value(at: group.path)?.list ?? []
                var items: [Value] = []
                for index in 0..<(rows(of: group) ?? existing.count) where self["\(group.path).\(index).remove"] != "yes" {
                    let old = index < existing.count ? existing[index].record ?? Record() : Record()
                    let item = read(
                        group, prefix: "\(group.path).\(index).", into: old,
                        labelPrefix: "\(group.item!.capitalisedFirst) \(index + 1): ")
                    problems += item.problems
                    if !item.blank || item.record.fields.contains(where: { name, _ in !group.entries.contains { $0.name == name } }) {
                        items.append(Value(.object(item.record)))
                    }
                }
                root.set(group.path, items.isEmpty ? nil : Value(.list(items)))
            } else {
                let old = (group.path.isEmpty ? root : root.value(at: group.path)?.record) ?? Record()
                let object = read(group, prefix: group.path.isEmpty ? "" : group.path + ".", into: old)
                problems += object.problems
                if group.path.isEmpty {
                    root = object.record
                } else {
                    root.set(group.path, object.record.fields.isEmpty ? nil : Value(.object(object.record)))
                }
            }
        }
        return (root, problems)
    }
}

extension FieldType {
    var isInteger: Bool {
        if case .integer = self { return true }
        return false
    }
}

extension Record {
    /// The value at a dotted path of objects (`views.child`).
    func value(at path: String) -> Value? {
        var parts = path.split(separator: ".").map(String.init)
        guard !parts.isEmpty else { return nil }
        let last = parts.removeLast()
        var record = self
        for part in parts {
            guard let next = record[part]?.record else { return nil }
            record = next
        }
        return record[last]
    }

    /// Sets (or, with nil, removes) the value at a dotted path, creating the objects on the way;
    /// an object left empty by a removal is removed too.
    mutating func set(_ path: String, _ value: Value?) {
        var parts = path.split(separator: ".").map(String.init)
        let first = parts.removeFirst()
        guard !parts.isEmpty else {
            self[first] = value
            return
        }
        var child = self[first]?.record ?? Record()
        child.set(parts.joined(separator: "."), value)
        self[first] = child.fields.isEmpty ? nil : Value(.object(child))
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
