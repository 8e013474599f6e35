/// Writes an ``OutputNode`` as pretty-printed JSON (two-space indent, keys in the given order).
///
/// The text is built as UTF-8 bytes and made a `String` once: a large document (tens of thousands
/// of evidence items) is written in one pass, without a `String` for each line or value.
public enum JSONWriter {
    public static func write(_ node: OutputNode) -> String {
        var out: [UInt8] = []
        write(node, indent: 0, into: &out)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `node` as it appears nested `indent` spaces deep, without a final line break: for writing
    /// the items of a long array one at a time, byte for byte as ``write(_:)`` writes them.
    public static func write(_ node: OutputNode, indent: Int) -> String {
        var out: [UInt8] = []
        write(node, indent: indent, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ node: OutputNode, indent: Int, into out: inout [UInt8]) {
        switch node {
        case .string(let text), .date(let text):
            quote(text, into: &out)
        case .number(let text):
            out.append(contentsOf: text.utf8)
        case .boolean(let value):
            out.append(contentsOf: (value ? "true" : "false").utf8)
        case .mapping(let entries):
            if entries.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(contentsOf: "{\n".utf8)
            for (index, entry) in entries.enumerated() {
                spaces(indent + 2, into: &out)
                quote(entry.key, into: &out)
                out.append(contentsOf: ": ".utf8)
                write(entry.value, indent: indent + 2, into: &out)
                out.append(contentsOf: (index == entries.count - 1 ? "\n" : ",\n").utf8)
            }
            spaces(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        case .sequence(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                spaces(indent + 2, into: &out)
                write(item, indent: indent + 2, into: &out)
                out.append(contentsOf: (index == items.count - 1 ? "\n" : ",\n").utf8)
            }
            spaces(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        }
    }

    private static func spaces(_ count: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; all else as is.
    public static func quote(_ text: String) -> String {
        var out: [UInt8] = []
        quote(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the literal of `text`. Only ASCII bytes are ever escaped, so the UTF-8 of every
    /// other character is copied as it is.
    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: they are copied whole from their own storage.
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: needsEscape) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied != true {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
                case 0x08: out.append(contentsOf: #"\b"#.utf8)
                case 0x0C: out.append(contentsOf: #"\f"#.utf8)
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0x0F)])
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }
}
