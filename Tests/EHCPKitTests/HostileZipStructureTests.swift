import EHCPKit
import EHCPTestSupport
import Foundation
import Testing
import ZIPFoundation

/// Zips whose structure is the attack, built byte by byte here: a directory that declares more
/// entries than allowed, entries sharing their bytes (Fifield's non-recursive zip bomb), many small
/// entries that inflate past the ratio together, two documents of the same name, and a full disk.
@Suite struct HostileZipStructureTests {
    private typealias Sandbox = HostileInputTests.Sandbox

    /// A zip of stored entries, written by hand so its directory can say what a real writer never would.
    struct StoredZip {
        private(set) var bytes = Data()
        private var central = Data()
        private var count = 0

        /// Little-endian fields, each a value and its width in bytes.
        private static func fields(_ values: [(Int, Int)]) -> Data {
            var data = Data()
            for (value, size) in values { data += (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
            return data
        }

        /// Adds a local header, the data and its directory record; returns the header's offset.
        @discardableResult
        mutating func add(_ name: String, _ data: Data) -> Int {
            let offset = bytes.count
            let crc = Int(data.crc32(checksum: 0))
            bytes += Self.fields([(0x0403_4B50, 4), (20, 2), (0x0800, 2), (0, 2), (0, 2), (0x21, 2),
                                  (crc, 4), (data.count, 4), (data.count, 4), (name.utf8.count, 2), (0, 2)])
            bytes += Data(name.utf8) + data
            record(name, data, at: offset)
            return offset
        }

        /// Adds an entry `name` whose stored data is the whole of the entry `quoted` that follows it,
        /// header included: Fifield's overlap, where each entry's data quotes the next entry.
        mutating func addQuoting(_ name: String, _ quoted: String, _ data: Data) {
            let offset = bytes.count
            let quotedSize = 30 + quoted.utf8.count + data.count
            bytes += Self.fields([(0x0403_4B50, 4), (20, 2), (0x0800, 2), (0, 2), (0, 2), (0x21, 2),
                                  (0, 4), (quotedSize, 4), (quotedSize, 4), (name.utf8.count, 2), (0, 2)])
            bytes += Data(name.utf8)
            let start = bytes.count
            add(quoted, data)
            record(name, bytes.subdata(in: start..<bytes.count), at: offset)
        }

        /// Adds a directory record named `name` for data already written at `offset`.
        mutating func record(_ name: String, _ data: Data, at offset: Int) {
            let crc = Int(data.crc32(checksum: 0))
            central += Self.fields([(0x0201_4B50, 4), (0x031E, 2), (20, 2), (0x0800, 2), (0, 2), (0, 2), (0x21, 2),
                                    (crc, 4), (data.count, 4), (data.count, 4), (name.utf8.count, 2), (0, 2), (0, 2),
                                    (0, 2), (0, 2), (0o100644 << 16, 4), (offset, 4)])
            central += Data(name.utf8)
            count += 1
        }

        /// The whole zip; `declaredCount` overrides the entry count in the end record.
        func finished(declaredCount: Int? = nil) -> Data {
            let entries = declaredCount ?? count
            return bytes + central + Self.fields([(0x0605_4B50, 4), (0, 4), (entries, 2), (entries, 2),
                                                  (central.count, 4), (bytes.count, 4), (0, 2)])
        }
    }

    static let document = Data("schemaVersion: \"1\"\n".utf8)

    @Test func theDeclaredEntryCountIsLimitedBeforeTheDirectoryIsRead() throws {
        let box = try Sandbox()
        var zip = StoredZip()
        zip.add("application.yaml", Self.document)
        // The end record claims 60,000 entries; the directory holds one. Walking it first would
        // find it damaged; the count alone is enough to refuse it.
        try zip.finished(declaredCount: 60_000).write(to: URL(fileURLWithPath: box.bundle + "/many.zip"))
        try box.expectRefused(box.bundle + "/many.zip", mentioning: "holds more than 1000 entries (its directory declares 60000")
    }

    @Test func entriesSharingTheirBytesAreRefused() throws {
        let box = try Sandbox()
        var zip = StoredZip()
        zip.add("application.yaml", Self.document)
        let kernel = Data(repeating: 0x41, count: 4096)
        let offset = zip.add("evidence/a.txt", kernel)
        for index in 0..<3 { zip.record("evidence/copy-\(index).txt", kernel, at: offset) }
        try zip.finished().write(to: URL(fileURLWithPath: box.bundle + "/overlap.zip"))
        try box.expectRefused(box.bundle + "/overlap.zip", mentioning: "entries that share their bytes, as non-recursive zip bombs do")
    }

    @Test func anEntryQuotingTheNextIsRefused() throws {
        let box = try Sandbox()
        var zip = StoredZip()
        zip.add("application.yaml", Self.document)
        zip.addQuoting("evidence/outer.txt", "evidence/inner.txt", Data(repeating: 0x41, count: 4096))
        try zip.finished().write(to: URL(fileURLWithPath: box.bundle + "/quoted.zip"))
        try box.expectRefused(box.bundle + "/quoted.zip", mentioning: "entries that share their bytes")
    }

    @Test func twoDocumentsOfTheSameNameAreRefused() throws {
        let box = try Sandbox()
        var zip = StoredZip()
        zip.add("application.yaml", Self.document)
        zip.add("application.yaml", Data("schemaVersion: \"1\"\nauthority: \"926\"\n".utf8))
        try zip.finished().write(to: URL(fileURLWithPath: box.bundle + "/twice.zip"))
        try box.expectRefused(box.bundle + "/twice.zip", mentioning: "holds two entries with the same name (such as two application documents)")
    }

    @Test func manySmallEntriesOverTheRatioTogetherAreRefused() throws {
        let box = try Sandbox()
        // Each entry inflates to 1 MiB, under the size at which one entry's ratio is held against
        // it; together they inflate a thousand times over.
        let path = box.bundle + "/spread.zip"
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        try archive.addEntry(with: "application.yaml", type: .file, uncompressedSize: Int64(Self.document.count), compressionMethod: .none) { _, _ in Self.document }
        let megabyte = Data(count: 1 << 20)
        for index in 0..<20 {
            try archive.addEntry(with: "evidence/\(index).txt", type: .file, uncompressedSize: Int64(megabyte.count), compressionMethod: .deflate) { position, size in
                megabyte.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try box.expectRefused(path, mentioning: "unpacks as a whole to more than 100:1, as zip bombs do")
    }

    @Test func aWriteThatFailsWhileUnpackingIsAnErrorAndLeavesNothing() throws {
        let box = try Sandbox()
        var zip = StoredZip()
        zip.add("application.yaml", Self.document)
        zip.add("evidence/report.txt", Data(repeating: 0x41, count: 8192))
        try zip.finished().write(to: URL(fileURLWithPath: box.bundle + "/full.zip"))
        let before = box.contents()
        // Past 4 KiB write(2) fails, as on a full disk.
        let result = try EHCPProcess.runWithFileSizeLimit(blocks: 8, ["validate", box.bundle + "/full.zip"], environment: ["TMPDIR": box.tmp])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("full.zip: could not be unpacked: File too large"), "\(result.stderr)")
        #expect(box.contents() == before, "\(box.contents().subtracting(before).sorted())")
    }
}
