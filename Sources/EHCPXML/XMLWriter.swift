/// Writes an ``XMLTree/Element`` as indented XML text with a declaration.
///
/// Text and attribute values are escaped; characters XML 1.0 cannot hold (most control
/// characters, see ``canHold(_:)``) are written as nothing rather than produce a document no
/// reader accepts: callers that must not lose them check first (conversion reports them).
public enum XMLWriter {
    public static func write(_ root: XMLTree.Element) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(root, indent: 0, parentNamespace: nil, into: &out)
        return out
    }

    private static func write(_ element: XMLTree.Element, indent: Int, parentNamespace: String?, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        out += pad + "<" + element.name
        if let namespace = element.namespace, namespace != parentNamespace {
            out += " xmlns=\"" + escape(namespace, attribute: true) + "\""
        }
        for attribute in element.attributes {
            out += " " + attribute.name + "=\"" + escape(attribute.value, attribute: true) + "\""
        }
        if element.children.isEmpty {
            if element.text.isEmpty {
                out += "/>\n"
            } else {
                out += ">" + escape(element.text, attribute: false) + "</" + element.name + ">\n"
            }
            return
        }
        out += ">\n"
        for child in element.children {
            write(child, indent: indent + 1, parentNamespace: element.namespace, into: &out)
        }
        out += pad + "</" + element.name + ">\n"
    }

    /// True when XML 1.0 can hold `scalar` (as itself or a character reference): not a control
    /// character other than tab, line feed and carriage return, and not U+FFFE or U+FFFF.
    public static func canHold(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 ? scalar.value != 0xFFFE && scalar.value != 0xFFFF : scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// `text` with `&`, `<`, `>` (and quotes, tabs and line breaks in attributes, which readers would otherwise turn into spaces) escaped.
    public static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if !canHold(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
