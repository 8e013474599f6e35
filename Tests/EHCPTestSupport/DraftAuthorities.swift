import Foundation

/// Draft authority folders for tests that run `ehcp` with `--authorities-dir`.
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
}
