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
}
