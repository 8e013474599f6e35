/// Every English local authority, from `LocalAuthorities/authorities.csv` (carried in the binary).
public struct AuthorityCatalog: Sendable {
    /// One row of the authority list.
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var name: String
        public var slug: String
        public var region: String
    }

    public let entries: [Entry]
    /// Every authority's code, found once: each bundle's identifiers are checked against them.
    public let codes: Set<String>

    /// The list carried in the binary.
    public static let builtIn = AuthorityCatalog(csv: EmbeddedResources.authoritiesCSV)

    /// Parses the CSV (header `code,name,slug,region`; names may be quoted).
    public init(csv: String) {
        entries = csv.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let fields = AuthorityCatalog.fields(String(line))
            guard fields.count == 4 else { return nil }
            return Entry(code: fields[0], name: fields[1], slug: fields[2], region: fields[3])
        }
        codes = Set(entries.map(\.code))
    }

    /// The authority with this code or slug.
    public func authority(_ codeOrSlug: String) -> Entry? {
        let slug = codeOrSlug.lowercased()
        return entries.first { $0.code == codeOrSlug || $0.slug == slug }
    }

    /// The fields of one CSV line (RFC 4180 quoting).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else {
                            quoted = false
                            if next == "," { fields.append(current); current = "" } else { current.append(next) }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
