import EHCPSource
import Foundation

/// File descriptors opened and written so that nothing blocks and nothing traps: a FIFO, device or
/// socket is refused before it is opened for real, and every failed write throws.
///
/// `FileHandle.write(_:)` traps on a full disk; `FileManager.replaceItemAt` deletes the file it
/// replaces on Linux (swift-corelibs-foundation #4655). ehcp writes through `write(2)` instead.
enum PosixFile {
    /// Why a path could not be opened for reading.
    enum OpenError: Error {
        /// Nothing is there.
        case missing
        /// Something is there that is not a regular file (named in words).
        case notRegular(String)
        /// It is a regular file but could not be opened (permissions).
        case unreadable
    }

    /// What kind of thing a `stat` mode names, in words, or nil for a regular file.
    static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    /// Opens the regular file at `path` for reading, following links.
    ///
    /// The path is checked with `stat(2)` before it is opened, and opened with `O_NONBLOCK` and
    /// checked again with `fstat(2)`, so a FIFO put in its place in between cannot block either.
    /// - Returns: the descriptor (the caller closes it) and the file's size.
    static func openRegular(_ path: String) throws(OpenError) -> (descriptor: Int32, size: Int) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable }
        if let kind = kind(of: info.st_mode) { throw .notRegular(kind) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable }
        guard fstat(descriptor, &info) == 0, kind(of: info.st_mode) == nil else {
            close(descriptor)
            throw .notRegular(kind(of: info.st_mode) ?? "not a regular file")
        }
        return (descriptor, max(Int(info.st_size), 0))
    }

    /// Reads up to `buffer.count` bytes, retrying when interrupted; 0 at the end of the file.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw SystemError(code: errno) }
        }
    }

    /// A failed `read(2)`, `write(2)`, `fsync(2)` or `rename(2)`, with the system's reason.
    struct SystemError: Error, CustomStringConvertible {
        var code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    /// Writes every byte of `bytes`, retrying short and interrupted writes.
    ///
    /// - Throws: ``SystemError`` when the system refuses (a full disk, a file-size limit).
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let count = write(descriptor, base + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError(code: errno)
            }
            offset += count
        }
    }

    /// ``writeAll(_:_:)`` for the bytes of `data`.
    static func writeAll(_ descriptor: Int32, _ data: some ContiguousBytes) throws(SystemError) {
        let result: Result<Void, SystemError> = data.withUnsafeBytes { bytes in
            Result { () throws(SystemError) in try writeAll(descriptor, bytes) }
        }
        try result.get()
    }
}
