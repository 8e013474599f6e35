import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// Evidence read once per file, in chunks: what type detection sees at each end, a marker cut by
/// a chunk boundary, and one read per file however often it is listed.
@Suite struct EvidenceScanTests {
    func file(_ bytes: [UInt8]) throws -> String {
        let path = try EHCPProcess.temporaryFolder() + "/file"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func headAndTailAreCappedAndTheDigestCoversEverything() throws {
        let bytes = (0..<(3 * EvidenceScan.chunkSize + 123)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let scan = try EvidenceScan.read(try file(bytes)).get()
        #expect(scan.size == bytes.count)
        #expect(scan.head == Array(bytes.prefix(EvidenceScan.sniffLimit)))
        #expect(scan.tail == Array(bytes.suffix(EvidenceScan.sniffLimit)))
        let small = try EvidenceScan.read(try file(Array("hello".utf8))).get()
        #expect(small.head == Array("hello".utf8) && small.tail.isEmpty)
    }

    @Test(arguments: [1, 100, EvidenceScan.chunkSize - 1, EvidenceScan.chunkSize + 5])
    func theTailIsWhatFollowsTheHeadUpToItsLimit(_ extra: Int) throws {
        let bytes = (0..<(EvidenceScan.sniffLimit + extra)).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        let scan = try EvidenceScan.read(try file(bytes)).get()
        #expect(scan.head == Array(bytes.prefix(EvidenceScan.sniffLimit)))
        #expect(scan.tail == Array(bytes.suffix(min(extra, EvidenceScan.sniffLimit))))
    }

    @Test(arguments: [EvidenceScan.chunkSize - 3, EvidenceScan.chunkSize - 8, EvidenceScan.chunkSize, 5 * EvidenceScan.chunkSize + 1])
    func encryptMarkerIsFoundAcrossChunkBoundaries(_ offset: Int) throws {
        var bytes = Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 0x20, count: offset - 9)
        bytes += Array("/Encrypt 5 0 R".utf8) + [UInt8](repeating: 0x20, count: 100)
        #expect(try EvidenceScan.read(try file(bytes)).get().namesEncrypt)
        #expect(try !EvidenceScan.read(try file(Array(bytes.prefix(offset + 4)))).get().namesEncrypt)
    }

    @Test func aDOCXIsRecognisedByTheNamesInItsDirectory() throws {
        // The first entry is a large picture: "word/" appears only in the central directory at the end.
        let bytes = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 3 * EvidenceScan.sniffLimit) + Array("word/document.xml".utf8)
        let scan = try EvidenceScan.read(try file(bytes)).get()
        #expect(FileSniffer.matches(head: scan.head, tail: scan.tail, complete: false, fileExtension: "docx"))
        #expect(!FileSniffer.matches(head: scan.head, tail: scan.tail, complete: false, fileExtension: "odt"))
    }

    @Test func textCutInTheMiddleOfACharacterIsStillText() throws {
        let bytes = Array(String(repeating: "é", count: EvidenceScan.sniffLimit).utf8)
        let scan = try EvidenceScan.read(try file(Array(bytes.dropFirst()))).get()
        #expect(!FileSniffer.matches(head: scan.head, tail: scan.tail, complete: false, fileExtension: "txt"), "starts mid-character")
        let whole = try EvidenceScan.read(try file(bytes)).get()
        #expect(FileSniffer.matches(head: whole.head, tail: whole.tail, complete: false, fileExtension: "txt"))
    }

    @Test func aFileListedManyTimesIsReadOnce() throws {
        let folder = try EHCPProcess.temporaryFolder()
        try FileManager.default.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: folder + "/bundle")
        let document = folder + "/bundle/application.yaml"
        var text = try String(contentsOfFile: document, encoding: .utf8)
        for index in 0..<50 { text += "- id: copy-\(index)\n  type: speech-and-language-report\n  date: 2026-06-12\n  file: evidence/salt-2026.pdf\n" }
        let application = try CanonicalYAMLFormat().read(Array(text.utf8), file: document).application
        let files = CountingFiles(folder: FolderEvidenceFiles(root: folder + "/bundle", document: document))
        let findings = EvidenceFileCheck.findings(application, files: files)
        #expect(files.reads["salt-2026.pdf"] == 1)
        #expect(files.reads.values.allSatisfy { $0 == 1 } && files.reads.count == 7)
        #expect(!findings.contains { $0.severity == .error })
    }
}

/// A bundle folder that counts how often each file is read.
private final class CountingFiles: EvidenceFiles {
    let folder: FolderEvidenceFiles
    var reads: [String: Int] = [:]

    init(folder: FolderEvidenceFiles) { self.folder = folder }

    func locate(_ relative: String) -> Result<String, BundlePath.Problem> { folder.locate(relative) }
    func otherFiles() -> [(key: String, relative: String)] { folder.otherFiles() }
    func size(of key: String) -> UInt64? { folder.size(of: key) }

    func scan(_ key: String) -> Result<EvidenceScan, EvidenceScan.Failure> {
        reads[URL(fileURLWithPath: key).lastPathComponent, default: 0] += 1
        return folder.scan(key)
    }
}
