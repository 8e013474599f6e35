/// Canonical paths in words for the reports people read (text, HTML, Markdown): `evidence[3].file`
/// becomes "the 4th evidence item's file" and `primaryNeed` is explained as the need ranked 1.
/// JSON, SARIF and JUnit keep the canonical path, which programs match on.
public enum PlainPath {
    /// `text` with every indexed path (`needs[0].type`) in words and computed names explained.
    public static func words(_ text: String) -> String {
        // Only a canonical list's path, and not inside a file name ("scan[1].pdf", "evidence/a[2]").
        var out = text.replacing(#/(^|[^A-Za-z0-9/._-])([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\[([0-9]+)\]((?:\.[A-Za-z][A-Za-z0-9]*)*)/#) { match in
            let (whole, before, list, index, field) = match.output
            guard CanonicalSchema.field(at: String(list))?.type.isList == true, let number = Int(index) else { return String(whole) }
            let item = "the \(ordinal(number + 1)) \(itemName(String(list)))"
            return before + (field.isEmpty ? item : "\(item)'s \(field.dropFirst())")
        }
        if let range = out.firstRange(of: #/\bprimaryNeed\b/#) {
            out.replaceSubrange(range, with: "primaryNeed (the type of the need ranked 1)")
        }
        return out
    }

    /// "1st", "2nd", "3rd", "4th", "11th", "21st"…
    public static func ordinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }

    /// What one item of a canonical list is called.
    static func itemName(_ list: String) -> String {
        switch list {
        case "evidence": "evidence item"
        case "needs": "need"
        case "parents": "parent"
        case "professionals": "professional"
        case "graduatedApproach": "assess-plan-do-review cycle"
        case "provision": "provision line"
        case "attainment": "attainment record"
        case "consent": "consent record"
        default: "item of \(list)"
        }
    }
}
