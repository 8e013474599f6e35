import Foundation

/// `FILE-TOO-LARGE`: evidence files bigger than the receiving authority accepts (its
/// `authority.yaml` `maxFileSize`).
public enum FileSizeCheck {
    /// Evidence files larger than `maxFileSize` bytes, each named by its path in the document.
    ///
    /// Only files inside the bundle are measured, by the same containment as ``EvidenceFileCheck``
    /// (which reports the others): the size of a file a link leads to outside is never looked at.
    public static func findings(_ application: Application, bundleRoot root: String, maxFileSize: UInt64, authority: String) -> [Finding] {
        let realRoot = FileAccess.canonical(root)
        return application.evidence.enumerated().compactMap { index, item in
            var info = stat()
            guard let file = item["file"], let relative = file.text,
                  case .success(let paths) = BundlePath.resolve(relative, root: root, realRoot: realRoot),
                  stat(paths.resolved, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  case let size = UInt64(max(info.st_size, 0)), size > maxFileSize else { return nil }
            let path = "evidence[\(index)].file"
            return .builtIn("FILE-TOO-LARGE", "\(path) is \(describe(size)); \(authority) accepts files of at most \(describe(maxFileSize))",
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
