import Crypto
import EHCPSource
import Foundation

/// Built-in `FILE-` checks on the evidence files a bundle carries (DESIGN section 4).
public enum EvidenceFileCheck {
    /// Every problem with the files of the bundle rooted at `root` (a directory).
    public static func findings(_ application: Application, bundleRoot root: String, document: String) -> [Finding] {
        var findings: [Finding] = []
        var referenced: Set<String> = []
        var digests: [String: String] = [:]
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().standardizedFileURL.path
        for (index, item) in application.evidence.enumerated() {
            guard let fileValue = item["file"], let relative = fileValue.text else { continue }
            let path = "evidence[\(index)].file"
            func report(_ rule: String, _ message: String, _ severity: Severity = .error) {
                findings.append(.builtIn(rule, "\(path) \(message)", path: path, at: fileValue.location, severity: severity))
            }
            let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
            if relative.hasPrefix("/") || relative.contains("\\") || parts.contains("..") || relative.isEmpty {
                report("FILE-PATH", "must be a relative path inside the bundle (no '..', no absolute path)")
                continue
            }
            let full = root + "/" + relative
            let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().standardizedFileURL.path
            guard resolved.hasPrefix(realRoot + "/") else {
                report("FILE-PATH", "leads outside the bundle through a link")
                continue
            }
            referenced.insert(resolved)
            guard FileAccess.exists(full), !FileAccess.isDirectory(full) else {
                report("FILE-MISSING", "names a file that is not in the bundle")
                continue
            }
            guard let bytes = try? FileAccess.read(full) else {
                report("FILE-UNREADABLE", "could not be read")
                continue
            }
            if bytes.isEmpty {
                report("FILE-EMPTY", "is an empty file")
                continue
            }
            let fileExtension = (relative as NSString).pathExtension.lowercased()
            if !FileSniffer.allowedExtensions.contains(fileExtension) {
                report("FILE-TYPE", "has the extension '.\(fileExtension)', which is not an accepted evidence type (\(FileSniffer.allowedExtensions.joined(separator: ", ")))")
            } else if !FileSniffer.matches(bytes, fileExtension: fileExtension) {
                report("FILE-TYPE", "does not contain what its '.\(fileExtension)' extension says")
            } else if fileExtension == "pdf", FileSniffer.isEncryptedPDF(bytes) {
                report("FILE-ENCRYPTED", "is a password-protected or encrypted PDF; the authority may not be able to open it")
            }
            let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            if let expected = item["sha256"]?.text, expected.lowercased() != digest {
                report("FILE-SHA256", "does not match its sha256: the file has changed since the digest was taken")
            }
            if let other = digests[digest], other != resolved {
                report("FILE-DUPLICATE", "has the same content as another evidence file", .warning)
            }
            digests[digest] = resolved
        }
        let documentPath = URL(fileURLWithPath: document).resolvingSymlinksInPath().standardizedFileURL.path
        for file in allFiles(under: realRoot) where file != documentPath && !referenced.contains(file) {
            let relative = String(file.dropFirst(realRoot.count + 1))
            findings.append(.builtIn("FILE-UNREFERENCED", "\(relative) is in the bundle but no evidence item lists it", path: nil, at: nil, severity: .info))
        }
        return findings
    }

    /// Regular files below `root`, hidden files skipped, without following links out of it.
    private static func allFiles(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: root), includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            files.append(url.resolvingSymlinksInPath().standardizedFileURL.path)
        }
        return files.sorted()
    }
}
