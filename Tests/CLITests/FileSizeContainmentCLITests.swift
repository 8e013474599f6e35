import EHCPTestSupport
import Foundation
import Testing

/// `FILE-TOO-LARGE` measures only files inside the bundle: a link out is `FILE-PATH`, and the size
/// of what it leads to is never looked at (it would tell the size of any file on the machine).
@Suite struct FileSizeContainmentCLITests {
    @Test func aLinkOutIsNotMeasured() throws {
        let drafts = try DraftAuthorities.norfolk(appending: "maxFileSize: 100 KB").folder
        let manager = FileManager.default
        let bundle = drafts + "/bundle"
        try manager.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: bundle)
        try Data(count: 300 << 10).write(to: URL(fileURLWithPath: drafts + "/outside.pdf"))
        try manager.removeItem(atPath: bundle + "/evidence/salt-2026.pdf")
        try manager.createSymbolicLink(atPath: bundle + "/evidence/salt-2026.pdf", withDestinationPath: drafts + "/outside.pdf")
        let result = try EHCPProcess.run(["validate", bundle, "--authorities-dir", drafts])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FILE-PATH: the 1st evidence item's file leads outside the bundle through a link"), "\(result.stdout)")
        #expect(!result.stdout.contains("FILE-TOO-LARGE"), "\(result.stdout)")
        // The same file inside the bundle is measured.
        try manager.removeItem(atPath: bundle + "/evidence/salt-2026.pdf")
        try manager.copyItem(atPath: drafts + "/outside.pdf", toPath: bundle + "/evidence/salt-2026.pdf")
        let inside = try EHCPProcess.run(["validate", bundle, "--authorities-dir", drafts])
        #expect(inside.stdout.contains("FILE-TOO-LARGE: the 1st evidence item's file is 300 KB; Norfolk accepts files of at most 100 KB"), "\(inside.stdout)")
    }
}
