import Foundation

/// Runs the `ehcp` binary built beside the tests.
public enum EHCPProcess {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The built binary: the test bundle's folder holds the products of the same build, and the
    /// CLI tests depend on the `ehcp` target, so the binary is built before they run.
    public static var binary: String { product("ehcp") }

    /// The executable `name` built by the same build as the tests.
    public static func product(_ name: String) -> String {
        let products =
            Bundle.allBundles.map(\.bundleURL).first { $0.pathExtension == "xctest" }?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return products.appendingPathComponent(name).path
    }

    /// Runs `executable` (by default the built `ehcp`) with `arguments` and waits for it, in
    /// `workingDirectory` when given.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], executable: String = binary,
        workingDirectory: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory.map { URL(fileURLWithPath: $0) }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A new empty folder under the system's temporary directory.
    public static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ehcp-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
