import Foundation

extension ChecklistWording {
    /// What is wrong with a rule's written `checklist:` wording, or nil when it is plain text: one
    /// line, no markup, and no field path (`child.dateOfBirth`, `dateOfBirth`, `evidence[0]`), field
    /// key (`type:`) or hyphenated code (`consent-form`) a reader would have to know the schema for.
    static func problem(inWritten text: String) -> String? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return "is empty" }
        if text.contains("\n") { return "is more than one line" }
        if let mark = text.first(where: { "`<>*_#".contains($0) }) { return "holds the markup character '\(mark)'" }
        if let index = text.firstMatch(of: #/[A-Za-z]\[[0-9]+\]/#) { return "names a list position ('\(index.output)…')" }
        let codes = Set((Vocabulary.evidenceType.codes + Vocabulary.professionalRole.codes).filter { $0.contains("-") })
        for raw in text.split(whereSeparator: { $0 == " " }) {
            let token = String(raw).trimmingCharacters(in: CharacterSet(charactersIn: "()[],;!?'\"“”‘’"))
            let word = token.hasSuffix(".") ? String(token.dropLast()) : token
            if word.wholeMatch(of: #/[a-z][A-Za-z0-9]+(\.[A-Za-z][A-Za-z0-9]+)+/#) != nil { return "names the field path '\(word)'" }
            if word.wholeMatch(of: #/[a-z]+[A-Z][A-Za-z0-9]*:?/#) != nil { return "names the field '\(word)'" }
            if word.hasSuffix(":"), word.dropLast().allSatisfy(\.isLowercase), fieldNames.contains(String(word.dropLast())) {
                return "names the field '\(word.dropLast())' as a key"
            }
            if codes.contains(word) { return "names the code '\(word)'" }
        }
        return nil
    }

    /// The name of every field of the schema, at any depth.
    private static let fieldNames = Set(CanonicalSchema.allPaths.map { String($0.split(separator: ".").last ?? "") })
}
