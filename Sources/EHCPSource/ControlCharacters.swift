extension String {
    /// The text with every control character (C0, DEL and C1) written visibly as `\u{1B}`.
    ///
    /// Text from a document, a file name or a zip entry may hold ESC, OSC, BEL or CR, which on a
    /// terminal move the cursor, retitle the window or overwrite a line, and which XML 1.0 cannot
    /// hold at all. `keeping` names the ones the caller writes on purpose (a report's own line
    /// breaks); everything else is shown, never acted on.
    public func escapingControlCharacters(keeping kept: Set<Unicode.Scalar> = []) -> String {
        guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !kept.contains($0) }) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            if scalar.properties.generalCategory == .control && !kept.contains(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
