import EHCPKit
import EHCPSource
import Foundation

/// The request being made, as it travels between the pages: the application document in a hidden
/// field (base64 of its canonical JSON) and each attached evidence file in a hidden field of its
/// own (`attached:evidence/consent.pdf`, base64). Nothing is kept on the server.
struct GuidedDraft {
    var root: Record
    /// Evidence files by their path in the bundle (`evidence/consent.pdf`).
    var files: [String: [UInt8]] = [:]

    static let field = "draft"
    static let filePrefix = "attached:"

    /// A new request to `authority` made by `requester` today.
    init(authority: String, requester: String, date: CalendarDate) {
        root = Record()
        root["schemaVersion"] = Value(.text(CanonicalSchema.version))
        root["authority"] = Value(.text(authority))
        root["dateOfRequest"] = Value(.date(date))
        root.set("requester.role", Value(.text(requester)))
    }

    init(root: Record, files: [String: [UInt8]] = [:]) {
        self.root = root
        self.files = files
    }

    /// The draft a page posted; nil when its hidden fields are missing or were altered.
    init?(posted form: MultipartForm) {
        guard let encoded = form.field(Self.field), let bytes = Data(base64Encoded: encoded),
            let read = try? CanonicalJSONFormat().read(Array(bytes), file: "application.json")
        else { return nil }
        root = read.application.root
        for part in form.parts where part.name.hasPrefix(Self.filePrefix) {
            let path = String(part.name.dropFirst(Self.filePrefix.count))
            guard Self.isSafe(path), let bytes = Data(base64Encoded: Data(part.bytes)) else { return nil }
            files[path] = Array(bytes)
        }
    }

    /// True for the names the form gives evidence files: `evidence/` and a plain name of letters,
    /// digits, `-`, `_` and one `.` — never a name the user chose, which may hold the child's name.
    static func isSafe(_ path: String) -> Bool {
        guard path.hasPrefix("evidence/") else { return false }
        let name = path.dropFirst("evidence/".count)
        return !name.isEmpty && name.count <= 80 && !name.hasPrefix(".") && name.filter { $0 == "." }.count <= 1
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    var application: Application { Application(root: root, file: "application.yaml") }
    var authority: String { root["authority"]?.text ?? "" }
    var requester: String { root.value(at: "requester.role")?.text ?? "" }

    /// The document as it goes in the bundle: canonical YAML.
    func yaml() throws -> String {
        try CanonicalYAMLFormat().write(application).text
    }

    /// The hidden fields that carry the draft to the next page.
    func hiddenFields() -> String {
        let json = JSONWriter.write(ApplicationEncoder.encode(application))
        var out = "<input type=\"hidden\" name=\"\(Self.field)\" value=\"\(Data(json.utf8).base64EncodedString())\">\n"
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            out += "<input type=\"hidden\" name=\"\(Self.filePrefix)\(path)\" value=\"\(Data(bytes).base64EncodedString())\">\n"
        }
        return out
    }

    /// The bundle's evidence files for validation and the zip.
    var bundleFiles: [BundleFile] {
        files.sorted { $0.key < $1.key }.map { BundleFile(name: $0.key, bytes: $0.value) }
    }
}
