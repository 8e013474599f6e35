import EHCPTestSupport
import Foundation
import Testing

/// What a bundle holds is read only when it is a regular file inside the bundle: a FIFO, device
/// or socket is refused before it can block, a document linked from outside is not read, and
/// evidence is streamed, so neither its size nor how often it is listed costs memory or repeats.
@Suite struct InputSafetyCLITests {
    let manager = FileManager.default

    /// A copy of the example bundle in a new folder; returns the folder and the bundle.
    func workspace() throws -> (folder: String, bundle: String) {
        let folder = try EHCPProcess.temporaryFolder()
        try manager.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: folder + "/bundle")
        return (folder, folder + "/bundle")
    }

    func replaceWithFIFO(_ path: String) throws {
        try manager.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
    }

    @Test func aFIFOAsEvidenceIsReportedNotOpened() throws {
        let (_, bundle) = try workspace()
        try replaceWithFIFO(bundle + "/evidence/salt-2026.pdf")
        let result = try EHCPProcess.run(["validate", bundle])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stdout.contains("FILE-NOT-REGULAR: the 1st evidence item's file is a FIFO (named pipe), not a regular file; it was not read"),
            "\(result.stdout)")
    }

    /// Making a device node needs root; elsewhere the FIFO tests cover the same path.
    @Test(.enabled(if: getuid() == 0)) func aZeroDeviceAsEvidenceIsReportedNotRead() throws {
        let (_, bundle) = try workspace()
        let path = bundle + "/evidence/salt-2026.pdf"
        try manager.removeItem(atPath: path)
        // Major 1, minor 5: the node /dev/zero is, which would feed zeros for ever.
        #expect(mknod(path, S_IFCHR | 0o600, dev_t(1 << 8 | 5)) == 0)
        let result = try EHCPProcess.run(["validate", bundle])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stdout.contains("FILE-NOT-REGULAR: the 1st evidence item's file is a character device, not a regular file; it was not read"),
            "\(result.stdout)")
    }

    @Test func aFIFOAsTheDocumentIsRefused() throws {
        let (_, bundle) = try workspace()
        try replaceWithFIFO(bundle + "/application.yaml")
        let result = try EHCPProcess.run(["validate", bundle])
        #expect(result.status == 2)
        #expect(result.stderr.contains("application.yaml is a FIFO (named pipe), not a regular file; it was not read"), "\(result.stderr)")
        let converted = try EHCPProcess.run(["convert", bundle + "/application.yaml", "--to", "canonical-json"])
        #expect(converted.status == 2 && converted.stderr.contains("is a FIFO"), "\(converted.stderr)")
    }

    @Test func aFIFONamedZipIsRefused() throws {
        let (folder, _) = try workspace()
        let fifo = folder + "/intake.zip"
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try EHCPProcess.run(["validate", fifo])
        #expect(result.status == 2)
        #expect(result.stderr.contains("intake.zip is a FIFO (named pipe), not a regular file"), "\(result.stderr)")
        // In a batch it is one failure among the others, not a stall.
        let batch = try EHCPProcess.run(["validate", folder])
        #expect(batch.status == 2)
        #expect(batch.stdout.contains("No errors"), "\(batch.stdout)")
    }

    @Test func aDocumentLinkedFromOutsideIsNotRead() throws {
        let (folder, bundle) = try workspace()
        let secret = "secret-\(UUID().uuidString)"
        try "\(secret): x\nsecond-\(secret): y\n".write(toFile: folder + "/passwords", atomically: false, encoding: .utf8)
        try manager.removeItem(atPath: bundle + "/application.yaml")
        try manager.createSymbolicLink(atPath: bundle + "/application.yaml", withDestinationPath: folder + "/passwords")
        for format in ["text", "json"] {
            let result = try EHCPProcess.run(["validate", bundle, "--format", format])
            #expect(result.status == 2)
            #expect(result.stderr.contains("application.yaml leads outside the bundle through a link; it was not read"), "\(result.stderr)")
            #expect(!(result.stdout + result.stderr).contains(secret))
        }
    }

    @Test func aLargeSparseFileIsStreamed() throws {
        let (_, bundle) = try workspace()
        // 1 GiB that takes no disk, read under a 600 MB address-space limit: reading it whole
        // could not even be allocated.
        let file = bundle + "/evidence/salt-2026.pdf"
        try manager.removeItem(atPath: file)
        #expect(manager.createFile(atPath: file, contents: nil) && truncate(file, 1 << 30) == 0)
        let result = try EHCPProcess.run(
            ["-c", "ulimit -v 600000; exec \"$0\" \"$@\"", EHCPProcess.binary, "validate", bundle, "--jobs", "1"],
            executable: "/bin/sh")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("FILE-TYPE: the 1st evidence item's file"), "\(result.stdout)")
    }

    @Test func evidenceListedThousandsOfTimesIsCheckedItemByItem() throws {
        let (_, bundle) = try workspace()
        let document = bundle + "/application.yaml"
        var text = try String(contentsOfFile: document, encoding: .utf8)
        for index in 0..<2_000 {
            text += "- id: copy-\(index)\n  type: speech-and-language-report\n  date: 2026-06-12\n  file: evidence/salt-2026.pdf\n"
        }
        try text.write(toFile: document, atomically: false, encoding: .utf8)
        let result = try EHCPProcess.run(["validate", bundle, "--format", "json"])
        #expect(result.status != 2, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rules = (object["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        // The same file listed again is not a duplicate of itself, and every listing finds it.
        #expect(!rules.contains { $0.hasPrefix("FILE-") }, "\(Set(rules))")
    }
}
