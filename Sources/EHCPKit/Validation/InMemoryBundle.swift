import EHCPSource
import Foundation

/// One file given as bytes: a bundle's document, one of its evidence files, or a whole zip bundle.
public struct BundleFile: Sendable {
    /// The file's path inside the bundle (for a document or zip given alone: its name, which tells
    /// the format by its extension).
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The last part of its name, whichever separator a browser used: the name a user's file has.
    public var fileName: String { LooseEvidenceFiles.baseName(name) }

    /// True when the bytes are a zip archive (they begin with a local file header or, for an empty
    /// archive, the end-of-directory record).
    public var isZip: Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }
}

extension Validator {
    /// Validates a bundle held in memory, so callers such as a server need no file paths.
    ///
    /// `document` is a zip bundle (unpacked into a private temporary folder, removed on every path
    /// out, with ``ValidationOptions/zipLimits``), or an application document; with `files` (even
    /// none), a bundle of that document and the evidence files beside it, by their paths in the
    /// bundle, checked as a bundle folder is; without, the document alone, as when a document is
    /// named on the command line. No temporary folder is used unless a zip must be unpacked. The report's `bundle` is `name`, and every location is shown inside it.
    ///
    /// - Throws: `DiagnosticList` when the bundle, its document or a rule set cannot be read.
    public func validate(document: BundleFile, files: [BundleFile]? = nil, named name: String = "bundle") throws(DiagnosticList) -> BundleReport {
        try DiagnosticList.catching { try validateInMemory(document: document, files: files, named: name) }
    }

    private func validateInMemory(document: BundleFile, files: [BundleFile]?, named name: String) throws -> BundleReport {
        if document.isZip {
            guard files == nil else {
                throw DiagnosticList([.error("\(name): give either a zip bundle or a document with its files, not both")])
            }
            return try validateZip(document.bytes, named: name)
        }
        try Self.checkSize(of: document)
        guard let files else {
            var report = try validate(bundle: name, document: document.name, bytes: document.bytes, format: nil, files: nil)
            report.bundle = name
            return report
        }
        let evidence = try InMemoryEvidenceFiles(files, document: document.name, bundle: name)
        return try validate(bundle: name, document: name + "/" + evidence.document, bytes: document.bytes, format: nil, files: { _ in evidence })
    }

    /// Validates an application document with evidence files given by their names alone, as a
    /// browser sends the files a user picks: each file is put at the path of the evidence item
    /// whose `file:` has its name (`LooseEvidenceFiles`), then the bundle is checked as a bundle
    /// folder is. A name that could be more than one file is reported (`FILE-AMBIGUOUS`), and a file
    /// no item names is reported as not listed.
    ///
    /// - Throws: `DiagnosticList` when the document or a rule set cannot be read.
    public func validate(document: BundleFile, looseFiles: [BundleFile], named name: String = "bundle") throws(DiagnosticList) -> BundleReport {
        try DiagnosticList.catching { try validateInMemory(document: document, looseFiles: looseFiles, named: name) }
    }

    private func validateInMemory(document: BundleFile, looseFiles: [BundleFile], named name: String) throws -> BundleReport {
        guard !document.isZip else {
            throw DiagnosticList([.error("\(name): give either a zip bundle or a document with its files, not both")])
        }
        try Self.checkSize(of: document)
        let documentName = document.fileName
        guard !documentName.isEmpty, !documentName.hasPrefix(".") else {
            throw DiagnosticList([.error("\(name): the document's name is not a plain file name")])
        }
        return try validate(bundle: name, document: name + "/" + documentName, bytes: document.bytes, format: nil) { application in
            LooseEvidenceFiles(looseFiles, listed: application.evidence.compactMap { $0["file"]?.text })
        }
    }

    /// Refuses a document over the readers' size limit before it is read.
    private static func checkSize(of document: BundleFile) throws {
        let limit = InputLimits.default.maxDocumentBytes
        guard document.bytes.count <= limit else {
            throw DiagnosticList([.error("\(document.name) is larger than the \(limit >> 20) MiB limit for a document; it was not read")])
        }
    }

    /// Writes the zip to a private temporary folder and validates it as the CLI does a `.zip`.
    /// `root` is where the private folder is made: the system's temporary folder, or a test's own.
    func validateZip(_ bytes: [UInt8], named name: String, in root: String = FileManager.default.temporaryDirectory.path) throws -> BundleReport {
        let folder = root + "/ehcp-upload-\(UUID().uuidString)"
        TemporaryItems.register(folder)
        defer { TemporaryItems.remove(folder) }
        // Stored under a name of its own, but named `name` in every message and location.
        let zip = NamedPath(folder + "/bundle.zip", shownAs: name)
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])) != nil,
            FileManager.default.createFile(atPath: zip.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else {
            throw DiagnosticList([.error("\(name): could not be stored for unpacking")])
        }
        return try validate(bundle: zip)
    }
}

/// Evidence files held in memory, by their paths in the bundle (`./` and repeated `/` ignored);
/// keys are those normalised paths.
struct InMemoryEvidenceFiles: EvidenceFiles {
    /// The document's normalised path.
    let document: String
    private let files: [String: [UInt8]]

    /// - Throws: `DiagnosticList` when a name is absolute, climbs out or is given twice.
    init(_ given: [BundleFile], document: String, bundle: String) throws {
        var files: [String: [UInt8]] = [:]
        for file in given {
            guard let key = Self.normalised(file.name) else {
                throw DiagnosticList([.error("\(bundle): a file's name is absolute or climbs out of the bundle; nothing was checked")])
            }
            guard files.updateValue(file.bytes, forKey: key) == nil else {
                throw DiagnosticList([.error("\(bundle): two files are given the same name; nothing was checked")])
            }
        }
        guard let documentKey = Self.normalised(document), files[documentKey] == nil else {
            throw DiagnosticList([.error("\(bundle): the document's name is not a plain name inside the bundle, or is also given as a file")])
        }
        self.document = documentKey
        self.files = files
    }

    /// `path` without `.` and empty parts; nil when it is absolute or climbs out.
    static func normalised(_ path: String) -> String? {
        guard !path.hasPrefix("/"), !path.contains("\\") else { return nil }
        let parts = path.split(separator: "/").filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains("..") else { return nil }
        return parts.joined(separator: "/")
    }

    func locate(_ relative: String) -> Result<String, BundlePath.Problem> {
        guard !relative.isEmpty, let key = Self.normalised(relative) else { return .failure(.notRelative) }
        return .success(key)
    }

    func scan(_ key: String) -> Result<EvidenceScan, EvidenceScan.Failure> {
        guard let bytes = files[key] else { return .failure(.missing) }
        return .success(.of(bytes))
    }

    func otherFiles() -> [(key: String, relative: String)] {
        files.keys.filter { key in !key.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted().map { ($0, $0) }
    }

    func size(of key: String) -> UInt64? {
        files[key].map { UInt64($0.count) }
    }
}
