import EHCPSource

/// An authority's `authority.yaml`: who it is, how it takes requests, and the published guidance
/// its plugin is modelled on.
public struct AuthorityMetadata: Sendable {
    /// One published source, with the date it was read and its grade.
    public typealias Source = PublishedSource

    /// What research into the authority's published practice found.
    public enum Result: String, Sendable, CaseIterable {
        /// The authority publishes requirements beyond the law: its `requirements.yaml` models them.
        case rules
        /// Its pages on requesting were found and ask for nothing a rule could check beyond the law.
        case nothingBeyondLaw = "nothing-beyond-law"
        /// Nothing usable was found; `searched` records where ehcp looked.
        case noSourceFound = "no-source-found"

        /// A short phrase for lists: "own rules", "nothing beyond the law", "no source found".
        public var phrase: String {
            switch self {
            case .rules: "own rules"
            case .nothingBeyondLaw: "nothing beyond the law"
            case .noSourceFound: "no source found"
            }
        }
    }

    /// One of the authority's own forms, as its sources name it.
    public struct Form: Sendable {
        public var name: String
        /// Who fills it in: setting, parent, young-person or any.
        public var requester: String?
        public var version: String?
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
    public var result: Result
    /// The authority's Local Offer page about requesting an assessment, when one was found.
    public var localOffer: String?
    public var forms: [Form]
    /// Where ehcp looked, for an authority with no source found.
    public var searched: [String]
    public var file: String

    /// The newest date on which one of the sources was read.
    public var newestRead: CalendarDate? { sources.compactMap(\.read).max() }

    public static let submissions = ["email", "portal", "post", "web-form", "hub", "letter", "unknown"]
    static let formRequesters = ["setting", "parent", "young-person", "any"]
    static let keys = ["code", "name", "slug", "region", "submission", "result", "localOffer", "maxFileSize", "sources", "forms", "searched", "notes"]

    /// The metadata in `bytes`, checked against the authority list.
    ///
    /// - Throws: `DiagnosticList` with every problem and its place.
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
        var metadata = AuthorityMetadata(
            code: text("code"), name: text("name"), slug: text("slug"), region: text("region"),
            submission: text("submission"), maxFileSize: nil, sources: [], result: .rules,
            localOffer: nil, forms: [], searched: [], file: file)
        if let node = fields["result"], let value = node.scalar?.value, let result = Result(rawValue: value) {
            metadata.result = result
        } else {
            let allowed = Result.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.error("'result' should record what research found: one of \(allowed)", at: fields["result"]?.location ?? root.location)
        }
        if let node = fields["localOffer"] {
            let url = node.scalar?.value ?? ""
            if url.hasPrefix("https://") || url.hasPrefix("http://") {
                metadata.localOffer = url
            } else {
                diagnostics.error("localOffer should be an http(s) address", at: node.location)
            }
        }
        for item in fields["forms"]?.items ?? [] {
            guard let form = diagnostics.mapping(item, allowed: ["name", "requester", "version", "note"], what: "a form") else { continue }
            guard let name = form["name"]?.scalar?.value, !name.isEmpty else {
                diagnostics.error("a form needs a 'name'", at: item.location)
                continue
            }
            let requester = form["requester"]?.scalar?.value
            if let requester, !formRequesters.contains(requester) {
                diagnostics.error("a form's requester should be one of: \(formRequesters.joined(separator: ", "))", at: form["requester"]!.location)
            }
            metadata.forms.append(Form(name: name, requester: requester, version: form["version"]?.scalar?.value, note: form["note"]?.scalar?.value))
        }
        metadata.searched = (fields["searched"]?.items ?? []).compactMap { $0.scalar?.value }
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
            if let source = diagnostics.publishedSource(item, requireRead: true) { metadata.sources.append(source) }
        }
        if metadata.sources.isEmpty, metadata.result != .noSourceFound {
            diagnostics.error("'sources' should list the published guidance this plugin is modelled on", at: fields["sources"]?.location ?? root.location)
        }
        if metadata.result == .noSourceFound, metadata.searched.isEmpty {
            diagnostics.error("with result no-source-found, 'searched' should list where ehcp looked", at: fields["searched"]?.location ?? root.location)
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
