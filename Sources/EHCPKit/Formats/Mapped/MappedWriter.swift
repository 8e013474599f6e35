import EHCPSource
import EHCPXML
import EHCPYAML

/// Writes an application through a format's mappings, noting what the format cannot hold.
struct MappedWriter {
    let definition: FormatDefinition
    private var written: Set<String> = []
    private var lost: [LossReport.Entry] = []

    init(definition: FormatDefinition) {
        self.definition = definition
    }

    mutating func write(_ application: Application) -> (text: String, loss: LossReport) {
        let tree = OutputTree()
        if let marker = definition.marker { tree.set(marker.path.steps[...], .string(marker.value)) }
        // Values and lists in the order the format file declares them, so documents read in that order.
        let declared: [(line: Int, value: ValueMapping?, list: ListMapping?)] =
            definition.values.map { ($0.location.line, $0, nil) } + definition.lists.map { ($0.location.line, nil, $0) }
        for item in declared.sorted(by: { $0.line < $1.line }) {
            if let mapping = item.value, !mapping.readOnly {
                place(mapping, from: application.root, canonicalPath: mapping.canonicalPath, into: tree, at: mapping.source)
            }
            if let list = item.list { write(list, from: application, into: tree) }
        }
        noteUnwritten(application)
        return (serialise(tree), LossReport(entries: lost))
    }

    private mutating func write(_ list: ListMapping, from application: Application, into tree: OutputTree) {
        for (index, item) in application.records(list.canonicalPath).enumerated() {
            let prefix = "\(list.canonicalPath)[\(index)]."
            if let max = list.max {
                guard index < max else { continue }
                for field in list.fields where !field.readOnly {
                    place(field, from: item, canonicalPath: prefix + field.canonicalPath, into: tree, at: field.source.numbered(index + 1))
                }
            } else if let each = list.each {
                let element = OutputTree()
                for field in list.fields where !field.readOnly {
                    place(field, from: item, canonicalPath: prefix + field.canonicalPath, into: element, at: field.source)
                }
                tree.append(each.steps[...], element)
            }
        }
    }

    /// Writes one value where the mapping keeps it, or notes why it cannot.
    private mutating func place(_ mapping: ValueMapping, from record: Record, canonicalPath: String, into tree: OutputTree, at source: SourcePath) {
        guard let value = Self.value(in: record, path: mapping.canonicalPath.split(separator: ".")[...]) else { return }
        let text = value.comparableText
        let node: OutputNode
        if mapping.hasValueMap {
            guard let code = mapping.writeMap[text] else {
                lose(canonicalPath, mapping.type, "format \(definition.id) has no code for this value")
                return
            }
            node = .string(code)
        } else if let pattern = mapping.date, let date = value.date {
            node = .string(pattern.format(date))
        } else {
            switch value.content {
            case .number: node = .number(text)
            case .boolean(let flag): node = .boolean(flag)
            case .date: node = .date(text)
            default: node = .string(text)
            }
        }
        tree.set(source.steps[...], node)
        written.insert(canonicalPath)
    }

    /// Every value of the application that was not written, by path and kind.
    private mutating func noteUnwritten(_ application: Application) {
        for (path, type, value) in Self.leaves(application.root, fields: CanonicalSchema.root, prefix: "") where !written.contains(path) {
            if path == "schemaVersion", let version = value.text, CanonicalSchema.readableVersions.contains(version) { continue }
            if let marker = definition.marker, path == marker.field {
                if value.comparableText != marker.value {
                    lose(path, type, "format \(definition.id) holds \(path) \(marker.value) alone")
                }
                continue
            }
            // An authority's format is for requests to that authority: converting to it is
            // sending the request there, so the authority it names is not a loss.
            if path == "authority", definition.authority != nil { continue }
            if let list = definition.lists.first(where: { path.hasPrefix($0.canonicalPath + "[") }), let max = list.max,
                let index = Self.itemIndex(path), index >= max
            {
                lose(path, type, "format \(definition.id) holds at most \(max) \(list.canonicalPath) items")
                continue
            }
            lose(path, type, "format \(definition.id) has no place for it")
        }
    }

    private mutating func lose(_ path: String, _ type: FieldType, _ reason: String) {
        let entry = LossReport.Entry(lost: path, type, reason)
        if !lost.contains(entry) { lost.append(entry) }
    }

    // MARK: - Serialising

    private func serialise(_ tree: OutputTree) -> String {
        switch definition.syntax {
        case .xml:
            return XMLWriter.write(tree.element(name: definition.xmlRoot ?? "request", namespace: definition.xmlNamespace))
        case .json:
            return JSONWriter.write(tree.outputNode())
        case .yaml:
            // The emitter refuses only text it cannot represent, which the canonical model never holds.
            return (try? YAMLEmitter.emit(tree.outputNode())) ?? ""
        case .csv:
            let columns = csvColumns()
            let row = columns.map { tree.text(at: $0) ?? "" }
            return CSVTable.write(header: columns, rows: [row])
        }
    }

    /// Every column the format writes, in declaration order, lists numbered 1…max.
    private func csvColumns() -> [String] {
        var columns: [String] = definition.marker.map { [$0.path.description] } ?? []
        columns += definition.values.filter { !$0.readOnly }.map(\.source.description)
        for list in definition.lists {
            for number in 1...(list.max ?? 1) {
                columns += list.fields.filter { !$0.readOnly }.map { $0.source.numbered(number).steps[0] }
            }
        }
        return columns
    }

    // MARK: - Canonical values

    static func value(in record: Record, path: ArraySlice<Substring>) -> Value? {
        guard let name = path.first, let value = record[String(name)] else { return nil }
        if path.count == 1 { return value }
        return value.record.flatMap { self.value(in: $0, path: path.dropFirst()) }
    }

    /// Every scalar of `record`, with its concrete path (`needs[2].type`) and type.
    static func leaves(_ record: Record, fields: [Field], prefix: String) -> [(String, FieldType, Value)] {
        fields.flatMap { field -> [(String, FieldType, Value)] in
            guard let value = record[field.name] else { return [] }
            let path = prefix + field.name
            switch value.content {
            case .object(let inner): return leaves(inner, fields: field.type.children ?? [], prefix: path + ".")
            case .list(let items):
                return items.enumerated().flatMap { index, item in
                    item.record.map { leaves($0, fields: field.type.children ?? [], prefix: "\(path)[\(index)].") } ?? []
                }
            default: return [(path, field.type, value)]
            }
        }
    }

    /// `needs[2].type` → `needs[].type`.
    static func collapse(_ path: String) -> String {
        var shown = ""
        var inIndex = false
        for character in path {
            if character == "[" {
                inIndex = true
                shown.append("[")
            } else if character == "]" {
                inIndex = false
                shown.append("]")
            } else if !inIndex {
                shown.append(character)
            }
        }
        return shown
    }

    private static func itemIndex(_ path: String) -> Int? {
        guard let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]") else { return nil }
        return Int(path[path.index(after: open)..<close])
    }
}

extension FieldType {
    /// A short name for loss reports: the kind of value, never the value.
    var kindName: String {
        switch self {
        case .text: "text"
        case .date: "date"
        case .number, .integer: "number"
        case .boolean: "boolean"
        case .code: "code"
        case .identifier: "identifier"
        case .object: "object"
        case .list: "list"
        }
    }
}
