import EHCPSource
import Foundation

/// Reading and writing files with errors a user can act on, and writes that are atomic.
package enum FileAccess {
    package static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    package static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The bytes of `path`.
    ///
    /// Only a regular file is read: a FIFO, device or socket is refused before it is opened for
    /// real, so it can never block or feed endless bytes.
    /// - Parameters:
    ///   - limit: the most bytes accepted; a larger file is refused before it is read, so a huge
    ///     document costs no memory.
    ///   - name: what messages call the file (a place inside a zip); `path` when nil.
    /// - Throws: `DiagnosticList` naming the file when it cannot be read or is over `limit`.
    package static func read(_ path: String, limit: Int? = nil, named name: String? = nil) throws(DiagnosticList) -> [UInt8] {
        let name = name ?? path
        let (descriptor, expected) = try openForReading(path, named: name)
        defer { close(descriptor) }
        if let limit, expected > limit { throw tooLarge(name, limit) }
        // Read straight into the array: one copy of the file in memory, not a Data and an array.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                guard
                    let count = try? PosixFile.read(
                        descriptor, into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[initialized...])))
                else {
                    failed = true
                    break
                }
                if count == 0 { break }
                initialized += count
            }
        }
        // Whatever the file gained since it was opened.
        while !failed {
            let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk in
                let count = (try? PosixFile.read(descriptor, into: UnsafeMutableRawBufferPointer(chunk))) ?? -1
                if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
                return count
            }
            if count == 0 { break }
            if count < 0 { failed = true }
            if let limit, bytes.count > limit { throw tooLarge(name, limit) }
        }
        guard !failed else { throw unreadable(name) }
        return bytes
    }

    /// Opens the regular file at `path` without blocking; the caller closes the descriptor.
    ///
    /// - Returns: the descriptor and the file's size when opened.
    /// - Throws: `DiagnosticList` saying what is there instead when it is not a regular file,
    ///   naming it `name` (`path` when nil).
    static func openForReading(_ path: String, named name: String? = nil) throws(DiagnosticList) -> (descriptor: Int32, size: Int) {
        let name = name ?? path
        do {
            return try PosixFile.openRegular(path)
        } catch {
            switch error {
            case .missing: throw .error("\(name): no such file")
            case .notRegular(let kind): throw .error("\(name) is \(kind), not a regular file; it was not read")
            case .unreadable: throw unreadable(name)
            }
        }
    }

    /// The bytes of an application document, refused unread when over the readers' size limit.
    package static func readDocument(_ path: String) throws(DiagnosticList) -> [UInt8] {
        try read(path, limit: InputLimits.default.maxDocumentBytes)
    }

    /// ``readDocument(_:)`` for a file named otherwise than by its path.
    static func readDocument(_ file: NamedPath) throws(DiagnosticList) -> [UInt8] {
        try read(file.path, limit: InputLimits.default.maxDocumentBytes, named: file.name)
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> DiagnosticList {
        DiagnosticList([.error("\(path) is larger than the \(limit >> 20) MiB limit for a document; it was not read", at: SourceLocation(file: path, line: 1))])
    }

    private static func unreadable(_ path: String) -> DiagnosticList {
        DiagnosticList([.error("\(path) could not be read (check its permissions)")])
    }

    /// Writes `text` to `path` atomically: a temporary file in the same folder, flushed, then
    /// renamed into place, so a reader never sees half a file and a failure leaves nothing behind.
    ///
    /// - Parameter existing: whether a file already at `path` is replaced or kept (and the write refused).
    package static func writeAtomically(_ text: String, to path: String, existing: AtomicOutputFile.Existing = .replace) throws {
        let file = try AtomicOutputFile(path: path, existing: existing)
        try file.write(text)
        try file.commit()
    }

    /// Writes all of `text` to the open `descriptor` (standard output or error), through
    /// `write(2)`: unlike `FileHandle.write(_:)`, a full disk or a closed pipe throws, never traps.
    ///
    /// - Throws: `DiagnosticList` naming the stream as `name`, with the system's reason.
    package static func write(_ text: String, toDescriptor descriptor: Int32, named name: String) throws {
        do {
            try PosixFile.writeAll(descriptor, Array(text.utf8))
        } catch {
            throw DiagnosticList([.error("\(name) could not be written: \(error.description)")])
        }
    }

    package static var currentDirectory: String { FileManager.default.currentDirectoryPath }

    /// Names in a directory, sorted; empty when it cannot be read.
    package static func list(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// `path` with links resolved and `.`/`..` removed: realpath(3) for a path that exists, else
    /// Foundation's resolution, which also handles paths that do not exist.
    package static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
