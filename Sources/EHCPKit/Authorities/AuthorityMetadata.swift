import EHCPSource

/// An authority's `authority.yaml`: who it is, how it takes requests, and the published guidance
/// its plugin is modelled on.
public struct AuthorityMetadata: Sendable {
    /// One published source, with the date it was read.
    public struct Source: Sendable {
        public var url: String
        public var read: CalendarDate
        public var title: String?
        /// What the source supports, and anything uncertain about it.
        public var note: String?
    }

    public var code: String
    public var name: String
    public var slug: String
    public var region: String
    /// How requests are sent: email, portal, post, web-form, hub, letter, or unknown.
    public var submission: String
    /// The largest evidence file the authority accepts, in bytes, when it sets one.
    public var maxFileSize: UInt64?
    public var sources: [Source]
    public var file: String

    public static let submissions = ["email", "portal", "post", "web-form", "hub", "letter", "unknown"]
    static let keys = ["code", "name", "slug", "region", "submission", "maxFileSize", "sources", "forms", "notes"]

    /// The metadata in `bytes`, checked against the authority list.
    ///
    /// - Throws: ``DiagnosticList`` with every problem and its place.
    public static func load(_ bytes: [UInt8], file: String, authorities: AuthorityCatalog = .builtIn) throws -> AuthorityMetadata {
        let root = try ConfigFile.root(bytes, file: file)
        var diagnostics = DiagnosticCollector()
        guard let fields = diagnostics.mapping(root, allowed: keys, what: "authority.yaml") else { throw DiagnosticList(diagnostics.diagnostics) }
        func text(_ key: String) -> String {
            guard let value = fields[key]?.scalar?.value, !value.isEmpty else {
                diagnostics.error("'\(key)' is required and should be a single value", at: fields[key]?.location ?? root.location)
                return ""
            }
            return value
        }
        var metadata = AuthorityMetadata(code: text("code"), name: text("name"), slug: text("slug"), region: text("region"),
                                         submission: text("submission"), maxFileSize: nil, sources: [], file: file)
        if let entry = authorities.authority(metadata.code) {
            for (key, listed) in [("name", entry.name), ("slug", entry.slug), ("region", entry.region)] {
                let given = key == "name" ? metadata.name : key == "slug" ? metadata.slug : metadata.region
                if given != listed { diagnostics.error("\(key) '\(given)' differs from the authority list, which has '\(listed)'", at: fields[key]?.location) }
            }
        } else if !metadata.code.isEmpty {
            diagnostics.error("code '\(metadata.code)' is not the code of an English local authority", at: fields["code"]?.location)
        }
        if !metadata.submission.isEmpty, !submissions.contains(metadata.submission) {
            diagnostics.error("submission '\(metadata.submission)' is not one of: \(submissions.joined(separator: ", "))", at: fields["submission"]?.location)
        }
        if let node = fields["maxFileSize"] {
            switch node.scalar.map({ byteCount($0.value) }) {
            case .some(.bytes(let bytes)): metadata.maxFileSize = bytes
            case .some(.tooLarge):
                diagnostics.error("maxFileSize is larger than the \(maxFileSizeLimit >> 30) GB ehcp accepts; give a size such as 10 MB", at: node.location)
            case .some(.malformed), nil:
                diagnostics.error("maxFileSize should be a size such as 10 MB, 500 KB or a number of bytes", at: node.location)
            }
        }
        for item in fields["sources"]?.items ?? [] {
            guard let source = diagnostics.mapping(item, allowed: ["url", "read", "title", "note"], what: "a source") else { continue }
            guard let url = source["url"]?.scalar?.value, url.hasPrefix("http://") || url.hasPrefix("https://") else {
                diagnostics.error("a source needs 'url', an http(s) address", at: item.location)
                continue
            }
            guard let read = source["read"]?.scalar.flatMap({ CalendarDate(iso: $0.value) }) else {
                diagnostics.error("a source needs 'read', the date it was read (YYYY-MM-DD)", at: source["read"]?.location ?? item.location)
                continue
            }
            metadata.sources.append(Source(url: url, read: read, title: source["title"]?.scalar?.value, note: source["note"]?.scalar?.value))
        }
        if metadata.sources.isEmpty {
            diagnostics.error("'sources' should list the published guidance this plugin is modelled on", at: fields["sources"]?.location ?? root.location)
        }
        if diagnostics.hasErrors { throw DiagnosticList(diagnostics.diagnostics) }
        return metadata
    }

    /// Every problem in the file, or an empty list.
    public static func lint(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        ConfigFile.lint(file: file) { _ = try load(bytes, file: file) }
    }

    /// The largest `maxFileSize` accepted: 1,024 GB, far above any authority's limit, and small
    /// enough that sizes and their arithmetic never overflow.
    static let maxFileSizeLimit: UInt64 = 1 << 40

    /// A `maxFileSize` value read: a byte count, or why it is refused.
    enum ByteCount: Equatable {
        case bytes(UInt64)
        case tooLarge
        case malformed
    }

    /// Bytes in `10 MB`, `512 KB`, `2 GB` (powers of 1,024) or a plain number, from 1 byte to
    /// ``maxFileSizeLimit``; infinity, NaN, zero and negative sizes are malformed.
    static func byteCount(_ text: String) -> ByteCount {
        let parts = text.split(separator: " ")
        let units: [String: UInt64] = ["B": 1, "KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30]
        let bytes: Double
        switch parts.count {
        case 1 where parts[0].allSatisfy(\.isASCII) && parts[0].allSatisfy(\.isNumber):
            bytes = Double(parts[0]) ?? .infinity
        case 2:
            guard let number = Double(parts[0]), number.isFinite, let unit = units[parts[1].uppercased()] else { return .malformed }
            bytes = number * Double(unit)
        default: return .malformed
        }
        // Compared as a Double, so no size, however written, overflows on its way to UInt64.
        guard bytes >= 1 else { return .malformed }
        guard bytes <= Double(maxFileSizeLimit) else { return .tooLarge }
        return .bytes(UInt64(bytes))
    }
}
