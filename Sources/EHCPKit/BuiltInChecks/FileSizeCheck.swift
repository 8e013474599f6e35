import Foundation

/// `FILE-TOO-LARGE`: evidence files bigger than the receiving authority accepts (its
/// `authority.yaml` `maxFileSize`).
public enum FileSizeCheck {
    /// Evidence files larger than `maxFileSize` bytes, each named by its path in the document.
    ///
    /// Only files inside the bundle are measured, by the same containment as ``EvidenceFileCheck``
    /// (which reports the others): the size of a file a link leads to outside is never looked at.
    public static func findings(_ application: Application, bundleRoot root: String, maxFileSize: UInt64, authority: String) -> [Finding] {
        findings(application, files: FolderEvidenceFiles(root: root, document: ""), maxFileSize: maxFileSize, authority: authority)
    }

    /// ``findings(_:bundleRoot:maxFileSize:authority:)`` for a bundle's files wherever they are kept.
    static func findings(_ application: Application, files: any EvidenceFiles, maxFileSize: UInt64, authority: String) -> [Finding] {
        application.evidence.enumerated().compactMap { index, item in
            guard let file = item["file"], let relative = file.text,
                case .success(let key) = files.locate(relative),
                let size = files.size(of: key), size > maxFileSize
            else { return nil }
            let path = "evidence[\(index)].file"
            return .builtIn(
                "FILE-TOO-LARGE", "\(path) is \(describe(size)); \(authority) accepts files of at most \(describe(maxFileSize))",
                path: path, at: file.location)
        }
    }

    /// `2.5 MB`, `300 KB`, `812 bytes`.
    public static func describe(_ bytes: UInt64) -> String {
        // Divided before it is scaled, so no size overflows.
        if bytes >= 1 << 20 { return "\(Double(bytes / (1 << 20) * 10 + bytes % (1 << 20) * 10 / (1 << 20)) / 10) MB" }
        if bytes >= 1 << 10 { return "\(bytes / (1 << 10)) KB" }
        return "\(bytes) bytes"
    }
}
