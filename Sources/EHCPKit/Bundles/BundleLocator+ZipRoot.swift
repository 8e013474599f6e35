extension BundleLocator {
    /// Folders a zip tool adds beside what was zipped (macOS's resource forks).
    static let zipToolFolders: Set<String> = ["__MACOSX"]

    /// Where an unpacked zip's bundle is: the folder itself, or, when it holds no document and
    /// nothing but one folder (a bundle zipped with its folder, as the file managers of Windows
    /// and macOS do, with macOS's `__MACOSX` beside it), that folder.
    public static func contentRoot(ofUnpacked folder: String) -> String {
        guard !holdsCanonicalDocument(folder) else { return folder }
        let entries = FileAccess.list(folder).filter { !$0.hasPrefix(".") && !zipToolFolders.contains($0) }
        guard entries.count == 1, FileAccess.isDirectory(folder + "/" + entries[0]) else { return folder }
        return folder + "/" + entries[0]
    }
}
