import EHCPTestSupport
import Foundation

enum RepositoryPathsForKit {
    static var localAuthorities: String { RepositoryPaths.localAuthorities }
}

enum NSTemporaryDirectoryPath {
    /// A new empty folder for one test.
    static func make() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ehcp-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
