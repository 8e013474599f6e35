import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// The zip reader's own parsing, entry by entry: zip64 records, names, links, encryption, and
/// entries whose stream, size or CRC-32 disagrees with the directory; and the zips ehcp writes.
@Suite struct ZipFormatTests {
    private typealias Entry = ZipBuilder.Entry

    private static let document = Data("schemaVersion: \"1\"\n".utf8)

    /// The files `zip` unpacks to, by name, or the message it is refused with.
    private func unpack(_ zip: Data) throws -> Result<[String: Data], DiagnosticList> {
        let path = NSTemporaryDirectoryPath.make() + "/test.zip"
        try zip.write(to: URL(fileURLWithPath: path))
        do {
            return .success(
                try ZipBundle.withUnpacked(path, limits: ZipLimits()) { folder in
                    var files: [String: Data] = [:]
                    for name in FileManager.default.subpaths(atPath: folder) ?? [] {
                        var isFolder: ObjCBool = false
                        if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
                            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
                        }
                    }
                    return files
                })
        } catch let list as DiagnosticList {
            return .failure(list)
        }
    }

    private func expectRefused(_ zip: Data, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        switch try unpack(zip) {
        case .success(let files): Issue.record("unpacked \(files.keys.sorted())", sourceLocation: sourceLocation)
        case .failure(let list): #expect("\(list)".contains(message), "\(list)", sourceLocation: sourceLocation)
        }
    }

    private func zip64Entries() -> [Entry] {
        var document = Entry("application.yaml", Self.document)
        document.zip64 = .full
        var evidence = Entry("evidence/report.txt", Data(repeating: 0x41, count: 10_000), deflated: false)
        evidence.zip64 = .full
        return [document, evidence]
    }

    @Test func aZip64ArchiveUnpacks() throws {
        let zip = ZipBuilder(zip64Entries()).finished(zip64: .init())
        let files = try unpack(zip).get()
        #expect(files == ["application.yaml": Self.document, "evidence/report.txt": Data(repeating: 0x41, count: 10_000)])
    }

    @Test func aZip64LocatorPointingOutsideTheFileIsRefused() throws {
        let builder = ZipBuilder(zip64Entries())
        let size = UInt64(builder.finished(zip64: .init()).count)
        for offset in [size, size + 1_000, UInt64.max] {
            try expectRefused(builder.finished(zip64: .init(recordOffset: offset)), "is not a readable zip file")
        }
    }

    @Test func aZip64CountBeyondInt32IsRefused() throws {
        let builder = ZipBuilder(zip64Entries())
        for count in [UInt64(Int32.max) + 1, UInt64.max] {
            try expectRefused(builder.finished(zip64: .init(declaredCount: count)), "is not a readable zip file")
        }
        try expectRefused(builder.finished(zip64: .init(declaredCount: 5_000)), "holds more than 1000 entries (its directory declares 5000")
    }

    @Test(arguments: [0, 8, 16, 23])
    func aZip64ExtraFieldShorterThanItMustBeIsRefused(_ kept: Int) throws {
        var entries = zip64Entries()
        entries[1].zip64 = .truncated(bytes: kept)
        try expectRefused(ZipBuilder(entries).finished(zip64: .init()), "is not a readable zip file")
        // The field's header claims the 24 bytes, but fewer follow before the next record.
        entries[1].zip64 = .truncated(bytes: kept, claimed: 24)
        try expectRefused(ZipBuilder(entries).finished(zip64: .init()), "is not a readable zip file")
    }

    @Test func aNameWithoutTheUTF8FlagIsCodePage437() throws {
        var evidence = Entry("evidence/x", Data("x".utf8))
        evidence.name = Array("evidence/caf".utf8) + [0x82] + Array(".txt".utf8)
        evidence.flags = 0
        let files = try unpack(ZipBuilder([Entry("application.yaml", Self.document), evidence]).finished()).get()
        #expect(files["evidence/café.txt"] == Data("x".utf8), "\(files.keys.sorted())")
    }

    @Test(arguments: [[0xC3, 0x28], [0x61, 0x00, 0x62]] as [[UInt8]])
    func aNameThatIsNotValidTextIsRefused(_ bytes: [UInt8]) throws {
        var evidence = Entry("x", Data("x".utf8))
        evidence.name = bytes
        try expectRefused(ZipBuilder([Entry("application.yaml", Self.document), evidence]).finished(), "has an entry whose name is not valid text")
    }

    @Test func anEncryptedEntryIsRefused() throws {
        var evidence = Entry("evidence/secret.txt", Data("x".utf8))
        evidence.flags |= 1
        try expectRefused(ZipBuilder([Entry("application.yaml", Self.document), evidence]).finished(), "has an encrypted entry")
    }

    @Test func anEntryCompressedOtherwiseThanByDeflateIsRefused() throws {
        var evidence = Entry("evidence/report.txt", Data("x".utf8))
        evidence.declaredMethod = 12  // bzip2
        try expectRefused(ZipBuilder([Entry("application.yaml", Self.document), evidence]).finished(), "has an entry compressed otherwise than by deflate")
    }

    @Test func aLinkEntryIsRefused() throws {
        var link = Entry("evidence/link.pdf", Data("/etc/passwd".utf8), deflated: false)
        link.externalAttributes = 0o120777 << 16
        try expectRefused(ZipBuilder([Entry("application.yaml", Self.document), link]).finished(), "has a link entry")
    }

    @Test func aLocalHeaderNamingAnotherFileIsRefused() throws {
        var evidence = Entry("evidence/a.txt", Data("x".utf8))
        evidence.localName = Array("evidence/b.txt".utf8)
        try expectRefused(ZipBuilder([Entry("application.yaml", Self.document), evidence]).finished(), "has a damaged directory")
    }

    /// Entries whose stream, size or CRC-32 disagree with the directory.
    @Test(arguments: ["size under", "size over", "checksum", "cut short", "bytes after the stream", "not deflate", "stored size"])
    func anEntryDisagreeingWithItsDirectoryIsDamaged(_ lie: String) throws {
        let text = Data(String(repeating: "schemaVersion: \"1\"\n", count: 50).utf8)
        var entry = Entry("application.yaml", text, deflated: lie != "stored size")
        switch lie {
        case "size under": entry.declaredSize = UInt64(text.count - 1)
        case "size over", "stored size": entry.declaredSize = UInt64(text.count + 1)
        case "checksum": entry.declaredChecksum = 0x1234_5678
        case "cut short": entry.alterCompressed = { $0.dropLast(3) }
        case "bytes after the stream": entry.alterCompressed = { $0 + Data([0, 0, 0, 0]) }
        default: entry.alterCompressed = { _ in Data(repeating: 0xFF, count: 64) }
        }
        try expectRefused(ZipBuilder([entry]).finished(), "has a damaged entry")
    }

    @Test func anEmptyEntryMarkedDeflatedWithNoStreamUnpacks() throws {
        var empty = Entry("evidence/empty.txt", Data())
        empty.alterCompressed = { _ in Data() }
        let files = try unpack(ZipBuilder([Entry("application.yaml", Self.document), empty]).finished()).get()
        #expect(files["evidence/empty.txt"] == Data())
    }

    // MARK: - zlib

    /// A stream fed a byte at a time, or whole, into a buffer far smaller than its output inflates
    /// whole; cut short, it is not finished; bytes after its end are counted; garbage is an error.
    @Test func theInflaterTakesAnyChunkingAndKnowsWhenTheStreamEnds() throws {
        // Ending in a long run: its matches give far more output than the buffer holds at once.
        let text = Array(((0..<5_000).map { "line \($0 % 97)\n" }.joined() + String(repeating: "a", count: 1_000)).utf8)
        let deflated = Zlib.deflate(text)
        #expect(Zlib.crc32(text) == Zlib.crc32(text.suffix(from: 10), continuing: Zlib.crc32(text.prefix(10))))
        for cut in [0, 1] {
            let inflater = Zlib.Inflater(bufferSize: 7)
            var output: [UInt8] = []
            for byte in deflated.dropLast(cut) { try inflater.inflate(Data([byte])) { output += $0 } }
            #expect(inflater.finished == (cut == 0))
            #expect(cut == 1 || output == text)
        }
        let whole = Zlib.Inflater(bufferSize: 7)
        var output: [UInt8] = []
        try whole.inflate(Data(deflated)) { output += $0 }
        #expect(whole.finished && output == text)
        let inflater = Zlib.Inflater()
        try inflater.inflate(Data(deflated + [1, 2, 3])) { _ in }
        #expect(inflater.finished && inflater.trailing == 3)
        #expect(throws: Zlib.InflateError.self) { try Zlib.Inflater().inflate(Data(repeating: 0xFF, count: 16)) { _ in } }
    }

    // MARK: - Writing

    private let files = [
        BundleFile(name: "application.yaml", bytes: Array(String(repeating: "schemaVersion: \"1\"\n", count: 40).utf8)),
        BundleFile(name: "evidence/tiny.txt", bytes: [0x41, 0x42]),
        BundleFile(name: "evidence/naïve report.txt", bytes: Array("déjà vu\n".utf8))
    ]

    @Test func aWrittenZipUnpacksToTheSameFiles() throws {
        let zip = Data(try BundleArchive.zip(files))
        let unpacked = try unpack(zip).get()
        #expect(unpacked == Dictionary(uniqueKeysWithValues: files.map { ($0.name, Data($0.bytes)) }))
        #expect(try BundleArchive.zip(files) == Array(zip))
    }

    @Test func aWrittenZipDeflatesWhatShrinksStoresTheRestAndDatesEachEntry() throws {
        let zip = try BundleArchive.zip(files)
        func u16(_ at: Int) -> Int { Int(zip[at]) | Int(zip[at + 1]) << 8 }
        var offset = 0
        var methods: [Int] = []
        for file in files {
            #expect(u16(offset + 6) == 0x0800, "the UTF-8 flag")
            methods.append(u16(offset + 8))
            // 1 January 2026, 00:00:00, in MS-DOS form.
            #expect(u16(offset + 10) == 0 && u16(offset + 12) == (2026 - 1980) << 9 | 1 << 5 | 1)
            offset += 30 + u16(offset + 26) + u16(offset + 28) + Int(zip[offset + 18]) + Int(zip[offset + 19]) << 8
            _ = file
        }
        #expect(methods == [8, 0, 0])
    }

    private static let unzip = ["/usr/bin/unzip", "/bin/unzip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: unzip != nil, "unzip is not installed"))
    func aWrittenZipPassesUnzipsOwnTest() throws {
        let path = NSTemporaryDirectoryPath.make() + "/written.zip"
        try Data(try BundleArchive.zip(files)).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.unzip))
        process.arguments = ["-tq", path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
