import EHCPSource
import Foundation

/// Reading and writing files with errors a user can act on, and writes that are atomic.
public enum FileAccess {
    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The bytes of `path`.
    ///
    /// - Parameter limit: the most bytes accepted; a larger file is refused before it is read, so a
    ///   huge document costs no memory.
    /// - Throws: ``DiagnosticList`` naming the file when it cannot be read or is over `limit`.
    public static func read(_ path: String, limit: Int? = nil) throws -> [UInt8] {
        guard exists(path) else { throw DiagnosticList([.error("\(path): no such file")]) }
        guard !isDirectory(path) else { throw DiagnosticList([.error("\(path) is a directory, not a file")]) }
        // Read straight into the array: one copy of the file in memory, not a Data and an array.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path) }
        defer { close(descriptor) }
        var info = stat()
        let expected = fstat(descriptor, &info) == 0 ? max(Int(info.st_size), 0) : 0
        if let limit, expected > limit { throw tooLarge(path, limit) }
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count, let base = buffer.baseAddress {
                let count = Foundation.read(descriptor, base + initialized, buffer.count - initialized)
                if count == 0 { break }
                if count < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                initialized += count
            }
        }
        // Whatever the file gained since fstat.
        while !failed {
            let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk in
                let count = Foundation.read(descriptor, chunk.baseAddress, chunk.count)
                if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
                return count
            }
            if count == 0 { break }
            if count < 0, errno != EINTR { failed = true }
            if let limit, bytes.count > limit { throw tooLarge(path, limit) }
        }
        guard !failed else { throw unreadable(path) }
        return bytes
    }

    /// The bytes of an application document, refused unread when over the readers' size limit.
    public static func readDocument(_ path: String) throws -> [UInt8] {
        try read(path, limit: InputLimits.default.maxDocumentBytes)
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> DiagnosticList {
        DiagnosticList([.error("\(path) is larger than the \(limit >> 20) MiB limit for a document; it was not read", at: SourceLocation(file: path, line: 1))])
    }

    private static func unreadable(_ path: String) -> DiagnosticList {
        DiagnosticList([.error("\(path) could not be read (check its permissions)")])
    }

    /// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename,
    /// so a reader never sees half a file and a failure leaves nothing behind.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let file = try AtomicOutputFile(path: path)
        try file.write(text)
        try file.commit()
    }

    public static var currentDirectory: String { FileManager.default.currentDirectoryPath }

    /// Names in a directory, sorted; empty when it cannot be read.
    public static func list(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// True when two paths name the same existing file.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
            == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
