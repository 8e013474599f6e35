import EHCPSource
import Foundation

/// Built-in `FILE-` checks on the evidence files a bundle carries (docs/design.md, Bundles).
public enum EvidenceFileCheck {
    /// Every problem with the files of the bundle rooted at `root` (a directory).
    public static func findings(_ application: Application, bundleRoot root: String, document: String) -> [Finding] {
        findings(application, files: FolderEvidenceFiles(root: root, document: document))
    }

    /// Every problem with the files of a bundle, wherever they are kept, each file read at most
    /// once however many items list it.
    static func findings(_ application: Application, files: any EvidenceFiles) -> [Finding] {
        var findings: [Finding] = []
        var referenced: Set<String> = []
        var digests: [String: (file: String, index: Int)] = [:]
        var scans: [String: Result<EvidenceScan, EvidenceScan.Failure>] = [:]
        /// The bundle's files other than the document: listed once, when needed.
        var bundleFiles: [(key: String, relative: String)]?
        func filesInBundle() -> [(key: String, relative: String)] {
            if let bundleFiles { return bundleFiles }
            let found = files.otherFiles()
            bundleFiles = found
            return found
        }
        func relativeName(_ key: String) -> String { filesInBundle().first { $0.key == key }?.relative ?? key }
        for (index, item) in application.evidence.enumerated() {
            guard let fileValue = item["file"], let relative = fileValue.text else { continue }
            let path = "evidence[\(index)].file"
            func report(_ rule: String, _ message: String, _ severity: Severity = .error) {
                findings.append(.builtIn(rule, "\(path) \(message)", path: path, at: fileValue.location, severity: severity))
            }
            let resolved: String
            switch files.locate(relative) {
            case .failure(.notRelative):
                report("FILE-PATH", "must be a relative path inside the bundle (no '..', no absolute path)")
                continue
            case .failure(.leadsOut):
                report("FILE-PATH", "leads outside the bundle through a link")
                continue
            case .success(let key):
                resolved = key
            }
            referenced.insert(resolved)
            let scanned = scans[resolved] ?? files.scan(resolved)
            scans[resolved] = scanned
            let file: EvidenceScan
            switch scanned {
            case .success(let found): file = found
            case .failure(.missing):
                // The listed name is the document's value and is not repeated; a name the bundle
                // holds is a file name, not a value of the document.
                // A misspelt name's file is one no item lists: those are offered first.
                let listed = Set(application.evidence.compactMap { $0["file"]?.text }.compactMap { try? files.locate($0).get() })
                let unlisted = filesInBundle().filter { !listed.contains($0.key) }.map(\.relative)
                let nearest = NearestName.nearest(to: relative, among: unlisted) ?? NearestName.nearest(to: relative, among: filesInBundle().map(\.relative))
                report(
                    "FILE-MISSING",
                    "names a file that is not in the bundle"
                        + (nearest.map { "; the nearest name in the bundle is \($0): check the spelling" } ?? ""))
                continue
            case .failure(.notRegular(let kind)):
                report("FILE-NOT-REGULAR", "is \(kind), not a regular file; it was not read")
                continue
            case .failure(.unreadable):
                report("FILE-UNREADABLE", "could not be read")
                continue
            case .failure(.ambiguous):
                report(
                    "FILE-AMBIGUOUS",
                    "names a file that more than one of the files sent could be, by its name alone: "
                        + "give the files different names, or send the request as a zip so that its folders are kept")
                continue
            }
            if file.size == 0 {
                report("FILE-EMPTY", "is an empty file")
                continue
            }
            let fileExtension = Self.pathExtension(relative).lowercased()
            if !FileSniffer.allowedExtensions.contains(fileExtension) {
                report("FILE-TYPE", "has an extension that is not an accepted evidence type (\(FileSniffer.allowedExtensions.joined(separator: ", ")))")
            } else if !FileSniffer.matches(head: file.head, tail: file.tail, complete: file.size == file.head.count, fileExtension: fileExtension) {
                report("FILE-TYPE", "does not contain what its file extension says")
            } else if fileExtension == "pdf", file.namesEncrypt {
                report("FILE-ENCRYPTED", "is a password-protected or encrypted PDF; the authority may not be able to open it")
            }
            if let expected = item["sha256"]?.text, expected.lowercased() != file.sha256 {
                report("FILE-SHA256", "does not match its sha256: the file has changed since the digest was taken")
            }
            if let other = digests[file.sha256], other.file != resolved {
                report("FILE-DUPLICATE", "has the same content as \(relativeName(other.file)), the file of evidence[\(other.index)]", .warning)
            }
            digests[file.sha256] = (resolved, index)
        }
        for (file, relative) in filesInBundle() where !referenced.contains(file) {
            findings.append(.builtIn("FILE-UNREFERENCED", "\(relative) is in the bundle but no evidence item lists it", path: nil, at: nil, severity: .info))
        }
        return findings
    }

    /// What follows the last `.` of the last component of `path`, as `NSString.pathExtension`
    /// gives it ("" when the component has no `.` or only a leading one), without going through
    /// `NSString`.
    static func pathExtension(_ path: String) -> String {
        var bytes = Substring(path).utf8
        while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes = bytes.dropLast() }
        let component = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[bytes.index(after: $0)...] } ?? bytes[...]
        guard let dot = component.lastIndex(of: UInt8(ascii: ".")), dot != component.startIndex else { return "" }
        return String(Substring(component[component.index(after: dot)...]))
    }
}
