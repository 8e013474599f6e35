import EHCPSource

extension String {
    /// Escaped for HTML text and attribute values; control characters other than tab and line
    /// feed are shown as `\u{1B}`, so nothing from a request reaches a terminal or parser raw.
    public var escapedForMarkup: String {
        var out = ""
        out.reserveCapacity(count)
        for character in escapingControlCharacters(keeping: ["\n", "\t"]) {
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

/// The page every HTML output shares: language, viewport, the one style sheet, and the header,
/// main and footer landmarks. No script.
enum HTMLPage {
    /// A whole page; `title`, `intro` and `footer` are plain text, `main` is markup.
    static func document(title: String, intro: String, extraStyle: String = "", main: String, footer: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title.escapedForMarkup)</title>
        <style>\(HTMLReporter.style)\(extraStyle)</style>
        </head>
        <body>
        <header>
        <h1>\(title.escapedForMarkup)</h1>
        <p>\(intro.escapedForMarkup)</p>
        </header>
        <main>
        \(main)</main>
        <footer>
        <p>\(footer.escapedForMarkup)</p>
        </footer>
        </body>
        </html>

        """
    }
}

extension BundleReport {
    /// "Norfolk (926)", or a note that the authority is not known.
    public var authorityTitle: String {
        authority.map { "\($0.name) (\($0.code))" } ?? "authority not known"
    }

    /// One sentence: the verdict and the counts.
    var verdict: String {
        let counts = "\(count(.error)) error(s), \(count(.warning)) warning(s), \(count(.info)) note(s)"
        return isValid ? "No errors: \(counts)." : "Errors found, the authority is likely to return the request: \(counts)."
    }

    /// The verdict of a bundle that could not be read.
    static let unreadableVerdict = "Could not be read: nothing in it was checked. Correct the problems below and check it again."

    /// `file:line[:column]` of a finding, or nil.
    static func place(_ finding: Finding) -> String? {
        finding.location.map(\.description)
    }
}
