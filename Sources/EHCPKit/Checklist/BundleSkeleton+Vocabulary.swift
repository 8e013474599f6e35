extension BundleSkeleton {
    /// `yaml` with every coded field's vocabulary as a comment beside it, generated from
    /// ``CanonicalSchema`` and ``Vocabulary`` so that the skeleton never lists codes of its own:
    /// a coded field gets "one of: …" on its line, and an empty list (`professionals: []`) gets
    /// comment lines naming the codes its items' fields accept, and the units of attainment.
    static func withVocabularies(_ yaml: String) -> String {
        var out: [String] = []
        var parents: [(indent: Int, name: String)] = []
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard let (indent, name, rest) = entry(line) else {
                out.append(line)
                continue
            }
            while let last = parents.last, last.indent >= indent { parents.removeLast() }
            let path = (parents.map(\.name) + [name]).joined(separator: ".")
            parents.append((indent, name))
            guard let field = CanonicalSchema.field(at: path) else {
                out.append(line)
                continue
            }
            if case .code(let vocabulary) = field.type {
                out.append(contentsOf: commented(line, vocabulary: vocabulary))
            } else if field.type.isList, rest.hasPrefix("[]") {
                out.append(line)
                let pad = String(repeating: " ", count: indent) + "#   "
                for (name, vocabulary) in codedFields(field.type.children ?? []) {
                    if let lines = labelLines(vocabulary, prefix: pad + "  ") {
                        out.append("\(pad)\(name), one of:")
                        out.append(contentsOf: lines)
                    } else {
                        out.append(
                            contentsOf: wrapped("\(name): one of \(inline(vocabulary))", prefix: pad, indent: pad + "  ")
                                .split(separator: "\n").map(String.init))
                    }
                }
                if path == "attainment" { out.append(contentsOf: attainmentUnits(pad: pad)) }
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    /// The coded fields among `fields` and the objects they hold, by relative path (`author.role`).
    private static func codedFields(_ fields: [Field], prefix: String = "") -> [(String, Vocabulary)] {
        fields.flatMap { field -> [(String, Vocabulary)] in
            if case .code(let vocabulary) = field.type { return [(prefix + field.name, vocabulary)] }
            if case .object(let children) = field.type { return codedFields(children, prefix: prefix + field.name + ".") }
            return []
        }
    }

    /// A field line `  key: value  # comment` as its indentation (a list item's `- ` counted), key and what follows.
    private static func entry(_ line: String) -> (indent: Int, name: String, rest: Substring)? {
        var text = Substring(line)
        var indent = text.prefix { $0 == " " }.count
        text = text.dropFirst(indent)
        if text.hasPrefix("- ") {
            text = text.dropFirst(2)
            indent += 2
        }
        guard let colon = text.firstIndex(of: ":"), !text.hasPrefix("#") else { return nil }
        let name = text[..<colon]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return (indent, String(name), text[text.index(after: colon)...].drop { $0 == " " })
    }

    /// The field line with "one of:" as its comment (kept after any comment it had), then each code
    /// with its plain label on a comment line of its own; a list whose codes are mostly their own
    /// labels (year groups) is given on the field's line instead, continued below when long.
    private static func commented(_ line: String, vocabulary: Vocabulary) -> [String] {
        let (field, comment) =
            line.firstRange(of: " #").map { (String(line[..<$0.lowerBound]), String(line[$0.upperBound...]).trimmingTrailingSpaces()) }
            ?? (line.trimmingTrailingSpaces(), "")
        let column = max(field.count + 2, 32)
        let start = field + String(repeating: " ", count: column - field.count) + "# "
        let kept = comment.isEmpty ? "" : comment.trimmedOf(" ") + "; "
        let pad = String(repeating: " ", count: column) + "#   "
        if let lines = labelLines(vocabulary, prefix: pad) {
            return [start + kept + "one of:"] + lines
        }
        return wrapped(kept + "one of: " + inline(vocabulary), prefix: start, indent: pad).split(separator: "\n").map(String.init)
    }

    /// One comment line per code, `CODE  plain label`, aligned; nil when some code has no label.
    private static func labelLines(_ vocabulary: Vocabulary, prefix: String) -> [String]? {
        let labelled = vocabulary.labelled
        guard labelled.allSatisfy({ $0.label != nil }) else { return nil }
        let width = labelled.map(\.code.count).max() ?? 0
        return labelled.map { prefix + $0.code + String(repeating: " ", count: width - $0.code.count) + "  " + ($0.label ?? "") }
    }

    /// The codes on one line, each labelled one with its label: "N1 (nursery, first year) | … | 14".
    private static func inline(_ vocabulary: Vocabulary) -> String {
        vocabulary.labelled.map { code, label in label.map { "\(code) (\($0))" } ?? code }.joined(separator: " | ")
    }

    /// What an attainment record's numbers mean: the measure names its unit.
    private static func attainmentUnits(pad: String) -> [String] {
        [
            "\(pad)measure: what value counts, with its unit, for example: reading age (months), spelling age (months),",
            "\(pad)  standardised score (100 is average), scaled score (80 to 120), percentile (1 to 99), P scale or",
            "\(pad)  pre-key stage standard (step number), words per minute, or a developmental age in months",
            "\(pad)value and expected: numbers in that unit; expected is what is typical at the child's age on that date"
        ]
    }
}

extension String {
    fileprivate func trimmedOf(_ characters: String) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
