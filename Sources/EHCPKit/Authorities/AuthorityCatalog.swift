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

    /// Parses the CSV (header `code,name,slug,region`; names may be quoted), byte by byte: every
    /// run that checks a bundle reads it.
    public init(csv: String) {
        entries = AuthorityCatalog.lines(csv).dropFirst().compactMap { line in
            let fields = AuthorityCatalog.fields(line)
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

    /// The non-empty lines of `text`, split at any line break Unicode knows (`Character.isNewline`).
    static func lines(_ text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let breakLength: Int
            switch bytes[index] {
            case 0x0A, 0x0B, 0x0C, 0x0D: breakLength = 1
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: breakLength = 2
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9): breakLength = 3
            default: breakLength = 0
            }
            if breakLength == 0 {
                index += 1
                continue
            }
            if index > start { lines.append(bytes[start..<index]) }
            index += breakLength
            start = index
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// The fields of one CSV line (RFC 4180 quoting).
    static func fields(_ line: ArraySlice<UInt8>) -> [String] {
        var fields: [String] = []
        var current: [UInt8] = []
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < line.endIndex {
                        let next = line[index]
                        index += 1
                        if next == UInt8(ascii: "\"") {
                            current.append(next)
                        } else {
                            quoted = false
                            if next == UInt8(ascii: ",") {
                                fields.append(String(decoding: current, as: UTF8.self))
                                current = []
                            } else {
                                current.append(next)
                            }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                fields.append(String(decoding: current, as: UTF8.self))
                current = []
            } else {
                current.append(byte)
            }
        }
        fields.append(String(decoding: current, as: UTF8.self))
        return fields
    }
}
