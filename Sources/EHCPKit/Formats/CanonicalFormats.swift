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
        let document = try XMLReader.sourceNode(bytes, file: file, shape: .elementsAndItems)
        guard document.name == "application", document.namespace == CanonicalSchema.namespace else {
            throw DiagnosticList([
                .error(
                    "the root element is <\(document.name)> in namespace '\(document.namespace ?? "")'; a canonical document has <application xmlns=\"\(CanonicalSchema.namespace)\">",
                    at: document.root.location)
            ])
        }
        return decode(document.root)
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
