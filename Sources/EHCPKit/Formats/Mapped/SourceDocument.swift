import EHCPSource
import EHCPXML
import EHCPYAML

/// A document in any of the four syntaxes, as one tree of `SourceNode`s, so that a format
/// mapping reads them all the same way.
///
/// XML: an element with neither attributes nor child elements is a text value; any other is a
/// mapping of `@attribute` entries, then child elements by name (repeated names repeat the key),
/// then `.` for its own text. CSV: one data row, as a mapping from column name to cell, with empty
/// cells left out.
public struct SourceDocument: Sendable {
    public var syntax: FormatDefinition.Syntax
    public var root: SourceNode
    /// XML only: the root element's name and namespace.
    public var rootName: String?
    public var rootNamespace: String?

    /// Parses `bytes` as `syntax`.
    ///
    /// - Throws: `DiagnosticList` when the document is not well-formed.
    public static func parse(_ bytes: [UInt8], file: String, syntax: FormatDefinition.Syntax) throws(DiagnosticList) -> SourceDocument {
        switch syntax {
        case .xml:
            let document = try XMLReader.sourceNode(bytes, file: file, shape: .attributesAndText)
            return SourceDocument(syntax: .xml, root: document.root, rootName: document.name, rootNamespace: document.namespace)
        case .json:
            do { return SourceDocument(syntax: .json, root: try JSONReader.document(bytes, file: file)) } catch { throw DiagnosticList(error) }
        case .yaml:
            do { return SourceDocument(syntax: .yaml, root: try YAMLReader.document(bytes, file: file)) } catch { throw DiagnosticList(error) }
        case .csv:
            let table = try CSVTable.read(bytes, file: file)
            var seen: Set<String> = []
            for cell in table.header where !seen.insert(cell.text).inserted {
                throw DiagnosticList([.error("the column '\(cell.text)' appears twice in the header", at: cell.location)])
            }
            guard table.rows.count == 1 else {
                let place = table.rows.count > 1 ? table.rows[1][0].location : SourceLocation(file: file, line: 2)
                throw DiagnosticList([
                    .error("a request file holds one row under the header; this one holds \(table.rows.count) (split it, one request per file)", at: place)
                ])
            }
            let entries = zip(table.header, table.rows[0]).filter { !$0.1.text.isEmpty }.map { header, cell in
                SourceNode.Entry(
                    key: header.text, keyLocation: header.location,
                    value: SourceNode(.scalar(Scalar(cell.text, style: .text)), location: cell.location))
            }
            return SourceDocument(syntax: .csv, root: SourceNode(.mapping(entries), location: SourceLocation(file: file, line: 1, column: 1)))
        }
    }

    /// The syntax a file is written in, from its extension or else its first character.
    public static func syntax(path: String, bytes: [UInt8]) -> FormatDefinition.Syntax? {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return .yaml }
        if lowered.hasSuffix(".json") { return .json }
        if lowered.hasSuffix(".xml") { return .xml }
        if lowered.hasSuffix(".csv") { return .csv }
        let first = bytes.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        switch first {
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        case nil: return nil
        default: return .yaml
        }
    }
}

/// A node found in a ``SourceDocument`` with its concrete path (`Needs/Need[2]/Code`), which
/// tells apart repeated elements so that what a mapping read can be set against what is there.
struct LocatedNode {
    var node: SourceNode
    var path: String

    /// The nodes reached from here by `steps`; repeated keys yield several.
    func resolve(_ steps: some Collection<String>) -> [LocatedNode] {
        guard let step = steps.first else { return [self] }
        // "." is an element's own text: the node itself when it has nothing else.
        if step == ".", node.scalar != nil { return resolve(steps.dropFirst()) }
        return children(named: step).flatMap { $0.resolve(steps.dropFirst()) }
    }

    /// The entries of a mapping named `key`, or the items when this is a list of such entries.
    func children(named key: String) -> [LocatedNode] {
        guard let entries = node.entries else { return [] }
        let matching = entries.filter { $0.key == key }
        return matching.enumerated().map { index, entry in
            LocatedNode(node: entry.value, path: join(matching.count > 1 ? "\(key)[\(index + 1)]" : key))
        }
    }

    /// A list's items, or the node itself when it is not a list.
    var items: [LocatedNode] {
        guard let items = node.items else { return [self] }
        return items.enumerated().map { LocatedNode(node: $1, path: "\(path)[\($0)]") }
    }

    /// Every non-empty value under this node, with its concrete path.
    var leaves: [LocatedNode] {
        switch node.content {
        case .scalar(let scalar): return scalar.value.isEmpty || scalar.isNull ? [] : [self]
        case .sequence: return items.flatMap(\.leaves)
        case .mapping(let entries):
            var seen: Set<String> = []
            return entries.flatMap { entry -> [LocatedNode] in
                guard seen.insert(entry.key).inserted else { return [] }
                return children(named: entry.key).flatMap(\.leaves)
            }
        }
    }

    private func join(_ component: String) -> String {
        path.isEmpty ? component : path + "/" + component
    }
}
