/// A ``SourceNode`` tree written as compact text and read back exactly, places and styles
/// included: how the build carries the published authority files already parsed, so that a run
/// reads a rule set without parsing its YAML again.
///
/// Each node is a kind letter, its line and column and its tag, then its content; every text is
/// written as its length in UTF-8 bytes, a colon and the bytes. The file of every place is given
/// when the tree is read back.
public enum CompactSourceNode {
    /// `node` as compact text.
    public static func encode(_ node: SourceNode) -> String {
        var out: [UInt8] = []
        write(node, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The tree `encode` wrote, its places in `file`; nil when `text` is not such a tree.
    public static func decode(_ text: String, file: String) -> SourceNode? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, file: file)
            guard let node = reader.node(), reader.offset == bytes.count else { return nil }
            return node
        }
    }

    private static let styles: [(Scalar.Style, UInt8)] = [
        (.plain, UInt8(ascii: "p")), (.singleQuoted, UInt8(ascii: "s")), (.doubleQuoted, UInt8(ascii: "d")),
        (.literal, UInt8(ascii: "l")), (.folded, UInt8(ascii: "f")), (.text, UInt8(ascii: "t"))
    ]

    private static func write(_ node: SourceNode, into out: inout [UInt8]) {
        switch node.content {
        case .scalar(let scalar):
            out.append(UInt8(ascii: "S"))
            out.append(styles.first { $0.0 == scalar.style }!.1)
            write(node.location, tag: node.tag, into: &out)
            write(scalar.value, into: &out)
        case .mapping(let entries):
            out.append(UInt8(ascii: "M"))
            write(node.location, tag: node.tag, into: &out)
            write(entries.count, into: &out)
            for entry in entries {
                write(entry.key, into: &out)
                write(entry.keyLocation, tag: nil, into: &out)
                write(entry.value, into: &out)
            }
        case .sequence(let items):
            out.append(UInt8(ascii: "L"))
            write(node.location, tag: node.tag, into: &out)
            write(items.count, into: &out)
            for item in items { write(item, into: &out) }
        }
    }

    private static func write(_ location: SourceLocation, tag: String?, into out: inout [UInt8]) {
        write(location.line, into: &out)
        if let column = location.column { write(column, into: &out) } else { out.append(UInt8(ascii: "-")) }
        if let tag { write(tag, into: &out) } else { out.append(UInt8(ascii: "-")) }
    }

    private static func write(_ number: Int, into out: inout [UInt8]) {
        out.append(contentsOf: String(number).utf8)
        out.append(UInt8(ascii: " "))
    }

    private static func write(_ text: String, into out: inout [UInt8]) {
        out.append(contentsOf: String(text.utf8.count).utf8)
        out.append(UInt8(ascii: ":"))
        out.append(contentsOf: text.utf8)
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var offset = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
        }

        mutating func node() -> SourceNode? {
            guard let kind = byte() else { return nil }
            switch kind {
            case UInt8(ascii: "S"):
                guard let code = byte(), let style = CompactSourceNode.styles.first(where: { $0.1 == code })?.0,
                    let at = self.place(), let value = text()
                else { return nil }
                return SourceNode(.scalar(Scalar(value, style: style)), location: at.location, tag: at.tag)
            case UInt8(ascii: "M"):
                guard let at = self.place(), let count = number() else { return nil }
                var entries: [SourceNode.Entry] = []
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = text(), let keyPlace = self.place(), let value = node() else { return nil }
                    entries.append(SourceNode.Entry(key: key, keyLocation: keyPlace.location, value: value))
                }
                return SourceNode(.mapping(entries), location: at.location, tag: at.tag)
            case UInt8(ascii: "L"):
                guard let at = self.place(), let count = number() else { return nil }
                var items: [SourceNode] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    guard let item = node() else { return nil }
                    items.append(item)
                }
                return SourceNode(.sequence(items), location: at.location, tag: at.tag)
            default:
                return nil
            }
        }

        private mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            offset += 1
            return bytes[offset - 1]
        }

        /// A location and a tag; a missing column or tag is written `-`.
        private mutating func place() -> (location: SourceLocation, tag: String?)? {
            guard let line = number() else { return nil }
            var column: Int?
            if !skipDash() {
                guard let value = number() else { return nil }
                column = value
            }
            var tag: String?
            if !skipDash() {
                guard let value = text() else { return nil }
                tag = value
            }
            return (SourceLocation(file: file, line: line, column: column), tag)
        }

        private mutating func skipDash() -> Bool {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "-") else { return false }
            offset += 1
            return true
        }

        /// Decimal digits ended by `terminator` (a space after a number, a colon before a text).
        private mutating func number(terminator: UInt8 = UInt8(ascii: " ")) -> Int? {
            var value = 0
            var digits = 0
            while offset < bytes.count, bytes[offset] != terminator {
                let digit = Int(bytes[offset]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit), digits < 18 else { return nil }
                value = value * 10 + digit
                digits += 1
                offset += 1
            }
            guard digits > 0, offset < bytes.count else { return nil }
            offset += 1
            return value
        }

        private mutating func text() -> String? {
            guard let count = number(terminator: UInt8(ascii: ":")), count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        }
    }
}
