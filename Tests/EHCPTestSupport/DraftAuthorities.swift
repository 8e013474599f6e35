import Foundation

/// A copy of the published rule sets for England and Norfolk in a new folder, for tests that give
/// an authority a draft setting (`--authorities-dir`).
public enum DraftAuthorities {
    /// The folder, with `line` appended to Norfolk's `authority.yaml`; returns the folder and that file.
    public static func norfolk(appending line: String) throws -> (folder: String, metadata: String) {
        let drafts = try EHCPProcess.temporaryFolder()
        let manager = FileManager.default
        try manager.copyItem(atPath: RepositoryPaths.localAuthorities + "/england", toPath: drafts + "/england")
        try manager.copyItem(atPath: RepositoryPaths.localAuthorities + "/926-norfolk", toPath: drafts + "/926-norfolk")
        let metadata = drafts + "/926-norfolk/authority.yaml"
        try (try String(contentsOfFile: metadata, encoding: .utf8) + line + "\n").write(toFile: metadata, atomically: true, encoding: .utf8)
        return (drafts, metadata)
    }
}
