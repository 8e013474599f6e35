import Foundation

/// The files of a bundle, as the evidence checks see them: a folder on disk, or files held in memory.
public protocol EvidenceFiles {
    /// What the evidence path `relative` (already checked to be relative, without `..`) names.
    func lookup(_ relative: String) -> EvidenceLookup
    /// Every file of the bundle but its document, hidden ones left out: a key comparable with
    /// ``EvidenceLookup`` keys, and the path shown for it; sorted.
    func otherFiles() -> [(key: String, relative: String)]
    /// The size of the file `relative` names, when there is one.
    func size(of relative: String) -> UInt64?
}

/// What an evidence path names; each key identifies one file of the bundle.
public enum EvidenceLookup {
    case outside
    case missing(key: String)
    case unreadable(key: String)
    case found(key: String, bytes: [UInt8])
}

/// A bundle folder on disk; keys are canonical paths, so two names of one file are one key.
public struct FolderEvidenceFiles: EvidenceFiles {
    public let root: String
    public let document: String
    private let realRoot: String

    public init(root: String, document: String) {
        self.root = root
        self.document = document
        realRoot = Self.canonical(root)
    }

    public func lookup(_ relative: String) -> EvidenceLookup {
        let full = root + "/" + relative
        let resolved = Self.canonical(full)
        guard resolved.hasPrefix(realRoot + "/") else { return .outside }
        guard FileAccess.exists(full), !FileAccess.isDirectory(full) else { return .missing(key: resolved) }
        guard let bytes = try? FileAccess.read(full) else { return .unreadable(key: resolved) }
        return .found(key: resolved, bytes: bytes)
    }

    public func otherFiles() -> [(key: String, relative: String)] {
        let documentPath = Self.canonical(document)
        return Self.allFiles(under: realRoot).filter { $0 != documentPath }.map { ($0, String($0.dropFirst(realRoot.count + 1))) }
    }

    public func size(of relative: String) -> UInt64? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + relative)
        return (attributes?[.size] as? NSNumber)?.uint64Value
    }

    /// `path` with links resolved and `.`/`..` removed: realpath(3) for a path that exists, else
    /// Foundation's resolution, which also handles paths that do not exist.
    private static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
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
