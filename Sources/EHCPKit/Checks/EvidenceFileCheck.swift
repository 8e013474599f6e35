import Crypto
import EHCPSource
import Foundation

/// Built-in `FILE-` checks on the evidence files a bundle carries (DESIGN section 4).
public enum EvidenceFileCheck {
    /// Every problem with the files of the bundle rooted at `root` (a directory).
    public static func findings(_ application: Application, bundleRoot root: String, document: String) -> [Finding] {
        findings(application, files: FolderEvidenceFiles(root: root, document: document))
    }

    /// Every problem with the files of a bundle, wherever they are kept.
    public static func findings(_ application: Application, files: any EvidenceFiles) -> [Finding] {
        var findings: [Finding] = []
        var referenced: Set<String> = []
        var digests: [String: String] = [:]
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
            let bytes: [UInt8], resolved: String
            switch files.lookup(relative) {
            case .outside:
                report("FILE-PATH", "leads outside the bundle through a link")
                continue
            case .missing(let key):
                referenced.insert(key)
                report("FILE-MISSING", "names a file that is not in the bundle")
                continue
            case .unreadable(let key):
                referenced.insert(key)
                report("FILE-UNREADABLE", "could not be read")
                continue
            case .found(let key, let contents):
                referenced.insert(key)
                (bytes, resolved) = (contents, key)
            }
            if bytes.isEmpty {
                report("FILE-EMPTY", "is an empty file")
                continue
            }
            let fileExtension = (relative as NSString).pathExtension.lowercased()
            if !FileSniffer.allowedExtensions.contains(fileExtension) {
                report("FILE-TYPE", "has an extension that is not an accepted evidence type (\(FileSniffer.allowedExtensions.joined(separator: ", ")))")
            } else if !FileSniffer.matches(bytes, fileExtension: fileExtension) {
                report("FILE-TYPE", "does not contain what its file extension says")
            } else if fileExtension == "pdf", FileSniffer.isEncryptedPDF(bytes) {
                report("FILE-ENCRYPTED", "is a password-protected or encrypted PDF; the authority may not be able to open it")
            }
            let digest = hex(SHA256.hash(data: bytes))
            if let expected = item["sha256"]?.text, expected.lowercased() != digest {
                report("FILE-SHA256", "does not match its sha256: the file has changed since the digest was taken")
            }
            if let other = digests[digest], other != resolved {
                report("FILE-DUPLICATE", "has the same content as another evidence file", .warning)
            }
            digests[digest] = resolved
        }
        for (file, relative) in files.otherFiles() where !referenced.contains(file) {
            findings.append(.builtIn("FILE-UNREFERENCED", "\(relative) is in the bundle but no evidence item lists it", path: nil, at: nil, severity: .info))
        }
        return findings
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
