import EHCPSource

/// Adds items to a top-level list of a YAML document by editing its text, so that everything
/// already written — comments, order, quoting, blank lines, line ends — stays as it was.
///
/// The items go after the last item of a block list (`key:` then `- …` lines), in place of an
/// empty `key: []` (whose comment is kept), under a `key:` with no value, or in a new `key:` block
/// at the end. Any other form (a list written inline with items, an anchor, a second document)
/// is refused: it cannot be edited without rewriting something the user wrote.
enum YAMLListInsertion {
    /// `text` with `items` (each a one-line YAML node) appended to the top-level list `key`.
    ///
    /// - Throws: `DiagnosticList` at the key's line when the list is in a form that is not edited.
    static func appending(_ items: [String], to key: String, in text: String, file: String) throws -> String {
        // Split by bytes: "\r\n" is one Character, so splitting the characters at "\n" would not split it.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let lineEnd = lines.first?.hasSuffix("\r") == true ? "\r" : ""
        func content(_ index: Int) -> Substring {
            let line = lines[index]
            return line.hasSuffix("\r") ? line.dropLast() : Substring(line)
        }
        func refuse(_ index: Int, _ problem: String) -> DiagnosticList {
            DiagnosticList([.error("\(problem); nothing was changed", at: SourceLocation(file: file, line: index + 1, column: 1))])
        }
        let contentLines = lines.indices.filter { !isBlankOrComment(content($0)) }
        for index in contentLines.dropFirst() where content(index) == "---" || content(index).hasPrefix("--- ") || content(index) == "..." {
            throw refuse(index, "the file holds a document marker (--- or ...) after its start; ehcp adds rows only to a file holding one document")
        }
        let keyLines = contentLines.filter { index in
            let line = content(index)
            return line.hasPrefix(key + ":")
                && (line.count == key.count + 1 || [" ", "\t"].contains(line[line.index(line.startIndex, offsetBy: key.count + 1)]))
        }
        guard let keyLine = keyLines.first else {
            // No list yet: a new block at the end.
            if lines.last == "" { lines.removeLast() }
            lines.append(key + ":" + lineEnd)
            lines += items.map { "  - " + $0 + lineEnd }
            return (lines + [""]).joined(separator: "\n")
        }
        let keyContent = content(keyLine)
        let rest = keyContent.dropFirst(key.count + 1)
        let value = rest.trimmingPrefix { $0 == " " || $0 == "\t" }
        var insertAfter = keyLine
        var dashIndent = 2
        if value.hasPrefix("[]") && isBlankOrComment(value.dropFirst(2)) {
            // `key: []` becomes `key:`, its comment kept where it was.
            let comment = value.dropFirst(2)
            let kept = key + ":" + (comment.isEmpty ? "" : String(rest.prefix(rest.count - value.count)) + "  " + comment)
            lines[keyLine] = kept + (lines[keyLine].hasSuffix("\r") ? "\r" : "")
        } else if isBlankOrComment(value) {
            if let next = contentLines.first(where: { $0 > keyLine }), indent(content(next)) > 0 || isDash(content(next)) {
                guard isDash(content(next).dropFirst(indent(content(next)))) else {
                    throw refuse(keyLine, "\(key) holds fields rather than a list of items")
                }
                dashIndent = indent(content(next))
                insertAfter = next
                for index in contentLines where index > next {
                    let line = content(index)
                    let depth = indent(line)
                    guard depth > dashIndent || (depth == dashIndent && isDash(line.dropFirst(depth))) else { break }
                    insertAfter = index
                }
            }
        } else {
            throw refuse(keyLine, "\(key) is not written as a list of items one a line ('- ' lines) nor as []; write it so and run again")
        }
        var added = items.map { String(repeating: " ", count: dashIndent) + "- " + $0 + lineEnd }
        if insertAfter == lines.count - 1 {
            // The last line had no line break: give it one, and end the file with one.
            lines[insertAfter] += lineEnd
            added.append("")
        }
        lines.insert(contentsOf: added, at: insertAfter + 1)
        return lines.joined(separator: "\n")
    }

    private static func isBlankOrComment(_ line: Substring) -> Bool {
        let trimmed = line.trimmingPrefix { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    private static func indent(_ line: Substring) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// A block list item: `-` then a space or nothing.
    private static func isDash(_ line: Substring) -> Bool {
        line == "-" || line.hasPrefix("- ") || line.hasPrefix("-\t")
    }
}
