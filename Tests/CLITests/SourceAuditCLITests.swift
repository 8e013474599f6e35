import EHCPTestSupport
import Foundation
import Testing

/// `ehcp rules sources`: what to re-check first, authority by authority.
@Suite struct SourceAuditCLITests {
    @Test func listsOldAndSecondHandSourcesWithTheirReasons() throws {
        let drafts = try DraftAuthorities.suffolk(
            """
            result: nothing-beyond-law
            sources:
              - { url: "https://example.org/fresh", read: 2026-11-30, grade: current-page }
              - { url: "https://example.org/old", read: 2025-02-01, grade: dated-document, published: "2019" }
              - { url: "https://example.org/copy", read: 2026-11-30, grade: secondary-copy }
              - { url: "https://web.archive.org/old", read: 2026-11-30, grade: archive }

            """)
        let result = try EHCPProcess.run(["rules", "sources", "--before", "2026-06-01", "--authorities-dir", drafts])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("935 Suffolk (East of England)\n"))
        #expect(result.stdout.contains("  https://example.org/old\n    read 2025-02-01, before 2026-06-01\n"))
        #expect(result.stdout.contains("  https://example.org/copy\n    a secondary copy\n"))
        #expect(result.stdout.contains("  https://web.archive.org/old\n    an archived page\n"))
        #expect(!result.stdout.contains("example.org/fresh"))

        let json = try EHCPProcess.run(["rules", "sources", "--format", "json", "--authorities-dir", drafts])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let suffolk = items.filter { $0["code"] as? String == "935" }
        #expect(
            suffolk.compactMap { $0["url"] as? String } == ["https://example.org/copy", "https://web.archive.org/old"], "without --before only grades count")
        #expect(suffolk.first?["grade"] as? String == "secondary-copy")

        let bad = try EHCPProcess.run(["rules", "sources", "--before", "last spring"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--before 'last spring' is not a date (YYYY-MM-DD)"))
    }
}
