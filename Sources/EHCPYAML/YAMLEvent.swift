import EHCPSource

/// One event of a YAML parse, copied out of libyaml into Swift values.
public struct YAMLEvent: Sendable, Equatable {
    /// What happened, with the event's data.
    public enum Kind: Sendable, Equatable {
        case streamStart
        case streamEnd
        case documentStart(explicit: Bool)
        case documentEnd(explicit: Bool)
        case mappingStart(anchor: String?, tag: String?, flow: Bool)
        case mappingEnd
        case sequenceStart(anchor: String?, tag: String?, flow: Bool)
        case sequenceEnd
        case scalar(Scalar, anchor: String?, tag: String?)
        case alias(String)
    }

    public var kind: Kind
    /// 1-based line of the event's start.
    public var line: Int
    /// 1-based column (in characters) of the event's start.
    public var column: Int

    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

extension YAMLEvent {
    /// The event in the YAML test suite's `test.event` notation (`+MAP {}`, `=VAL :text`, …).
    public var testSuiteNotation: String {
        func props(_ anchor: String?, _ tag: String?) -> String {
            var text = ""
            if let anchor { text += " &\(anchor)" }
            if let tag { text += " <\(tag)>" }
            return text
        }
        switch kind {
        case .streamStart: return "+STR"
        case .streamEnd: return "-STR"
        case .documentStart(let explicit): return explicit ? "+DOC ---" : "+DOC"
        case .documentEnd(let explicit): return explicit ? "-DOC ..." : "-DOC"
        case .mappingStart(let anchor, let tag, let flow):
            return "+MAP" + (flow ? " {}" : "") + props(anchor, tag)
        case .mappingEnd: return "-MAP"
        case .sequenceStart(let anchor, let tag, let flow):
            return "+SEQ" + (flow ? " []" : "") + props(anchor, tag)
        case .sequenceEnd: return "-SEQ"
        case .alias(let name): return "=ALI *\(name)"
        case .scalar(let scalar, let anchor, let tag):
            let indicator: String
            switch scalar.style {
            case .plain, .text: indicator = ":"
            case .singleQuoted: indicator = "'"
            case .doubleQuoted: indicator = "\""
            case .literal: indicator = "|"
            case .folded: indicator = ">"
            }
            return "=VAL" + props(anchor, tag) + " " + indicator + Self.escape(scalar.value)
        }
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
