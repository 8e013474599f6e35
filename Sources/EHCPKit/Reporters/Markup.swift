extension String {
    /// Escaped for HTML and XML text and attribute values.
    var escapedForMarkup: String {
        var out = ""
        out.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The first `http://` or `https://` address in the text.
    var firstURL: String? {
        guard let start = range(of: "https://") ?? range(of: "http://") else { return nil }
        let rest = self[start.lowerBound...]
        let end = rest.firstIndex { $0 == " " || $0 == "," || $0 == ")" || $0 == "\"" } ?? rest.endIndex
        return String(rest[..<end])
    }
}

extension BundleReport {
    /// "Norfolk (926)", or a note that the authority is not known.
    var authorityTitle: String {
        authority.map { "\($0.name) (\($0.code))" } ?? "authority not known"
    }

    /// One sentence: the verdict and the counts.
    var verdict: String {
        let counts = "\(count(.error)) error(s), \(count(.warning)) warning(s), \(count(.info)) note(s)"
        return isValid ? "No errors: \(counts)." : "Errors found, the authority is likely to return the request: \(counts)."
    }

    /// `file:line[:column]` of a finding, or nil.
    static func place(_ finding: Finding) -> String? {
        finding.location.map(\.description)
    }
}
