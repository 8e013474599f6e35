/// Check-digit and format rules for the identifiers in an application.
public enum Identifiers {
    /// The 23 letters a UPN check letter (or a temporary UPN's last character) is drawn from.
    static let upnLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// A Unique Pupil Number: 13 characters, a check letter then 12 characters (the last a
    /// letter for temporary UPNs), check letter = weighted sum (weights 2–13) mod 23.
    public static func isValidUPN(_ upn: String) -> Bool {
        let characters = Array(upn)
        guard characters.count == 13, let check = upnLetters.firstIndex(of: characters[0]) else { return false }
        var sum = 0
        for (offset, character) in characters.dropFirst().enumerated() {
            let value: Int
            if let digit = character.wholeNumberValue, character.isASCII {
                value = digit
            } else if offset == 11, let letter = upnLetters.firstIndex(of: character) {
                value = letter
            } else {
                return false
            }
            sum += value * (offset + 2)
        }
        return sum % 23 == check
    }

    /// A Unique Learner Number: 10 digits, weights 10..1, sum mod 11 = 10.
    public static func isValidULN(_ uln: String) -> Bool {
        weightedSum(uln).map { $0 % 11 == 10 } ?? false
    }

    /// An NHS number: 10 digits, weights 10..1, sum mod 11 = 0.
    public static func isValidNHSNumber(_ number: String) -> Bool {
        weightedSum(number.filter { $0 != " " }).map { $0 % 11 == 0 } ?? false
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
        text.utf8.count == count && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    private static func weightedSum(_ text: String) -> Int? {
        guard isDigits(text, count: 10) else { return nil }
        return text.utf8.enumerated().reduce(0) { $0 + Int($1.element - 48) * (10 - $1.offset) }
    }
}
