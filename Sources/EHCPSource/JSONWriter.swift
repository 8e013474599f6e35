/// Writes an ``OutputNode`` as pretty-printed JSON (two-space indent, keys in the given order).
public enum JSONWriter {
    public static func write(_ node: OutputNode) -> String {
        var out = ""
        write(node, indent: 0, into: &out)
        out += "\n"
        return out
    }

    /// `node` as it appears nested `indent` spaces deep, without a final line break: for writing
    /// the items of a long array one at a time, byte for byte as ``write(_:)`` writes them.
    public static func write(_ node: OutputNode, indent: Int) -> String {
        var out = ""
        write(node, indent: indent, into: &out)
        return out
    }

    private static func write(_ node: OutputNode, indent: Int, into out: inout String) {
        switch node {
        case .string(let text), .date(let text):
            out += quote(text)
        case .number(let text):
            out += text
        case .boolean(let value):
            out += value ? "true" : "false"
        case .mapping(let entries):
            if entries.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, entry) in entries.enumerated() {
                out += String(repeating: " ", count: indent + 2) + quote(entry.key) + ": "
                write(entry.value, indent: indent + 2, into: &out)
                out += index == entries.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case .sequence(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                write(item, indent: indent + 2, into: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; all else as is.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
