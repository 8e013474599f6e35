import EHCPSource
import EHCPXML

/// The formats ehcp knows: the canonical three, compiled plugins, and each published authority's
/// `format.yaml`.
public struct FormatRegistry: Sendable {
    /// Every format, canonical first.
    public let formats: [any FormatPlugin]

    /// The canonical application in YAML, JSON and XML.
    public static let canonical: [any FormatPlugin] = [CanonicalYAMLFormat(), CanonicalJSONFormat(), CanonicalXMLFormat()]

    /// Formats written in Swift because a mapping cannot express them. Register one by adding it here.
    public static let compiled: [any FormatPlugin] = [RequestLetterFormat()]

    /// The canonical formats alone.
    public static let canonicalOnly = FormatRegistry(formats: canonical)

    public init(formats: [any FormatPlugin]) {
        self.formats = formats
    }

    /// The canonical paths (list fields as `parents.phone`) that the published formats of the
    /// authority with this code hold: the fields its own request form asks for.
    public func canonicalPaths(heldByFormsOf code: String) -> Set<String> {
        let definitions = formats.compactMap { ($0 as? MappedFormat)?.definition }.filter { $0.authority == code }
        return Set(
            definitions.flatMap { definition in
                definition.values.map(\.canonicalPath)
                    + definition.lists.flatMap { list in list.fields.map { list.canonicalPath + "." + $0.canonicalPath } }
            })
    }

    /// The canonical and compiled formats with every `format.yaml` the catalog publishes.
    ///
    /// - Throws: `DiagnosticList` when a format file is invalid, or two formats share an id.
    public static func standard(catalog: RuleSetCatalog) throws -> FormatRegistry {
        var formats = canonical + compiled
        var diagnostics: [Diagnostic] = []
        for file in catalog.formatFiles() {
            do {
                let definition = try FormatLoader.load(try catalog.contents(of: file), file: file)
                if formats.contains(where: { $0.id == definition.id }) {
                    diagnostics.append(.error("format id '\(definition.id)' is used by another format", at: SourceLocation(file: file, line: 1)))
                }
                formats.append(MappedFormat(definition))
            } catch let list as DiagnosticList {
                diagnostics += list.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return FormatRegistry(formats: formats)
    }

    /// The format with `id`.
    public func format(id: String) -> (any FormatPlugin)? {
        formats.first { $0.id == id }
    }

    /// The ids of an authority's own formats.
    public func ids(forAuthority code: String) -> [String] {
        formats.compactMap { ($0 as? MappedFormat)?.definition.authority == code ? $0.id : nil }
    }

    /// Every format id, for messages.
    public var ids: [String] { formats.map(\.id) }

    /// The format of a file: its syntax from the extension (or first character), then the one
    /// authority format that recognises it (root element and namespace, marker field), or else the
    /// canonical format of that syntax.
    ///
    /// - Throws: `DiagnosticList` when the file is empty, is CSV no format recognises, or more
    ///   than one format recognises it.
    public func detect(path: String, bytes: [UInt8]) throws(DiagnosticList) -> any FormatPlugin {
        try recognise(path: path, bytes: bytes).format
    }

    /// ``detect(path:bytes:)`` with the document as parsed to recognise it (nil when nothing had
    /// to be parsed: no authority format is written in its syntax, or it could not be parsed).
    public func recognise(path: String, bytes: [UInt8]) throws(DiagnosticList) -> (format: any FormatPlugin, parsed: SourceDocument?) {
        guard let syntax = SourceDocument.syntax(path: path, bytes: bytes) else {
            throw DiagnosticList([.error("the document is empty", at: SourceLocation(file: path, line: 1))])
        }
        let fallback = Self.canonical.first { $0.syntax == syntax }
        // An XML document whose root no authority format names is not parsed whole to find that out.
        if syntax == .xml, let fallback, let root = XMLReader.rootElement(bytes, file: path), !authorityFormat(couldHaveRoot: root) {
            return (fallback, nil)
        }
        let matches: [any FormatPlugin]
        let parsed: SourceDocument?
        do throws(DiagnosticList) {
            (matches, parsed) = try authorityFormats(recognising: bytes, path: path, syntax: syntax)
        } catch {
            // The canonical reader reports the same problem with its place.
            guard let fallback else { throw error }
            return (fallback, nil)
        }
        if matches.count > 1 {
            throw DiagnosticList([.error("\(path) is recognised by more than one format (\(matches.map(\.id).joined(separator: ", "))); give --from", at: nil)])
        }
        guard let format = matches.first ?? fallback else { throw unrecognised(path, syntax) }
        return (format, parsed)
    }

    /// The non-canonical formats that recognise the document.
    ///
    /// - Throws: `DiagnosticList` when the document is not well-formed in its syntax.
    public func authorityFormats(recognising bytes: [UInt8], path: String) throws(DiagnosticList) -> [any FormatPlugin] {
        try authorityFormatsParsed(recognising: bytes, path: path).formats
    }

    /// ``authorityFormats(recognising:path:)`` with the document as parsed to recognise it.
    func authorityFormatsParsed(recognising bytes: [UInt8], path: String) throws(DiagnosticList) -> (formats: [any FormatPlugin], parsed: SourceDocument?) {
        guard let syntax = SourceDocument.syntax(path: path, bytes: bytes) else { return ([], nil) }
        return try authorityFormats(recognising: bytes, path: path, syntax: syntax)
    }

    /// The authority formats that recognise the document, with the document as parsed.
    private func authorityFormats(recognising bytes: [UInt8], path: String, syntax: FormatDefinition.Syntax) throws(DiagnosticList)
        -> (formats: [any FormatPlugin], parsed: SourceDocument?)
    {
        let candidates = formats.filter { format in format.syntax == syntax && !Self.canonical.contains { $0.id == format.id } }
        guard !candidates.isEmpty else { return ([], nil) }
        let document = try SourceDocument.parse(bytes, file: path, syntax: syntax)
        return (candidates.filter { $0.recognises(document) }, document)
    }

    /// Whether an authority format written in XML might recognise a document with this root
    /// element: a mapped format names its root and namespace; any other would need the document.
    private func authorityFormat(couldHaveRoot root: (name: String, namespace: String?)) -> Bool {
        formats.contains { format in
            guard format.syntax == .xml, !Self.canonical.contains(where: { $0.id == format.id }) else { return false }
            guard let mapped = format as? MappedFormat else { return true }
            return mapped.definition.xmlRoot == root.name && mapped.definition.xmlNamespace == root.namespace
        }
    }

    /// Why no format reads a document in `syntax`, naming the formats written in it.
    private func unrecognised(_ path: String, _ syntax: FormatDefinition.Syntax) -> DiagnosticList {
        let known = formats.filter { $0.syntax == syntax }.map(\.id)
        let hint = known.isEmpty ? "no published format is written in \(syntax.rawValue)" : "\(syntax.rawValue) formats: \(known.joined(separator: ", "))"
        return DiagnosticList([.error("\(path): no format recognises this file (\(hint)); give --from", at: nil)])
    }
}
