import EHCPSource

/// Reads a document through a format's mappings into a canonical `SourceNode` tree, then
/// decodes that with the canonical schema.
struct MappedReader {
    let definition: FormatDefinition
    let root: LocatedNode
    private var findings: [Finding] = []
    private var consumed: Set<String> = []

    init(definition: FormatDefinition, root: LocatedNode) {
        self.definition = definition
        self.root = root
    }

    mutating func read() -> ReadResult {
        let tree = CanonicalTree(location: root.node.location)
        if let marker = definition.marker {
            for found in root.resolve(marker.path.steps) { consume(found) }
        }
        for mapping in definition.values {
            if let value = value(mapping, under: root, canonicalPath: mapping.canonicalPath) {
                tree.set(mapping.canonicalPath.split(separator: ".").map(String.init), value)
            }
        }
        for list in definition.lists {
            let items = self.items(list)
            guard !items.isEmpty else { continue }
            tree.setList(list.canonicalPath, items)
        }
        if let marker = definition.marker, let field = marker.field, !tree.has(field) {
            tree.set(field.split(separator: ".").map(String.init), SourceNode(.scalar(Scalar(marker.value, style: .text)), location: root.node.location))
        }
        if !tree.has("schemaVersion") {
            tree.set(["schemaVersion"], SourceNode(.scalar(Scalar(CanonicalSchema.version, style: .text)), location: root.node.location))
        }
        if !tree.has("authority"), let authority = definition.authority {
            tree.set(["authority"], SourceNode(.scalar(Scalar(authority, style: .text)), location: root.node.location))
        }
        var decoder = ApplicationDecoder()
        let application = decoder.decode(tree.node())
        var unknown: [String] = []
        for leaf in root.leaves where !consumed.contains(leaf.path) {
            let shown = displayPath(leaf.path)
            guard !unknown.contains(shown) else { continue }
            unknown.append(shown)
            findings.append(
                .builtIn(
                    "FORMAT-UNMAPPED-FIELD", "\(shown) is not mapped by format \(definition.id); it is ignored", path: shown, at: leaf.node.location,
                    severity: .warning))
        }
        return ReadResult(application: application, findings: findings + decoder.findings, unknownFields: unknown)
    }

    /// The items of a list: repeated elements or array items, or CSV's numbered columns.
    private mutating func items(_ list: ListMapping) -> [SourceNode] {
        var items: [SourceNode] = []
        if let max = list.max {
            for number in 1...max {
                let item = CanonicalTree(location: root.node.location)
                for field in list.fields {
                    var numbered = field
                    numbered.source = field.source.numbered(number)
                    if let value = value(numbered, under: root, canonicalPath: "\(list.canonicalPath)[\(number - 1)].\(field.canonicalPath)") {
                        item.set(field.canonicalPath.split(separator: ".").map(String.init), value)
                    }
                }
                if !item.isEmpty { items.append(item.node()) }
            }
            return items
        }
        guard let each = list.each else { return [] }
        for found in root.resolve(each.steps).flatMap(\.items) {
            let item = CanonicalTree(location: found.node.location)
            for field in list.fields {
                if let value = value(field, under: found, canonicalPath: "\(list.canonicalPath)[\(items.count)].\(field.canonicalPath)") {
                    item.set(field.canonicalPath.split(separator: ".").map(String.init), value)
                }
            }
            items.append(item.node())
        }
        return items
    }

    /// The canonical scalar for one mapping, translated by its value map and date pattern.
    private mutating func value(_ mapping: ValueMapping, under base: LocatedNode, canonicalPath: String) -> SourceNode? {
        let found = base.resolve(mapping.source.steps).map { located -> LocatedNode in
            // An element with attributes keeps its own text under ".".
            if located.node.scalar == nil, let text = located.children(named: ".").first { return text }
            return located
        }
        guard let first = found.first else { return nil }
        for extra in found { consume(extra) }
        if found.count > 1 {
            findings.append(
                .builtIn("SCHEMA-DUPLICATE", "\(canonicalPath) is given more than once (\(mapping.source))", path: canonicalPath, at: found[1].node.location))
        }
        // An element holding attributes alone has no text of its own.
        if let entries = first.node.entries, entries.allSatisfy({ $0.key.hasPrefix("@") }) { return nil }
        guard let scalar = first.node.scalar else {
            findings.append(
                .builtIn(
                    "SCHEMA-TYPE", "\(canonicalPath) (\(mapping.source)) should be a single value, not \(first.node.kindDescription)", path: canonicalPath,
                    at: first.node.location))
            return nil
        }
        var text = scalar.value
        guard !text.trimmingSpaces().isEmpty, !scalar.isNull else { return nil }
        var style = definition.syntax == .json || definition.syntax == .yaml ? scalar.style : .text
        if mapping.hasValueMap {
            guard let canonical = mapping.readMap[text] ?? mapping.readMap[text.trimmingSpaces()] else {
                let codes = mapping.readMap.keys.sorted().joined(separator: ", ")
                findings.append(
                    .builtIn(
                        "FORMAT-VALUE", "\(canonicalPath) (\(mapping.source)) holds a value format \(definition.id) does not define; expected one of: \(codes)",
                        path: canonicalPath, at: first.node.location))
                return nil
            }
            text = canonical
            style = .text
        }
        if let pattern = mapping.date {
            guard let date = pattern.read(text) else {
                findings.append(
                    .builtIn(
                        "SCHEMA-DATE", "\(canonicalPath) (\(mapping.source)) is not a date written \(pattern)", path: canonicalPath, at: first.node.location))
                return nil
            }
            text = date.description
            style = .text
        }
        return SourceNode(.scalar(Scalar(text, style: style)), location: first.node.location)
    }

    private mutating func consume(_ node: LocatedNode) {
        for leaf in node.leaves { consumed.insert(leaf.path) }
    }

    /// A concrete path without item numbers, written as the syntax writes paths.
    private func displayPath(_ path: String) -> String {
        var shown = ""
        var depth = 0
        for character in path {
            if character == "[" { depth += 1 } else if character == "]" { depth -= 1 } else if depth == 0 { shown.append(character) }
        }
        switch definition.syntax {
        case .json, .yaml: return shown.replacingAll("/", with: ".")
        case .xml, .csv: return shown
        }
    }
}
