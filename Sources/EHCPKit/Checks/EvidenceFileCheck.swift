import EHCPSource
import Foundation

/// Built-in `FILE-` checks on the evidence files a bundle carries (docs/design.md, Bundles).
public enum EvidenceFileCheck {
    /// Every problem with the files of the bundle rooted at `root` (a directory).
    public static func findings(_ application: Application, bundleRoot root: String, document: String) -> [Finding] {
        findings(application, bundleRoot: root, document: document, scan: EvidenceScan.read)
    }

    /// ``findings(_:bundleRoot:document:)`` reading each file with `scan`, at most once per file
    /// however many items list it.
    static func findings(_ application: Application, bundleRoot root: String, document: String,
                         scan: (String) -> Result<EvidenceScan, EvidenceScan.Failure>) -> [Finding] {
        var findings: [Finding] = []
        var referenced: Set<String> = []
        var digests: [String: (file: String, index: Int)] = [:]
        var scans: [String: Result<EvidenceScan, EvidenceScan.Failure>] = [:]
        let realRoot = FileAccess.canonical(root)
        let documentPath = FileAccess.canonical(document)
        /// The bundle's files other than the document, relative to its root: walked once, when needed.
        var bundleFiles: [String]?
        func filesInBundle() -> [String] {
            if let bundleFiles { return bundleFiles }
            let found = allFiles(under: realRoot).filter { $0 != documentPath }
            bundleFiles = found
            return found
        }
        func relativeName(_ file: String) -> String { String(file.dropFirst(realRoot.count + 1)) }
        for (index, item) in application.evidence.enumerated() {
            guard let fileValue = item["file"], let relative = fileValue.text else { continue }
            let path = "evidence[\(index)].file"
            func report(_ rule: String, _ message: String, _ severity: Severity = .error) {
                findings.append(.builtIn(rule, "\(path) \(message)", path: path, at: fileValue.location, severity: severity))
            }
            let full: String, resolved: String
            switch BundlePath.resolve(relative, root: root, realRoot: realRoot) {
            case .failure(.notRelative):
                report("FILE-PATH", "must be a relative path inside the bundle (no '..', no absolute path)")
                continue
            case .failure(.leadsOut):
                report("FILE-PATH", "leads outside the bundle through a link")
                continue
            case .success(let paths):
                (full, resolved) = paths
            }
            referenced.insert(resolved)
            let scanned = scans[resolved] ?? scan(full)
            scans[resolved] = scanned
            let file: EvidenceScan
            switch scanned {
            case .success(let found): file = found
            case .failure(.missing):
                // The listed name is the document's value and is not repeated; a name the bundle
                // holds is a file name, not a value of the document.
                let nearest = NearestName.nearest(to: relative, among: filesInBundle().map(relativeName))
                report("FILE-MISSING", "names a file that is not in the bundle"
                    + (nearest.map { "; the nearest name in the bundle is \($0): check the spelling" } ?? ""))
                continue
            case .failure(.notRegular(let kind)):
                report("FILE-NOT-REGULAR", "is \(kind), not a regular file; it was not read")
                continue
            case .failure(.unreadable):
                report("FILE-UNREADABLE", "could not be read")
                continue
            }
            if file.size == 0 {
                report("FILE-EMPTY", "is an empty file")
                continue
            }
            let fileExtension = (relative as NSString).pathExtension.lowercased()
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
        for file in filesInBundle() where !referenced.contains(file) {
            findings.append(.builtIn("FILE-UNREFERENCED", "\(relativeName(file)) is in the bundle but no evidence item lists it", path: nil, at: nil, severity: .info))
        }
        return findings
    }

    /// Regular files below `root` (itself canonical), hidden files and folders skipped, without
    /// following links out of it; sorted.
    ///
    /// A POSIX walk: entries that are plain files or folders under a canonical root are canonical
    /// already. Links (and file systems that do not report entry types) are resolved as before.
    private static func allFiles(under root: String) -> [String] {
        var files: [String] = []
        var folders = [root]
        while let folder = folders.popLast() {
            guard let stream = opendir(folder) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = folder + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): files.append(path)
                case Int32(DT_DIR): folders.append(path)
                default:
                    var info = stat()
                    if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                        folders.append(path)
                        continue
                    }
                    let url = URL(fileURLWithPath: path)
                    if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                        files.append(url.resolvingSymlinksInPath().standardizedFileURL.path)
                    }
                }
            }
        }
        return files.sorted()
    }
}
