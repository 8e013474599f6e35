import EHCPSource
import EHCPXML
import EHCPYAML

/// The canonical application in YAML (`canonical-yaml`).
public struct CanonicalYAMLFormat: FormatPlugin {
    public init() {}
    public var id: String { "canonical-yaml" }
    public var syntax: FormatDefinition.Syntax? { .yaml }

    public func recognises(_ document: SourceDocument) -> Bool {
        document.syntax == .yaml
    }

    public func read(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> ReadResult {
        // One pass from the parser's events; the tree gives the same result, and the message and
        // place of every error, for what the one pass leaves to it.
        if let result = ApplicationEventDecoder.read(bytes, file: file, json: false) { return result }
        return decode(try SourceDocument.parse(bytes, file: file, syntax: .yaml).root)
    }

    public func write(_ application: Application) throws(DiagnosticList) -> (text: String, loss: LossReport) {
        do {
            return (try YAMLEmitter.emit(ApplicationEncoder.encode(application)), LossReport())
        } catch {
            throw DiagnosticList(error)
        }
    }
}

/// The canonical application in JSON (`canonical-json`).
public struct CanonicalJSONFormat: FormatPlugin {
    public init() {}
    public var id: String { "canonical-json" }
    public var syntax: FormatDefinition.Syntax? { .json }

    public func recognises(_ document: SourceDocument) -> Bool {
        document.syntax == .json
    }

    public func read(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> ReadResult {
        if let result = ApplicationEventDecoder.read(bytes, file: file, json: true) { return result }
        return decode(try SourceDocument.parse(bytes, file: file, syntax: .json).root)
    }

    public func write(_ application: Application) -> (text: String, loss: LossReport) {
        (JSONWriter.write(ApplicationEncoder.encode(application)), LossReport())
    }
}

/// The canonical application in XML (`canonical-xml`): each field an element, each list a
/// wrapper of `<item>` elements, in the namespace `urn:ehcp:application:1`.
public struct CanonicalXMLFormat: FormatPlugin {
    public init() {}
    public var id: String { "canonical-xml" }
    public var syntax: FormatDefinition.Syntax? { .xml }

    public func recognises(_ document: SourceDocument) -> Bool {
        document.rootName == "application" && document.rootNamespace == CanonicalSchema.namespace
    }

    public func read(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> ReadResult {
        let root = try XMLReader.read(bytes, file: file).root
        guard root.name == "application", root.namespace == CanonicalSchema.namespace else {
            throw DiagnosticList([
                .error(
                    "the root element is <\(root.name)> in namespace '\(root.namespace ?? "")'; a canonical document has <application xmlns=\"\(CanonicalSchema.namespace)\">",
                    at: root.location)
            ])
        }
        return decode(Self.sourceNode(root))
    }

    /// An element becomes a list when all its children are `<item>`, a mapping when it has
    /// other children, and a text value when it has none.
    static func sourceNode(_ element: XMLTree.Element) -> SourceNode {
        let location = element.location ?? SourceLocation(file: "", line: 1)
        if element.children.isEmpty {
            return SourceNode(.scalar(Scalar(element.text, style: .text)), location: location)
        }
        if element.children.allSatisfy({ $0.name == "item" }) {
            return SourceNode(.sequence(element.children.map(sourceNode)), location: location)
        }
        return SourceNode(
            .mapping(
                element.children.map {
                    SourceNode.Entry(key: $0.name, keyLocation: $0.location ?? location, value: sourceNode($0))
                }), location: location)
    }

    public func write(_ application: Application) -> (text: String, loss: LossReport) {
        var root = Self.element("application", ApplicationEncoder.encode(application))
        root.namespace = CanonicalSchema.namespace
        return (XMLWriter.write(root), LossReport())
    }

    private static func element(_ name: String, _ node: OutputNode) -> XMLTree.Element {
        switch node {
        case .string(let text), .number(let text), .date(let text):
            return XMLTree.Element(name: name, text: text)
        case .boolean(let flag):
            return XMLTree.Element(name: name, text: flag ? "true" : "false")
        case .mapping(let entries):
            return XMLTree.Element(name: name, children: entries.map { element($0.key, $0.value) })
        case .sequence(let items):
            return XMLTree.Element(name: name, children: items.map { element("item", $0) })
        }
    }
}

private func decode(_ node: SourceNode) -> ReadResult {
    var decoder = ApplicationDecoder()
    let application = decoder.decode(node)
    return ReadResult(application: application, findings: decoder.findings, unknownFields: decoder.unknownFields)
}
