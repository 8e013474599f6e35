import EHCPSource
import Foundation

/// The files of a bundle, as the evidence checks see them: a folder on disk, or files held in memory.
protocol EvidenceFiles {
    /// Where the evidence path `relative` leads: a key naming one file of the bundle (two names of
    /// one file give one key), or why it is refused.
    func locate(_ relative: String) -> Result<String, BundlePath.Problem>
    /// The file a key names, read once: its size, digest and the bytes that tell its type.
    func scan(_ key: String) -> Result<EvidenceScan, EvidenceScan.Failure>
    /// Every file of the bundle but its document, hidden ones left out: its key and the path shown
    /// for it; sorted.
    func otherFiles() -> [(key: String, relative: String)]
    /// The size of the regular file a key names, without reading it.
    func size(of key: String) -> UInt64?
}

/// A bundle folder on disk; keys are canonical paths. Files are streamed, never read whole.
///
/// Where each listed name leads, and the folder's listing, are found once and shared by the
/// checks and the enclosure list that ask for them.
struct FolderEvidenceFiles: EvidenceFiles {
    let root: String
    let document: String
    private let realRoot: String
    private let found = Found()

    /// What has been found already, by the listed name.
    private final class Found {
        var located: [String: Result<String, BundlePath.Problem>] = [:]
        var otherFiles: [(key: String, relative: String)]?
    }

    init(root: String, document: String) {
        self.root = root
        self.document = document
        realRoot = FileAccess.canonical(root)
    }

    func locate(_ relative: String) -> Result<String, BundlePath.Problem> {
        if let known = found.located[relative] { return known }
        let located = BundlePath.resolve(relative, root: root, realRoot: realRoot).map(\.resolved)
        found.located[relative] = located
        return located
    }

    func scan(_ key: String) -> Result<EvidenceScan, EvidenceScan.Failure> {
        EvidenceScan.read(key)
    }

    func size(of key: String) -> UInt64? {
        var info = stat()
        guard stat(key, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return UInt64(max(info.st_size, 0))
    }

    func otherFiles() -> [(key: String, relative: String)] {
        if let known = found.otherFiles { return known }
        let documentPath = FileAccess.canonical(document)
        let rootLength = realRoot.utf8.count + 1
        let files = Self.allFiles(under: realRoot).filter { $0 != documentPath }.map { file in
            // By bytes when ASCII; by characters otherwise, as the root's last may join the next.
            (file, file.utf8.allSatisfy { $0 < 0x80 } ? String(Substring(file.utf8.dropFirst(rootLength))) : String(file.dropFirst(realRoot.count + 1)))
        }
        found.otherFiles = files
        return files
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
