import Foundation

/// Folders of the repository, found from this file's own path so tests run from any directory.
public enum RepositoryPaths {
    /// The repository root.
    public static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    public static var localAuthorities: String { root + "/LocalAuthorities" }
    public static var schemas: String { root + "/Schemas" }
    public static var examples: String { root + "/Examples" }
    public static var fixtures: String { root + "/Tests/Fixtures" }

    /// The contents of a repository file as text.
    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
    }
}
