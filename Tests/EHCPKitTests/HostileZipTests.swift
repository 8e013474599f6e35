import EHCPKit
import EHCPTestSupport
import Foundation
import Testing

/// Hostile zipped bundles through the `ehcp` binary: refused with exit 2, nothing written outside
/// the private temporary folder, and that folder gone afterwards, interrupted or not.
@Suite struct HostileZipTests {
    private typealias Sandbox = HostileInputTests.Sandbox

    private static func zip(_ path: String, _ entries: [(String, Data)]) throws {
        try ZipBuilder(entries.map { ZipBuilder.Entry($0, $1) }).write(to: path)
    }

    /// A zip holding 1 GiB of zeros, deflated as it is written (about 1 MiB on disk), made once
    /// and kept in the system's temporary folder for later runs.
    private static let bomb: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ehcp-test-zeros-bomb-1gib.zip").path
        if FileAccess.exists(path) { return path }
        let partial = path + ".\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: partial) }
        try! ZipBuilder([
            .init("application.yaml", Data("schemaVersion: \"1\"\n\n".utf8), deflated: false),
            .init("evidence/zeros.pdf", .zeros(1 << 30))
        ]).write(to: partial)
        _ = rename(partial, path)
        return path
    }()

    @Test(arguments: ["../escape.txt", "evidence/../../escape.txt", "ABSOLUTE"])
    func zipSlipIsRefused(_ name: String) throws {
        let box = try Sandbox()
        let entry = name == "ABSOLUTE" ? box.root + "/escape.txt" : name
        try Self.zip(box.bundle + "/slip.zip", [("application.yaml", Data("schemaVersion: \"1\"\n".utf8)), (entry, Data("boom".utf8))])
        try box.expectRefused(box.bundle + "/slip.zip", mentioning: "climbs out")
    }

    /// A zip entry's name reaches the report (an unlisted file): its control characters are shown, not sent to the terminal.
    @Test func controlCharactersInAnEntryNameAreShownNotSent() throws {
        let folder = try EHCPProcess.temporaryFolder()
        let example = RepositoryPaths.examples + "/riverside-request"
        var entries = [("application.yaml", try Data(contentsOf: URL(fileURLWithPath: example + "/application.yaml")))]
        for file in FileAccess.list(example + "/evidence") {
            entries.append(("evidence/" + file, try Data(contentsOf: URL(fileURLWithPath: example + "/evidence/" + file))))
        }
        entries.append(("evidence/\u{1B}]0;owned\u{07}\r.pdf", entries[1].1))
        try Self.zip(folder + "/request.zip", entries)
        let result = try EHCPProcess.run(["validate", folder + "/request.zip"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(result.stdout.contains(#"FILE-UNREFERENCED: evidence/\u{1B}]0;owned\u{7}\u{D}.pdf is in the bundle"#), "\(result.stdout)")
    }

    @Test func zipBombOfOneGibibyteIsRefused() throws {
        let box = try Sandbox()
        try box.expectRefused(Self.bomb, mentioning: "zip bombs")
    }

    @Test func declaredTotalOverTheLimitIsRefusedBeforeUnpacking() throws {
        let box = try Sandbox()
        let megabyte = Data(repeating: 0x41, count: 1 << 20)
        try Self.zip(
            box.bundle + "/large.zip", [("application.yaml", Data("schemaVersion: \"1\"\n".utf8)), ("evidence/a.txt", megabyte), ("evidence/b.txt", megabyte)])
        try box.expectRefused(box.bundle + "/large.zip", ["--max-total-size", "1", "--max-ratio", "100000"], mentioning: "more than 1 MiB")
    }

    /// Found by the zip fuzz target: a deflate stream that does not end inside its entry made the
    /// unpacker read to the end of the file and then spin there for ever.
    @Test func deflateStreamRunningPastItsEntryIsDamagedNotAHang() throws {
        let box = try Sandbox()
        let path = box.bundle + "/truncated.zip"
        try Self.zip(path, [("application.yaml", Data(String(repeating: "schemaVersion: \"1\"\n", count: 20).utf8))])
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // The first entry's data follows its 30-byte local header and its name. A stored block that
        // is not the last and claims 65,535 bytes sends the inflater past the entry.
        let dataOffset = 30 + Int(bytes[26]) + Int(bytes[27]) << 8 + Int(bytes[28]) + Int(bytes[29]) << 8
        bytes.replaceSubrange(dataOffset..<dataOffset + 5, with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
        try bytes.write(to: URL(fileURLWithPath: path))
        try box.expectRefused(path, mentioning: "damaged")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func interruptWhileUnpackingLeavesNoTemporaryFolder(_ signal: Int32) throws {
        let box = try Sandbox()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: EHCPProcess.binary)
        // Limits raised so the bomb is unpacked for long enough to be interrupted.
        process.arguments = ["validate", Self.bomb, "--max-ratio", "100000", "--max-total-size", "4096"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": box.tmp]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline, Self.unpackedBytes(in: box.tmp) < 8 << 20 {
            usleep(5_000)
        }
        #expect(process.isRunning, "the unpacking ended before it could be interrupted")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(FileAccess.list(box.tmp).isEmpty, "left behind: \(FileAccess.list(box.tmp))")
    }

    private static func unpackedBytes(in folder: String) -> Int {
        let files = FileManager.default.subpaths(atPath: folder) ?? []
        return files.compactMap { try? FileManager.default.attributesOfItem(atPath: folder + "/" + $0)[.size] as? Int }.reduce(0, +)
    }
}
