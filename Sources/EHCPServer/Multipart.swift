import EHCPKit
import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578), by field name.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var bytes: [UInt8]
    }

    var parts: [Part] = []

    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The files chosen for field `name`, each by its file name, or for a part without one the
    /// field's name; a part with neither a file name nor bytes (what a browser sends for a file
    /// input left empty) is left out.
    func files(_ name: String) -> [BundleFile] {
        parts.filter { $0.name == name && !(($0.filename ?? "").isEmpty && $0.bytes.isEmpty) }.map { part in
            BundleFile(name: part.filename.flatMap { $0.isEmpty ? nil : $0 } ?? name, bytes: part.bytes)
        }
    }

    func field(_ name: String) -> String? {
        part(name).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The boundary a `Content-Type` names, when it is multipart/form-data.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 70 ? nil : value
            }
        }
        return nil
    }

    /// Parses `body`; nil when it is not well-formed.
    init?(_ body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        guard var start = Self.find(delimiter, in: body, from: 0) else { return nil }
        while true {
            start += delimiter.count
            if body[start...].starts(with: Array("--".utf8)) { return }
            guard body[start...].starts(with: [13, 10]) else { return nil }
            start += 2
            guard let headerEnd = Self.find([13, 10, 13, 10], in: body, from: start),
                let next = Self.find([13, 10] + delimiter, in: body, from: headerEnd + 4)
            else { return nil }
            let headers = String(decoding: body[start..<headerEnd], as: UTF8.self)
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                let name = Self.parameter("name", in: String(disposition))
            else { return nil }
            parts.append(Part(name: name, filename: Self.parameter("filename", in: String(disposition)), bytes: Array(body[(headerEnd + 4)..<next])))
            start = next + 2
        }
    }

    /// A quoted parameter of a Content-Disposition header.
    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    /// Where `needle` first occurs in `haystack` at or after `from`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = from
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
