import Foundation

/// A page's form as a browser would post it: every hidden field, the values shown in its text
/// boxes, text areas, checked radios and boxes and selected options — filled in further by a test,
/// then posted as multipart/form-data with any files chosen.
struct FormPage {
    var fields: [(name: String, value: String)] = []
    var files: [(name: String, filename: String, bytes: Data)] = []

    /// The form of `html` (our own markup: attributes double-quoted).
    init(_ html: String) {
        for tag in Self.matches(#"<input ([^>]*)>"#, in: html) {
            let attributes = Self.attributes(tag[1])
            guard let name = attributes["name"], let type = attributes["type"], type != "file" else { continue }
            if ["radio", "checkbox"].contains(type), attributes["checked"] == nil { continue }
            fields.append((name, attributes["value"] ?? ""))
        }
        for area in Self.matches(#"<textarea [^>]*name="([^"]*)"[^>]*>\n?(.*?)</textarea>"#, in: html) {
            fields.append((area[1], Self.unescaped(area[2])))
        }
        for select in Self.matches(#"<select [^>]*name="([^"]*)"[^>]*>(.*?)</select>"#, in: html) {
            let chosen = Self.matches(#"<option value="([^"]*)" selected>"#, in: select[2]).first?[1] ?? ""
            fields.append((select[1], Self.unescaped(chosen)))
        }
    }

    /// Sets a field, replacing what the page had in it.
    mutating func set(_ name: String, _ value: String) {
        fields.removeAll { $0.name == name }
        fields.append((name, value))
    }

    mutating func set(_ values: [String: String]) {
        for (name, value) in values { set(name, value) }
    }

    /// Sets the three boxes of a date.
    mutating func date(_ name: String, _ day: Int, _ month: Int, _ year: Int) {
        set(["\(name)-day": "\(day)", "\(name)-month": "\(month)", "\(name)-year": "\(year)"])
    }

    func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// The body and content type of the post, with `action` as the button pressed.
    func body(action: String) -> (body: Data, type: String) {
        let boundary = "form-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.filter({ $0.name != "action" }) + [("action", action)] {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n".utf8) + Data(value.utf8) + Data("\r\n".utf8)
        }
        for file in files {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8)
            body += file.bytes + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    private static func attributes(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for match in matches(#"([a-z-]+)(="([^"]*)")?"#, in: text) { out[match[1]] = unescaped(match[3]) }
        return out
    }

    static func unescaped(_ text: String) -> String {
        var out = text
        for match in Set(matches(#"&#(\d+);"#, in: text).map { $0[1] }) {
            out = out.replacingOccurrences(of: "&#\(match);", with: String(UnicodeScalar(UInt32(match)!).map(Character.init) ?? " "))
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Each match of `pattern` in `text` with its groups ("" for a group that did not take part).
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let source = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: source.length)).map { match in
            (0..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? "" : source.substring(with: match.range(at: $0)) }
        }
    }
}
