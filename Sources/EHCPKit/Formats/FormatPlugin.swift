import EHCPSource

/// A document format ehcp can read into the canonical model and write back out.
///
/// The canonical formats and every authority's `format.yaml` (``MappedFormat``) conform; so may
/// a compiled Swift type, for a format a mapping cannot express, listed in
/// ``FormatRegistry/compiled``.
public protocol FormatPlugin: Sendable {
    /// The id used by `--from` and `--to` (`canonical-yaml`, an authority's format id…).
    var id: String { get }
    /// The syntax documents in this format are written in; nil for plain text, which is never
    /// detected.
    var syntax: FormatDefinition.Syntax? { get }
    /// File extension written by default, without the dot.
    var fileExtension: String { get }

    /// True when `document` is in this format (its root element, a marker field…). Used when the
    /// user does not say which format a file is in.
    func recognises(_ document: SourceDocument) -> Bool

    /// Reads `bytes` into an application; schema problems are findings, not errors.
    ///
    /// - Throws: `DiagnosticList` when the bytes are not well-formed in the syntax.
    func read(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> ReadResult

    /// Writes `application`, listing what the format could not hold.
    ///
    /// - Throws: `DiagnosticList` when it cannot be written at all.
    func write(_ application: Application) throws(DiagnosticList) -> (text: String, loss: LossReport)
}

extension FormatPlugin {
    public var fileExtension: String { syntax?.fileExtension ?? "txt" }

    /// Reads `bytes`, or `parsed` when the document was parsed already (to recognise its format)
    /// and this format can read a parsed document: a document is parsed once.
    func read(_ bytes: [UInt8], file: String, parsed: SourceDocument?) throws(DiagnosticList) -> ReadResult {
        if let parsed, let reader = self as? any ParsedDocumentReading { return try reader.read(parsed) }
        return try read(bytes, file: file)
    }
}

/// A format that reads a document already parsed in its syntax, as the authority formats do: a
/// document recognised by its content is then not parsed a second time to be read.
public protocol ParsedDocumentReading: FormatPlugin {
    /// Reads `document` into an application; schema problems are findings, not errors.
    func read(_ document: SourceDocument) throws(DiagnosticList) -> ReadResult
}

/// An application read from a document, with the findings of decoding it.
public struct ReadResult: Sendable {
    public var application: Application
    public var findings: [Finding]
    /// Places in the source that were not carried into the canonical model.
    public var unknownFields: [String]
}

/// What a conversion could not carry into the target format: paths and kinds, never values.
public struct LossReport: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The canonical path, list items written `[]` (`evidence[].sha256`).
        public var path: String
        /// The kind of value (text, date, code…), never the value.
        public var kind: String
        public var reason: String
    }

    public var entries: [Entry] = []

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }
}

extension LossReport.Entry {
    /// The entry for the value at the concrete `path` (`parents[1].phone`): the path with list
    /// items collapsed, and the kind of value, marked when the field is personal data.
    init(lost path: String, _ type: FieldType, _ reason: String) {
        let shown = MappedWriter.collapse(path)
        let personal = CanonicalSchema.field(at: shown.replacingOccurrences(of: "[]", with: ""))?.personal == true
        self.init(path: shown, kind: type.kindName + (personal ? ", personal data" : ""), reason: reason)
    }
}
