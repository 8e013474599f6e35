import EHCPSource

/// libyaml's problems (YAML and JSON alike) in plain words, each with how to put it right.
///
/// libyaml describes what its scanner met ("mapping values are not allowed in this context"); a
/// SENCO editing a form needs to know what to change. The explanation looks at the layout of the
/// lines around the problem (how far each is indented, whether a character is a tab or a quote)
/// but never repeats their text, which may be a child's personal data.
struct YAMLSyntaxHelp {
    /// libyaml's problem, such as "mapping values are not allowed in this context".
    var problem: String
    /// libyaml's context, such as "while scanning a quoted scalar", when it gives one.
    var context: String?
    /// Where the problem was found (1-based).
    var line: Int, column: Int
    /// Where the construct libyaml was reading began (1-based), when it gives one.
    var contextLine: Int?, contextColumn: Int?
    /// The document's lines, without their line breaks.
    var lines: [Substring]

    /// The lines of `input`, without their line breaks.
    static func lines(of input: some Collection<UInt8>) -> [Substring] {
        String(decoding: input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.last == "\r" ? $0.dropLast() : $0 }
    }

    /// The plain explanation, followed by libyaml's own words in brackets for whoever maintains the file.
    var message: String {
        let original = [problem, context].compactMap { $0 }.joined(separator: " ")
        return "\(explanation) (YAML parser: \(original))"
    }

    private var opened: String {
        contextLine.map { "at line \($0), column \(contextColumn ?? 1)" } ?? "earlier"
    }

    private var explanation: String {
        if character(line, column) == "\t" || problem.contains("tab character") { return Self.tab }
        switch problem {
        case "mapping values are not allowed in this context":
            return indentedMoreThanAbove
                ? "This line is indented more than the one above. Line it up with the field above it; if it continues the text above, put all of that text in quotes."
                : "Text containing ': ' (a colon and a space) must be in quotes. Put the whole value in double quotes, like this: notes: \"Term 1: reading\"."
        case "block sequence entries are not allowed in this context":
            return
                "A list item ('- ') cannot start on the same line as its field. Start the list on the next line, indented under the field; if the text itself begins with '- ', put it in quotes."
        case "found unexpected end of stream" where context?.contains("quoted scalar") == true:
            return
                "The quote opened \(opened) is never closed. Add the closing quote at the end of the value (inside double quotes write a quote as \\\", inside single quotes as two single quotes '')."
        case "found unknown escape character":
            return "A backslash (\\) inside double quotes must start an escape such as \\n. Write \\\\ for a backslash, or use single quotes around the text."
        case "could not find expected ':'":
            return "This line has no ':' after its field name. Write it as field: value; if it continues the text of the line above, put that text in quotes."
        case "did not find expected key", "did not find expected '-' indicator":
            let start = contextColumn.map { ", which start in column \($0)" } ?? ""
            return
                "This line is not lined up with the lines above it in the same section\(start). Indent it with spaces to the same column as the field or list item it sits beside."
        case "did not find expected node content":
            return "A value is missing here, for example after a ',' or a '- '. Write the value, or remove the separator."
        case "found character that cannot start any token":
            let found = character(line, column).flatMap { "@`%".contains($0) ? "'\($0)'" : nil } ?? "this character"
            return "Text starting with \(found) must be in quotes. Put the whole value in double quotes."
        case "did not find expected <document start>":
            return "There is more here after the end of the document. Remove it, or check that the brackets and fields above are complete."
        case "found unexpected ':'":
            return "Text containing ':' inside [ ] or { } must be in quotes."
        case "did not find expected comment or line break":
            return "After '|' or '>' the text must start on the next line, indented."
        case "control characters are not allowed":
            return "The file holds an invisible control character, often pasted from another program. Retype the text around here."
        case "invalid leading UTF-8 octet", "invalid trailing UTF-8 octet", "incomplete UTF-8 octet sequence", "invalid Unicode character":
            return "The file is not saved as UTF-8 text. Save it again choosing the UTF-8 encoding."
        default:
            break
        }
        if problem.hasPrefix("did not find expected ',' or") {
            let bracket = context?.contains("mapping") == true ? "'{' is not closed with '}'" : "'[' is not closed with ']'"
            return "The \(bracket): it was opened \(opened). Close it, and separate its items with commas."
        }
        if context?.contains("anchor") == true || context?.contains("alias") == true {
            return "Text starting with '&' or '*' must be in quotes. Put the whole value in double quotes."
        }
        if context?.contains("tag") == true {
            return "Text starting with '!' must be in quotes. Put the whole value in double quotes."
        }
        return "The file is not valid YAML or JSON here. Check the quotes, colons and indentation on this line and the one above."
    }

    static let tab = "A tab is used for indentation; YAML needs spaces. Replace the tab at the start of this line with spaces."

    /// The problem line starts further right than the nearest line above that holds something,
    /// and that line does not open a section (it does not end with ':').
    private var indentedMoreThanAbove: Bool {
        guard let current = text(line) else { return false }
        var above = line - 1
        while let previous = text(above) {
            let content = previous.drop { $0 == " " }
            if content.isEmpty || content.first == "#" {
                above -= 1
                continue
            }
            return Self.indentation(current) > Self.indentation(previous) && content.last != ":"
        }
        return false
    }

    private func text(_ number: Int) -> Substring? {
        lines.indices.contains(number - 1) ? lines[number - 1] : nil
    }

    /// The character at a 1-based column (libyaml counts characters, not bytes).
    private func character(_ line: Int, _ column: Int) -> Character? {
        guard let text = text(line) else { return nil }
        let scalars = text.unicodeScalars
        guard column >= 1, column <= scalars.count else { return nil }
        return Character(scalars[scalars.index(scalars.startIndex, offsetBy: column - 1)])
    }

    private static func indentation(_ line: Substring) -> Int {
        line.prefix { $0 == " " }.count
    }
}
