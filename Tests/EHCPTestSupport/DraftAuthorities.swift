import Foundation

/// Draft authority folders for tests that run `ehcp` with `--authorities-dir`; each is laid over the
/// published set.
public enum DraftAuthorities {
    /// A new drafts folder holding `935-suffolk/` with an `authority.yaml` (Suffolk's identity,
    /// then `body`) and, when given, a `requirements.yaml`.
    public static func suffolk(_ body: String, requirements: String? = nil) throws -> String {
        let drafts = try EHCPProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: drafts + "/935-suffolk", withIntermediateDirectories: true)
        let header = "code: \"935\"\nname: Suffolk\nslug: suffolk\nregion: East of England\nsubmission: unknown\n"
        try (header + body).write(toFile: drafts + "/935-suffolk/authority.yaml", atomically: true, encoding: .utf8)
        if let requirements { try requirements.write(toFile: drafts + "/935-suffolk/requirements.yaml", atomically: true, encoding: .utf8) }
        return drafts
    }

    /// A new drafts folder holding copies of England's and Norfolk's published folders, with `line`
    /// appended to Norfolk's `authority.yaml`; returns the folder and that file.
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
