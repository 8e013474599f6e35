import EHCPSource

/// A document format ehcp can read into the canonical model and write back out.
public protocol FormatPlugin: Sendable {
    /// The id used by `--from` and `--to` (`canonical-yaml`, an authority's format id…).
    var id: String { get }
    /// File extension written by default, without the dot.
    var fileExtension: String { get }

    /// Reads `bytes` into an application; schema problems are findings, not errors.
    ///
    /// - Throws: a ``Diagnostic`` list when the bytes are not well-formed in the syntax.
    func read(_ bytes: [UInt8], file: String) throws -> ReadResult

    /// Writes `application`, listing what the format could not hold.
    func write(_ application: Application) throws -> (text: String, loss: LossReport)
}

/// An application read from a document, with the findings of decoding it.
public struct ReadResult: Sendable {
    public var application: Application
    public var findings: [Finding]
    /// Fields present in the source that the canonical model does not hold.
    public var unknownFields: [String]
}

/// What a conversion could not carry into the target format: paths and kinds, never values.
public struct LossReport: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var kind: String
        public var reason: String
    }

    public var entries: [Entry] = []

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }
}

/// The formats built into ehcp.
public enum FormatRegistry {
    public static let canonical: [any FormatPlugin] = [CanonicalYAMLFormat(), CanonicalJSONFormat(), CanonicalXMLFormat()]

    /// The format with `id`.
    public static func format(id: String) -> (any FormatPlugin)? {
        canonical.first { $0.id == id }
    }

    /// The format of a file, from its extension and, for ambiguous cases, its first bytes.
    public static func detect(path: String, bytes: [UInt8]) -> (any FormatPlugin)? {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return CanonicalYAMLFormat() }
        if lowered.hasSuffix(".json") { return CanonicalJSONFormat() }
        if lowered.hasSuffix(".xml") { return CanonicalXMLFormat() }
        let first = bytes.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        switch first {
        case UInt8(ascii: "<"): return CanonicalXMLFormat()
        case UInt8(ascii: "{"): return CanonicalJSONFormat()
        case nil: return nil
        default: return CanonicalYAMLFormat()
        }
    }
}
