import EHCPKit
import EHCPTestSupport
import Foundation
import Testing

/// Zips whose structure is the attack, built byte by byte here: a directory that declares more
/// entries than allowed, entries sharing their bytes (Fifield's non-recursive zip bomb), many small
/// entries that inflate past the ratio together, two documents of the same name, and a full disk.
@Suite struct HostileZipStructureTests {
    private typealias Sandbox = HostileInputTests.Sandbox
    private typealias Entry = ZipBuilder.Entry

    /// A zip holding `application.yaml`, stored.
    private static func started() -> ZipBuilder {
        ZipBuilder([Entry("application.yaml", document, deflated: false)])
    }

    static let document = Data("schemaVersion: \"1\"\n".utf8)

    @Test func theDeclaredEntryCountIsLimitedBeforeTheDirectoryIsRead() throws {
        let box = try Sandbox()
        let zip = Self.started()
        // The end record claims 60,000 entries; the directory holds one. Walking it first would
        // find it damaged; the count alone is enough to refuse it.
        try zip.finished(declaredCount: 60_000).write(to: URL(fileURLWithPath: box.bundle + "/many.zip"))
        try box.expectRefused(box.bundle + "/many.zip", mentioning: "holds more than 1000 entries (its directory declares 60000")
    }

    @Test func entriesSharingTheirBytesAreRefused() throws {
        let box = try Sandbox()
        var zip = Self.started()
        let kernel = Data(repeating: 0x41, count: 4096)
        let written = zip.add(Entry("evidence/a.txt", kernel, deflated: false))
        for index in 0..<3 { zip.record(written, as: "evidence/copy-\(index).txt") }
        try zip.finished().write(to: URL(fileURLWithPath: box.bundle + "/overlap.zip"))
        try box.expectRefused(box.bundle + "/overlap.zip", mentioning: "entries that share their bytes, as non-recursive zip bombs do")
    }

    @Test func anEntryQuotingTheNextIsRefused() throws {
        let box = try Sandbox()
        var zip = Self.started()
        // The outer entry's stored data is the whole of the inner entry, header included:
        // Fifield's overlap, where each entry's data quotes the next.
        var inner = ZipBuilder()
        let quoted = inner.writeLocal(Entry("evidence/inner.txt", Data(repeating: 0x41, count: 4096), deflated: false))
        let outer = zip.add(Entry("evidence/outer.txt", inner.bytes, deflated: false))
        zip.record(quoted, at: outer.offset + 30 + "evidence/outer.txt".utf8.count)
        try zip.finished().write(to: URL(fileURLWithPath: box.bundle + "/quoted.zip"))
        try box.expectRefused(box.bundle + "/quoted.zip", mentioning: "entries that share their bytes")
    }

    @Test func twoDocumentsOfTheSameNameAreRefused() throws {
        let box = try Sandbox()
        var zip = Self.started()
        zip.add(Entry("application.yaml", Data("schemaVersion: \"1\"\nauthority: \"926\"\n".utf8), deflated: false))
        try zip.finished().write(to: URL(fileURLWithPath: box.bundle + "/twice.zip"))
        try box.expectRefused(box.bundle + "/twice.zip", mentioning: "holds two entries with the same name (such as two application documents)")
    }

    @Test func manySmallEntriesOverTheRatioTogetherAreRefused() throws {
        let box = try Sandbox()
        // Each entry inflates to 1 MiB, under the size at which one entry's ratio is held against
        // it; together they inflate a thousand times over.
        let path = box.bundle + "/spread.zip"
        var zip = Self.started()
        for index in 0..<20 { zip.add(Entry("evidence/\(index).txt", .zeros(1 << 20))) }
        try zip.write(to: path)
        try box.expectRefused(path, mentioning: "unpacks as a whole to more than 100:1, as zip bombs do")
    }

    @Test func aWriteThatFailsWhileUnpackingIsAnErrorAndLeavesNothing() throws {
        let box = try Sandbox()
        var zip = Self.started()
        zip.add(Entry("evidence/report.txt", Data(repeating: 0x41, count: 8192), deflated: false))
        try zip.finished().write(to: URL(fileURLWithPath: box.bundle + "/full.zip"))
        let before = box.contents()
        // Past 4 KiB write(2) fails, as on a full disk.
        let result = try EHCPProcess.runWithFileSizeLimit(blocks: 8, ["validate", box.bundle + "/full.zip"], environment: ["TMPDIR": box.tmp])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("full.zip: could not be unpacked: File too large"), "\(result.stderr)")
        #expect(box.contents() == before, "\(box.contents().subtracting(before).sorted())")
    }
}
