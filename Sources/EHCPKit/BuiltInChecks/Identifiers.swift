/// Check-digit and format rules for the identifiers in an application, by byte arithmetic on the
/// UTF-8 of each value: every valid identifier is ASCII, so any other byte makes it invalid.
public enum Identifiers {
    /// The value (0–22) of each of the 23 letters a UPN check letter (or a temporary UPN's last
    /// character) is drawn from, "ABCDEFGHJKLMNPQRTUVWXYZ", by ASCII code; -1 for any other byte.
    private static let upnLetterValues: [Int8] = {
        var values = [Int8](repeating: -1, count: 256)
        for (value, letter) in "ABCDEFGHJKLMNPQRTUVWXYZ".utf8.enumerated() { values[Int(letter)] = Int8(value) }
        return values
    }()

    /// A Unique Pupil Number: 13 characters, a check letter then 12 characters (the last a
    /// letter for temporary UPNs), check letter = weighted sum (weights 2–13) mod 23.
    public static func isValidUPN(_ upn: String) -> Bool {
        var upn = upn
        return upn.withUTF8 { bytes in
            guard bytes.count == 13 else { return false }
            let check = Int(upnLetterValues[Int(bytes[0])])
            guard check >= 0 else { return false }
            var sum = 0
            for offset in 0..<12 {
                let byte = bytes[offset + 1]
                let value: Int
                if byte &- 48 < 10 {
                    value = Int(byte &- 48)
                } else if offset == 11, upnLetterValues[Int(byte)] >= 0 {
                    value = Int(upnLetterValues[Int(byte)])
                } else {
                    return false
                }
                sum += value * (offset + 2)
            }
            return sum % 23 == check
        }
    }

    /// A Unique Learner Number: 10 digits, weights 10..1, sum mod 11 = 10.
    public static func isValidULN(_ uln: String) -> Bool {
        weightedSum(uln, skippingSpaces: false).map { $0 % 11 == 10 } ?? false
    }

    /// An NHS number: 10 digits (spaces between them ignored), weights 10..1, sum mod 11 = 0.
    public static func isValidNHSNumber(_ number: String) -> Bool {
        weightedSum(number, skippingSpaces: true).map { $0 % 11 == 0 } ?? false
    }

    /// A URN: exactly 6 digits.
    public static func isValidURN(_ urn: String) -> Bool {
        isDigits(urn, count: 6)
    }

    /// A DfE local authority code: exactly 3 digits.
    public static func isWellFormedLACode(_ code: String) -> Bool {
        isDigits(code, count: 3)
    }

    static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { $0 &- 48 < 10 }
    }

    /// The sum of 10 digits weighted 10 down to 1; nil unless `text` is exactly 10 digits (once
    /// spaces are taken out, when `skippingSpaces`).
    private static func weightedSum(_ text: String, skippingSpaces: Bool) -> Int? {
        var sum = 0
        var count = 0
        for byte in text.utf8 {
            if skippingSpaces, byte == UInt8(ascii: " ") { continue }
            guard byte &- 48 < 10, count < 10 else { return nil }
            sum += Int(byte &- 48) * (10 - count)
            count += 1
        }
        return count == 10 ? sum : nil
    }

    /// One `@` with text before it and a `.` after it, and no white space.
    static func isEmail(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return isEmailByCharacters(text) }
        var ats = 0
        var first = -1
        var dotAfterAt = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "@"):
                ats += 1
                if ats == 1 { first = offset }
            case UInt8(ascii: "."): if ats == 1 { dotAfterAt = true }
            case 0x09...0x0D, 0x20: return false
            default: break
            }
        }
        return ats == 1 && first > 0 && dotAfterAt
    }

    /// ``isEmail(_:)`` for text that is not all ASCII, by characters.
    private static func isEmailByCharacters(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }

    /// A SHA-256 digest as 64 lower-case hex digits.
    static func isSHA256(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            // Characters beyond ASCII that count as hex digits (full-width ones) are accepted as before.
            return text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
        }
        return text.utf8.count == 64 && text.utf8.allSatisfy { $0 &- 48 < 10 || $0 &- 97 < 6 }
    }
}
