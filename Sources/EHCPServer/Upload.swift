import EHCPKit
import Foundation
import Hummingbird

/// An uploaded body as a ``BundleFile``: a zip, or one document named by its media type (or, when
/// the type says nothing, by its first character) so that its format can be told.
enum Upload {
    /// The fixed names given to uploads: a user's own file and folder names often hold the child's
    /// name, so they are never shown.
    static let zipName = "bundle.zip"

    static func file(_ bytes: [UInt8], contentType: String?) -> BundleFile {
        let given = BundleFile(name: zipName, bytes: bytes)
        if given.isZip { return given }
        return BundleFile(name: "document." + documentExtension(bytes, contentType: contentType), bytes: bytes)
    }

    /// The extension of a document: from its media type, else from how it begins.
    static func documentExtension(_ bytes: [UInt8], contentType: String?) -> String {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "application/json": return "json"
        case "application/xml", "text/xml": return "xml"
        case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml": return "yaml"
        case "text/csv": return "csv"
        default: break
        }
        let first = bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        switch first {
        case UInt8(ascii: "<"): return "xml"
        case UInt8(ascii: "{"), UInt8(ascii: "["): return "json"
        default: return "yaml"
        }
    }

    /// The request's body, refused with 413 past `limit` bytes.
    static func body(of request: Request, limit: Int) async throws -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem(status: .contentTooLarge, title: "Upload too large", detail: "The upload is larger than the \(limit >> 20) MiB this server accepts.")
        }
    }
}
