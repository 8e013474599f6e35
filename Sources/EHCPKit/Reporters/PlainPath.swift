/// Canonical paths in words for the reports people read (text, HTML, Markdown): `evidence[3].file`
/// becomes "the 4th evidence item's file" and `primaryNeed` is explained as the need ranked 1.
/// JSON, SARIF and JUnit keep the canonical path, which programs match on.
public enum PlainPath {
    /// `text` with every indexed path (`needs[0].type`) in words and computed names explained.
    ///
    /// Only a canonical list's path is put in words, and not inside a file name ("scan[1].pdf",
    /// "evidence/a[2]"). ASCII text, what every message and path is in practice, is scanned byte by
    /// byte; other text goes through `wordsByRegex(_:)`, the definition the scan follows.
    public static func words(_ text: String) -> String {
        var text = text
        var ascii = true
        let scanned: String? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                ascii = false
                return nil
            }
            return scanIndexedPaths(bytes)
        }
        var out = ascii ? scanned ?? text : indexedPathsByRegex(text)
        if mentionsPrimaryNeed(out) { out = primaryNeedExplained(out) }
        return out
    }

    /// The definition ``words(_:)`` follows, by regular expressions: slower (each literal is
    /// compiled again on every call), and what the scan is tested against.
    static func wordsByRegex(_ text: String) -> String {
        primaryNeedExplained(indexedPathsByRegex(text))
    }

    private static func indexedPathsByRegex(_ text: String) -> String {
        text.replacing(#/(^|[^A-Za-z0-9/._-])([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\[([0-9]+)\]((?:\.[A-Za-z][A-Za-z0-9]*)*)/#) { match in
            let (whole, before, list, index, field) = match.output
            return indexedPath(list: String(list), index: String(index), field: String(field)).map { String(before) + $0 } ?? String(whole)
        }
    }

    /// True when `text` holds the bytes of `primaryNeed` anywhere: a plain byte search, where
    /// Foundation's `contains` would go through `NSString`.
    private static func mentionsPrimaryNeed(_ text: String) -> Bool {
        let name = Array("primaryNeed".utf8)
        let bytes = Array(text.utf8)
        guard bytes.count >= name.count else { return false }
        return (0...(bytes.count - name.count)).contains { start in
            bytes[start] == name[0] && bytes[start..<(start + name.count)].elementsEqual(name)
        }
    }

    private static func primaryNeedExplained(_ text: String) -> String {
        var out = text
        if let range = out.firstRange(of: #/\bprimaryNeed\b/#) {
            out.replaceSubrange(range, with: "primaryNeed (the type of the need ranked 1)")
        }
        return out
    }

    /// `list[index]field` in words, or nil when `list` is not a canonical list.
    private static func indexedPath(list: String, index: String, field: String) -> String? {
        guard CanonicalSchema.field(at: list)?.type.isList == true, let number = Int(index) else { return nil }
        let item = "the \(ordinal(number + 1)) \(itemName(list))"
        return field.isEmpty ? item : "\(item)'s \(field.dropFirst())"
    }

    /// The indexed paths of ASCII `bytes` in words: the regular expression of
    /// ``indexedPathsByRegex(_:)`` matched by hand, leftmost first, matches never overlapping;
    /// nil when there is none to put in words.
    private static func scanIndexedPaths(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func isPathByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        let count = bytes.count
        /// The end of the name starting at `start` (a letter, then letters and digits).
        func nameEnd(_ start: Int) -> Int {
            var end = start + 1
            while end < count, isLetter(bytes[end]) || isDigit(bytes[end]) { end += 1 }
            return end
        }
        /// The end of the dotted names from `start` (`.a.b1`), `start` when there are none.
        func dottedEnd(_ start: Int) -> Int {
            var end = start
            while end + 1 < count, bytes[end] == UInt8(ascii: "."), isLetter(bytes[end + 1]) { end = nameEnd(end + 1) }
            return end
        }
        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        }
        var out = ""
        var copied = 0  // bytes before this are in `out`
        var searchFrom = 0  // where the next match may begin (its `before` byte included)
        var start = 0
        while start < count {
            defer { start += 1 }
            guard isLetter(bytes[start]), start == 0 || (start - 1 >= searchFrom && !isPathByte(bytes[start - 1])) else { continue }
            let listEnd = dottedEnd(nameEnd(start))
            guard listEnd < count, bytes[listEnd] == UInt8(ascii: "[") else { continue }
            var indexEnd = listEnd + 1
            while indexEnd < count, isDigit(bytes[indexEnd]) { indexEnd += 1 }
            guard indexEnd > listEnd + 1, indexEnd < count, bytes[indexEnd] == UInt8(ascii: "]") else { continue }
            let end = dottedEnd(indexEnd + 1)
            if let words = indexedPath(list: text(start, listEnd), index: text(listEnd + 1, indexEnd), field: text(indexEnd + 1, end)) {
                out += text(copied, start)
                out += words
                copied = end
            }
            searchFrom = end
            start = end - 1
        }
        if copied == 0 { return nil }
        out += text(copied, count)
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
