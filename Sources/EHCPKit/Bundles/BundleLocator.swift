import EHCPSource

/// Finds the application document of a bundle directory.
public enum BundleLocator {
    /// The canonical document names a bundle may hold at its root.
    public static let documentNames = ["application.yaml", "application.yml", "application.json", "application.xml"]

    /// The document path for `path`: the file itself, or the one application document in a directory.
    public static func document(in path: String) throws -> String {
        guard FileAccess.isDirectory(path) else { return path }
        let present = documentNames.filter { FileAccess.exists(path + "/" + $0) }
        guard present.count == 1 else {
            let problem = present.isEmpty
                ? "holds no application document (expected one of \(documentNames.joined(separator: ", ")))"
                : "holds \(present.count) application documents (\(present.joined(separator: ", "))); exactly one is expected"
            throw DiagnosticList([.error("\(path): the bundle \(problem)", at: nil)])
        }
        return path + "/" + present[0]
    }

    /// The bundles named by `path`: the path itself when it is a bundle (or a document or zip),
    /// or else, for a folder of bundles, every sub-folder holding an application document and every
    /// `.zip` in it, sorted by name.
    public static func expand(_ path: String) -> [String] {
        guard FileAccess.isDirectory(path), !documentNames.contains(where: { FileAccess.exists(path + "/" + $0) }) else {
            return [path]
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let bundles = FileAccess.list(path).map { base + "/" + $0 }.filter { child in
            child.lowercased().hasSuffix(".zip")
                || (FileAccess.isDirectory(child) && documentNames.contains { FileAccess.exists(child + "/" + $0) })
        }
        return bundles.isEmpty ? [path] : bundles
    }
}
