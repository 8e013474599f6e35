import EHCPSource
import EHCPYAML

/// Reads a `format.yaml`, reporting every mistake with file, line and column: unknown keys and
/// canonical paths, source paths the syntax cannot hold, date patterns, value maps that cannot be
/// read back (not one-to-one without a `reverse`), and two mappings writing one place.
public struct FormatLoader {
    /// The authorities a format's `authority` must be one of.
    let authorities: AuthorityCatalog
    var diagnostics = DiagnosticCollector()
    var syntax = FormatDefinition.Syntax.yaml

    /// The format in `bytes`.
    ///
    /// - Throws: `DiagnosticList` holding every error found.
    public static func load(_ bytes: [UInt8], file: String, authorities: AuthorityCatalog = .builtIn) throws -> FormatDefinition {
        let root = try ConfigFile.root(bytes, file: file)
        var loader = FormatLoader(authorities: authorities)
        let definition = loader.definition(root, file: file)
        guard let definition, !loader.diagnostics.hasErrors else {
            throw DiagnosticList(loader.diagnostics.diagnostics)
        }
        return definition
    }

    /// Every problem in the format file, or an empty list.
    public static func lint(_ bytes: [UInt8], file: String, authorities: AuthorityCatalog = .builtIn) -> [Diagnostic] {
        ConfigFile.lint(file: file) { _ = try load(bytes, file: file, authorities: authorities) }
    }

    /// True when the YAML document in `bytes` is a format file rather than a rule set.
    public static func isFormatFile(_ bytes: [UInt8], file: String) -> Bool {
        (try? YAMLReader.document(bytes, file: file))?["format"] != nil
    }

    // MARK: - Top level

    private static let topKeys = ["format", "authority", "title", "description", "syntax", "xml", "marker", "fields"]

    private mutating func definition(_ root: SourceNode, file: String) -> FormatDefinition? {
        guard let top = mapping(root, allowed: Self.topKeys, what: "the format file") else { return nil }
        let id = text(top["format"], what: "format", at: root.location)
        if let id, !id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) || id.hasPrefix("canonical-") {
            diagnostics.error(
                "format id '\(id)' should be lower-case letters, digits and hyphens, and not begin with 'canonical-'", at: top["format"]?.location)
        }
        let authority = top["authority"].flatMap { text($0, what: "authority", at: root.location) }
        if let authority, let node = top["authority"], authorities.authority(authority) == nil {
            diagnostics.error("authority '\(authority)' is not the code of an English local authority", at: node.location)
        }
        guard let syntaxText = text(top["syntax"], what: "syntax", at: root.location) else { return nil }
        guard let syntax = FormatDefinition.Syntax(rawValue: syntaxText) else {
            diagnostics.error("syntax '\(syntaxText)' is not one of: xml, json, yaml, csv", at: top["syntax"]?.location)
            return nil
        }
        self.syntax = syntax
        var xmlRoot: String?
        var xmlNamespace: String?
        if let xml = top["xml"] {
            if syntax != .xml { diagnostics.error("'xml' applies only to syntax xml", at: xml.location) }
            if let fields = mapping(xml, allowed: ["root", "namespace"], what: "xml") {
                xmlRoot = text(fields["root"], what: "xml.root", at: xml.location)
                xmlNamespace = fields["namespace"].flatMap { text($0, what: "xml.namespace", at: xml.location) }
                if let xmlRoot, !Self.isXMLName(xmlRoot) {
                    diagnostics.error("xml.root '\(xmlRoot)' is not an XML element name", at: fields["root"]?.location)
                }
            }
        } else if syntax == .xml {
            diagnostics.error("an xml format needs 'xml: { root: NAME, namespace: URI }' so its documents can be recognised", at: root.location)
        }
        var marker: FormatDefinition.Marker?
        if let node = top["marker"], let fields = mapping(node, allowed: ["path", "value", "field"], what: "marker"),
            let path = text(fields["path"], what: "marker.path", at: node.location),
            let value = text(fields["value"], what: "marker.value", at: node.location)
        {
            marker = .init(path: sourcePath(path, at: fields["path"]!.location, inList: false), value: value)
            if let fieldNode = fields["field"], let field = text(fieldNode, what: "marker.field", at: node.location) {
                let type = CanonicalSchema.field(at: field)?.type
                if type == nil || type?.children != nil {
                    diagnostics.error("marker.field '\(field)' should be a single-value path of the canonical schema", at: fieldNode.location)
                } else if let type, !isValid(value, for: type) {
                    diagnostics.error("the marker value is not a valid \(field) value\(expected(type))", at: fieldNode.location)
                } else {
                    marker?.field = field
                }
            }
        } else if top["marker"] == nil, syntax != .xml {
            diagnostics.error(
                "a \(syntax.rawValue) format needs 'marker: { path: KEY, value: TEXT }', a field with a fixed value that tells its documents apart",
                at: root.location)
        }
        var values: [ValueMapping] = []
        var lists: [ListMapping] = []
        if let fields = top["fields"]?.entries {
            for entry in fields {
                mapField(entry, values: &values, lists: &lists)
            }
        } else {
            diagnostics.error("'fields' should be a mapping of canonical paths to places in the document", at: top["fields"]?.location ?? root.location)
        }
        if let field = marker?.field, values.contains(where: { $0.canonicalPath == field }) {
            diagnostics.error("\(field) is both the marker's field and mapped under 'fields'; keep one", at: top["marker"]?.location)
        }
        checkWrittenPlaces(values: values, lists: lists, marker: marker)
        guard let id else { return nil }
        return FormatDefinition(
            id: id, authority: authority, title: top["title"]?.scalar?.value, syntax: syntax,
            xmlRoot: xmlRoot, xmlNamespace: xmlNamespace, marker: marker,
            values: values, lists: lists, file: file)
    }

    // MARK: - Fields

    private mutating func mapField(_ entry: SourceNode.Entry, values: inout [ValueMapping], lists: inout [ListMapping]) {
        guard let field = CanonicalSchema.field(at: entry.key) else {
            let hint = ApplicationDecoder.suggestion(for: entry.key, among: CanonicalSchema.allPaths).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.error("'\(entry.key)' is not a path of the canonical schema\(hint)", at: entry.keyLocation)
            return
        }
        if case .list(let children) = field.type {
            if let list = listMapping(entry, children: children) { lists.append(list) }
            return
        }
        if field.type.children != nil {
            diagnostics.error("'\(entry.key)' is an object; map its fields one by one (\(entry.key).NAME)", at: entry.keyLocation)
            return
        }
        if entry.key.contains("."), let parent = CanonicalSchema.field(at: String(entry.key[..<entry.key.lastIndex(of: ".")!])), parent.type.isList {
            diagnostics.error("'\(entry.key)' is inside a list; map the list with 'each' and its item fields under 'fields'", at: entry.keyLocation)
            return
        }
        if let value = valueMapping(entry, type: field.type, inList: false) { values.append(value) }
    }

    private static let listKeys = ["each", "max", "fields"]

    private mutating func listMapping(_ entry: SourceNode.Entry, children: [Field]) -> ListMapping? {
        guard let fields = mapping(entry.value, allowed: Self.listKeys, what: "list '\(entry.key)'") else { return nil }
        var each: SourcePath?
        var max: Int?
        if syntax == .csv {
            if fields["each"] != nil { diagnostics.error("a csv list has no 'each'; give 'max' and put {n} in each column name", at: fields["each"]!.location) }
            if let node = fields["max"], let number = node.scalar.flatMap({ Int($0.value) }), number > 0, number <= 100 {
                max = number
            } else {
                diagnostics.error(
                    "a csv list needs 'max': how many numbered items its columns hold (1 to 100)", at: fields["max"]?.location ?? entry.keyLocation)
            }
        } else {
            if fields["max"] != nil { diagnostics.error("'max' applies only to csv lists", at: fields["max"]!.location) }
            if let path = text(fields["each"], what: "each", at: entry.keyLocation) {
                each = sourcePath(path, at: fields["each"]!.location, inList: false)
                if path.contains("@") { diagnostics.error("'each' names repeated elements, not an attribute", at: fields["each"]!.location) }
            }
        }
        guard let itemFields = fields["fields"]?.entries else {
            diagnostics.error(
                "list '\(entry.key)' needs 'fields': the item fields and where each item holds them", at: fields["fields"]?.location ?? entry.keyLocation)
            return nil
        }
        var mapped: [ValueMapping] = []
        for item in itemFields {
            let path = entry.key + "." + item.key
            guard let field = CanonicalSchema.field(at: path), field.type.children == nil else {
                let names = children.map(\.name)
                let hint = ApplicationDecoder.suggestion(for: item.key, among: names).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.error("'\(item.key)' is not a value field of a \(entry.key) item\(hint)", at: item.keyLocation)
                continue
            }
            if let value = valueMapping(item, type: field.type, inList: true) { mapped.append(value) }
        }
        return ListMapping(canonicalPath: entry.key, each: each, max: max, fields: mapped, location: entry.keyLocation)
    }

    private static let valueKeys = ["path", "date", "values", "reverse", "readOnly"]

    private mutating func valueMapping(_ entry: SourceNode.Entry, type: FieldType, inList: Bool) -> ValueMapping? {
        if let scalar = entry.value.scalar {
            return ValueMapping(
                canonicalPath: entry.key, type: type, source: sourcePath(scalar.value, at: entry.value.location, inList: inList),
                date: nil, readMap: [:], writeMap: [:], readOnly: false, location: entry.keyLocation)
        }
        guard let fields = mapping(entry.value, allowed: Self.valueKeys, what: "the mapping of '\(entry.key)'"),
            let path = text(fields["path"], what: "path", at: entry.keyLocation)
        else { return nil }
        var mapping = ValueMapping(
            canonicalPath: entry.key, type: type, source: sourcePath(path, at: fields["path"]!.location, inList: inList),
            date: nil, readMap: [:], writeMap: [:], readOnly: false, location: entry.keyLocation)
        if let node = fields["date"] {
            if case .date = type, let text = node.scalar?.value {
                switch DatePattern.parse(text) {
                case .success(let pattern): mapping.date = pattern
                case .failure(let problem): diagnostics.error("date pattern '\(text)': \(problem.message)", at: node.location)
                }
            } else {
                diagnostics.error("'date' applies only to date fields, and takes a pattern such as dd/MM/yyyy", at: node.location)
            }
        }
        if let node = fields["readOnly"] {
            switch node.scalar?.value {
            case "true": mapping.readOnly = true
            case "false": mapping.readOnly = false
            default: diagnostics.error("readOnly should be true or false", at: node.location)
            }
        }
        if let node = fields["values"] {
            valueMap(node, reverse: fields["reverse"], into: &mapping)
        } else if let reverse = fields["reverse"] {
            diagnostics.error("'reverse' needs 'values'", at: reverse.location)
        }
        return mapping
    }

    // MARK: - Scalars and mappings

    private mutating func mapping(_ node: SourceNode, allowed: [String], what: String) -> [String: SourceNode]? {
        diagnostics.mapping(node, allowed: allowed, what: what)
    }

    private mutating func text(_ node: SourceNode?, what: String, at location: SourceLocation) -> String? {
        guard let node else {
            diagnostics.error("'\(what)' is required", at: location)
            return nil
        }
        guard let scalar = node.scalar, !scalar.value.isEmpty else {
            diagnostics.error("'\(what)' should be a single value, not \(node.kindDescription)", at: node.location)
            return nil
        }
        return scalar.value
    }
}
