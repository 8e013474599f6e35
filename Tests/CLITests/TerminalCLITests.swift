import EHCPTestSupport
import Foundation
import Testing

/// Whether util-linux `script` exists and can open a pseudo-terminal here (some containers have
/// no /dev/pts); the terminal tests are skipped, not failed, without one.
enum PseudoTerminal {
    static let works: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        probe.arguments = ["-qec", "test -t 1", "/dev/null"]
        probe.standardInput = FileHandle.nullDevice
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()
}

/// What ehcp does on a terminal, run under a pseudo-terminal made by util-linux `script`.
@Suite(.enabled(if: PseudoTerminal.works, "needs util-linux script and a pseudo-terminal"))
struct TerminalCLITests {
    let examples = RepositoryPaths.localAuthorities + "/926-norfolk/examples"

    /// Runs ehcp with stdout and stderr on one pseudo-terminal; returns everything it showed.
    func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([EHCPProcess.binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-qec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func progressBarCountsBundlesWithoutNamingThem() throws {
        let folder = try EHCPProcess.temporaryFolder()
        let shown = try onTerminal(["validate", examples, "--jobs", "2", "--format", "json", "--output", folder + "/report.json"])
        #expect(shown.contains("6/6 bundles checked"))
        #expect(shown.contains("[##############################]"))
        for name in ["fails", "passes", "stale-evidence", "parent-request", "own-format", "referral.xml", "Thornbury"] {
            #expect(!shown.contains(name), "progress shows \(name)")
        }
    }

    @Test func colourOnATerminalUnlessNoColour() throws {
        let coloured = try onTerminal(["validate", examples + "/fails"])
        #expect(coloured.contains("\u{1B}[31mErrors (4)\u{1B}[0m"))
        let plain = try onTerminal(["validate", examples + "/fails"], environment: ["NO_COLOR": "1"])
        #expect(plain.contains("Errors (4)") && !plain.contains("\u{1B}["))
    }
}
