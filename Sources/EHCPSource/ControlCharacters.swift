extension String {
    /// The text with every control character (C0, DEL and C1) written visibly as `\u{1B}`.
    ///
    /// Text from a document, a file name or a zip entry may hold ESC, OSC, BEL or CR, which on a
    /// terminal move the cursor, retitle the window or overwrite a line, and which XML 1.0 cannot
    /// hold at all. `keeping` names the ones the caller writes on purpose (a report's own line
    /// breaks); everything else is shown, never acted on.
    public func escapingControlCharacters(keeping kept: Set<Unicode.Scalar> = []) -> String {
        // Printable ASCII holds no control character: the common case, decided by bytes.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return self }
        guard unicodeScalars.contains(where: { $0.isHiddenControl && !kept.contains($0) }) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            if scalar.isHiddenControl && !kept.contains(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// A control character (C0, DEL, C1), or a bidirectional or invisible formatting character
    /// that can reorder or hide what a terminal shows (U+200B–U+200F, U+202A–U+202E,
    /// U+2060–U+2069, U+FEFF): none is passed on raw.
    var isHiddenControl: Bool {
        // The control category (Cc) is exactly C0, DEL and C1: no look-up in Unicode's tables.
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
