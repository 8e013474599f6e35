extension BundleLocator {
    /// Folders a zip tool adds beside what was zipped (macOS's resource forks).
    static let zipToolFolders: Set<String> = ["__MACOSX"]

    /// Where an unpacked zip's bundle is: the folder itself, or, when it holds no document and
    /// nothing but one folder (a bundle zipped with its folder, as the file managers of Windows
    /// and macOS do, with macOS's `__MACOSX` beside it), that folder. The root is named as `folder` is, so its files are named as places inside the zip.
    static func contentRoot(ofUnpacked folder: NamedPath) -> NamedPath {
        guard !holdsCanonicalDocument(folder.path) else { return folder }
        let entries = FileAccess.list(folder.path).filter { !$0.hasPrefix(".") && !zipToolFolders.contains($0) }
        guard entries.count == 1, FileAccess.isDirectory(folder.path + "/" + entries[0]) else { return folder }
        return folder.appending(entries[0])
    }
}
