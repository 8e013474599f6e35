extension ChecklistWording {
    /// What is wrong with a rule's written `checklist:` wording, or nil when it is plain text: one
    /// line, no markup, and no field path (`child.dateOfBirth`, `dateOfBirth`, `evidence[0]`), field
    /// key (`type:`) or hyphenated code (`consent-form`) a reader would have to know the schema for.
    ///
    /// Every rule set is checked with it as it is loaded, so it matches by hand, character by
    /// character, rather than with regular expressions compiled on every call.
    static func problem(inWritten text: String) -> String? {
        if text.unicodeScalars.allSatisfy(isWhitespace) { return "is empty" }
        if text.utf8.contains(UInt8(ascii: "\n")) { return "is more than one line" }
        if text.utf8.contains(where: { "`<>*_#".utf8.contains($0) }), let mark = text.first(where: { "`<>*_#".contains($0) }) {
            return "holds the markup character '\(mark)'"
        }
        if let index = listPosition(in: text) { return "names a list position ('\(index)…')" }
        for raw in words(text) {
            let token = trimmingPunctuation(raw)
            let word = token.hasSuffix(".") ? String(token.dropLast()) : token
            if isFieldPath(word) { return "names the field path '\(word)'" }
            if isFieldName(word) { return "names the field '\(word)'" }
            if word.hasSuffix(":"), word.dropLast().allSatisfy(\.isLowercase), fieldNames.contains(String(word.dropLast())) {
                return "names the field '\(word.dropLast())' as a key"
            }
            if word.utf8.contains(UInt8(ascii: "-")), hyphenatedCodes.contains(word) { return "names the code '\(word)'" }
        }
        return nil
    }

    /// The parts of `text` between spaces. In ASCII text (with no line break) each byte is a
    /// character, so the bytes are split; other text is split character by character.
    private static func words(_ text: String) -> [Substring] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(whereSeparator: { $0 == " " }) }
        return text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
    }

    /// A space or tab, as Foundation's `CharacterSet.whitespaces` has it.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// `word` without the brackets, commas, quotes and other punctuation around it.
    private static func trimmingPunctuation(_ word: Substring) -> String {
        let scalars = word.unicodeScalars
        let punctuation: (Unicode.Scalar) -> Bool = { "()[],;!?'\"“”‘’".unicodeScalars.contains($0) }
        guard let first = scalars.firstIndex(where: { !punctuation($0) }), let last = scalars.lastIndex(where: { !punctuation($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }

    /// The first list position in `text` (`evidence[0]` gives `e[0]`): an ASCII letter, `[`, digits, `]`.
    static func listPosition(in text: String) -> Substring? {
        guard text.utf8.contains(UInt8(ascii: "[")) else { return nil }
        var index = text.startIndex
        while index < text.endIndex {
            defer { index = text.index(after: index) }
            guard Self.isLetter(text[index]) else { continue }
            var end = text.index(after: index)
            guard end < text.endIndex, text[end] == "[" else { continue }
            end = text.index(after: end)
            let digits = end
            while end < text.endIndex, Self.isDigit(text[end]) { end = text.index(after: end) }
            guard end > digits, end < text.endIndex, text[end] == "]" else { continue }
            return text[index...end]
        }
        return nil
    }

    /// A dotted field path: a lowercase letter, one or more letters or digits, then one or more
    /// parts of a dot, a letter and one or more letters or digits (`child.dateOfBirth`).
    static func isFieldPath(_ word: String) -> Bool {
        guard word.utf8.contains(UInt8(ascii: ".")) else { return false }
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.enumerated().allSatisfy { index, part in
            guard let first = part.first, part.count >= 2, index == 0 ? isLowercaseLetter(first) : isLetter(first) else { return false }
            return part.dropFirst().allSatisfy { isLetter($0) || isDigit($0) }
        }
    }

    /// A field name in camel case, perhaps written as a key: lowercase letters, a capital, then
    /// letters or digits, and perhaps a colon (`dateOfBirth`, `ncYear:`).
    static func isFieldName(_ word: String) -> Bool {
        guard word.utf8.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else { return false }
        let name = word.hasSuffix(":") ? word.dropLast() : Substring(word)
        guard let capital = name.firstIndex(where: { !isLowercaseLetter($0) }), capital > name.startIndex,
            isUppercaseLetter(name[capital])
        else { return false }
        return name[name.index(after: capital)...].allSatisfy { isLetter($0) || isDigit($0) }
    }

    private static func isLowercaseLetter(_ character: Character) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(ascii(character)) }
    private static func isUppercaseLetter(_ character: Character) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(ascii(character)) }
    private static func isLetter(_ character: Character) -> Bool { isLowercaseLetter(character) || isUppercaseLetter(character) }
    private static func isDigit(_ character: Character) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii(character)) }

    /// The character's ASCII code when it is one ASCII scalar, else 0.
    private static func ascii(_ character: Character) -> UInt8 {
        character.unicodeScalars.count == 1 ? character.asciiValue ?? 0 : 0
    }

    /// The evidence types and professional roles with a hyphen, which wording must not name.
    private static let hyphenatedCodes = Set((Vocabulary.evidenceType.codes + Vocabulary.professionalRole.codes).filter { $0.contains("-") })

    /// The name of every field of the schema, at any depth.
    private static let fieldNames: Set<String> = {
        var names: Set<String> = []
        func add(_ fields: [Field]) {
            for field in fields {
                names.insert(field.name)
                add(field.type.children ?? [])
            }
        }
        add(CanonicalSchema.root)
        return names
    }()
}
