import EHCPKit
import EHCPTestSupport
import Foundation
import Testing

/// Hostile bundles through the `ehcp` binary: each is refused with exit 2 (never a crash, a hang or
/// a leak of file content) and nothing is written outside the run's own temporary folder.
///
/// Each case runs with `TMPDIR` pointed at a fresh folder, which must be empty again afterwards,
/// and with its bundle in a sibling folder, which must hold only what the test put there. The time
/// bound ("within a second") is measured by `Benchmarks/hostile-inputs.sh`, not here.
@Suite struct HostileInputTests {
    /// A bundle folder and a private `TMPDIR` for one run.
    final class Sandbox {
        let root: String
        var bundle: String { root + "/bundle" }
        var tmp: String { root + "/tmp" }

        init() throws {
            root = try EHCPProcess.temporaryFolder()
            try FileManager.default.createDirectory(atPath: root + "/bundle", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: root)
        }

        func write(_ name: String, _ bytes: some Sequence<UInt8>) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: bundle + "/" + name))
        }

        /// Everything under the sandbox, as paths relative to it.
        func contents() -> Set<String> {
            Set(FileManager.default.subpaths(atPath: root) ?? [])
        }

        /// Runs `ehcp validate TARGET` and checks the run left nothing behind.
        func validate(_ target: String, _ extra: [String] = []) throws -> EHCPProcess.Result {
            let before = contents()
            let result = try EHCPProcess.run(["validate", target] + extra, environment: ["TMPDIR": tmp])
            #expect(contents() == before, "the run left files behind: \(contents().subtracting(before).sorted())")
            return result
        }

        /// Validates `target` (the bundle folder by default) and expects exit 2, naming `reason`.
        func expectRefused(_ target: String? = nil, _ extra: [String] = [], mentioning reason: String? = nil) throws {
            let result = try validate(target ?? bundle, extra)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(reason.map(result.stderr.contains) ?? true, "\(result.stderr)")
        }
    }

    private static let secret = "TOP-SECRET-\(UUID().uuidString)"

    @Test func xmlExternalEntityToALocalFileIsRefused() throws {
        let box = try Sandbox()
        try Data(Self.secret.utf8).write(to: URL(fileURLWithPath: box.root + "/secret.txt"))
        try box.write(
            "application.xml",
            Array(
                """
                <?xml version="1.0"?>
                <!DOCTYPE application [<!ENTITY x SYSTEM "file://\(box.root)/secret.txt">]>
                <application xmlns="urn:ehcp:application:1"><schemaVersion>&x;</schemaVersion></application>
                """.utf8))
        let result = try box.validate(box.bundle, ["--format", "json"])
        #expect(result.status == 2)
        #expect(!(result.stdout + result.stderr).contains(Self.secret))
    }

    @Test func billionLaughsInXMLIsRefused() throws {
        let box = try Sandbox()
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE application [<!ENTITY l0 \"ha\">"
        for level in 1...9 { text += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
        try box.write("application.xml", Array((text + "]>\n<application>&l9;</application>\n").utf8))
        try box.expectRefused()
    }

    @Test func yamlAliasBombIsRefused() throws {
        let box = try Sandbox()
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { text += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n" }
        try box.write("application.yaml", Array(text.utf8))
        try box.expectRefused(mentioning: "nodes")
    }

    @Test(arguments: ["application.yaml", "application.json", "application.xml"])
    func garbageBytesAreRefused(_ name: String) throws {
        let box = try Sandbox()
        var generator = SeededBytes(seed: 5)
        try box.write(name, (0..<65_536).map { _ in generator.next() })
        try box.expectRefused()
    }

    @Test(arguments: ["application.yaml", "application.json", "application.xml"])
    func invalidUTF8IsRefused(_ name: String) throws {
        let box = try Sandbox()
        let text: [UInt8] =
            switch name {
            case "application.xml": Array("<application><schemaVersion>".utf8) + [0xC3, 0x28, 0xFF] + Array("</schemaVersion></application>".utf8)
            case "application.json": Array("{\"schemaVersion\": \"".utf8) + [0xC3, 0x28, 0xFF] + Array("\"}".utf8)
            default: Array("schemaVersion: ".utf8) + [0xC3, 0x28, 0xFF, 0x0A]
            }
        try box.write(name, text)
        try box.expectRefused()
    }

    @Test func aHundredMegabyteScalarIsRefused() throws {
        let box = try Sandbox()
        let scalar = [UInt8](repeating: UInt8(ascii: "x"), count: 100_000_000)
        try box.write("application.yaml", Array("schemaVersion: \"1\"\nnotes: ".utf8) + scalar + [0x0A])
        try box.expectRefused(mentioning: "limit")
    }

    @Test(arguments: ["application.yaml", "application.json", "application.xml"])
    func tenThousandDeepNestingIsRefused(_ name: String) throws {
        let box = try Sandbox()
        let depth = 10_000
        let text =
            switch name {
            case "application.xml": String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
            case "application.json": String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            default: String(repeating: "- ", count: depth) + "x\n"
            }
        try box.write(name, Array(text.utf8))
        try box.expectRefused()
    }
}

/// A small deterministic byte generator (xorshift64*), so garbage inputs are the same every run.
struct SeededBytes {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    }

    mutating func next() -> UInt8 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return UInt8(truncatingIfNeeded: (state &* 0x2545_F491_4F6C_DD1D) >> 56)
    }
}
