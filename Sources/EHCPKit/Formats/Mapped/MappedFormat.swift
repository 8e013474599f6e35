import EHCPSource

/// An authority's own format, read and written by its ``FormatDefinition``.
///
/// Reading maps the document onto a canonical tree and decodes it with the canonical schema, so
/// every schema check applies; places in the document the format does not map are reported and
/// listed as not converted. Writing places each canonical value where the format keeps it and
/// lists, by path and kind, what the format cannot hold.
public struct MappedFormat: FormatPlugin {
    public let definition: FormatDefinition

    public init(_ definition: FormatDefinition) {
        self.definition = definition
    }

    public var id: String { definition.id }
    public var fileExtension: String { definition.syntax.fileExtension }
    public var syntax: FormatDefinition.Syntax? { definition.syntax }

    public func recognises(_ document: SourceDocument) -> Bool {
        guard document.syntax == definition.syntax else { return false }
        if definition.syntax == .xml {
            guard document.rootName == definition.xmlRoot, document.rootNamespace == definition.xmlNamespace else { return false }
        }
        guard let marker = definition.marker else { return true }
        return LocatedNode(node: document.root, path: "").resolve(marker.path.steps).contains { $0.node.scalar?.value == marker.value }
    }

    public func read(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> ReadResult {
        try read(try SourceDocument.parse(bytes, file: file, syntax: definition.syntax))
    }

    public func read(_ document: SourceDocument) throws(DiagnosticList) -> ReadResult {
        if definition.syntax == .xml, document.rootName != definition.xmlRoot || document.rootNamespace != definition.xmlNamespace {
            throw DiagnosticList([
                .error(
                    "the root element is <\(document.rootName ?? "")> in namespace '\(document.rootNamespace ?? "")'; format \(id) expects <\(definition.xmlRoot ?? "")> in namespace '\(definition.xmlNamespace ?? "")'",
                    at: document.root.location)
            ])
        }
        var reader = MappedReader(definition: definition, root: LocatedNode(node: document.root, path: ""))
        return reader.read()
    }

    public func write(_ application: Application) -> (text: String, loss: LossReport) {
        var writer = MappedWriter(definition: definition)
        return writer.write(application)
    }
}
