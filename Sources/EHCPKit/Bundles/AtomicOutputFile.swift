import EHCPSource
import Foundation

/// A file written piece by piece beside its final path and renamed into place only when complete,
/// so a reader never sees half a file and a failure or interrupt leaves nothing behind.
///
/// The bytes go to a temporary file in the same folder through `write(2)`; ``commit()`` flushes
/// it to disk (`fsync(2)`) and renames it over the path (`rename(2)`), which replaces a regular
/// file or a symbolic link (the link itself, never what it points to) in one step. A folder,
/// device, FIFO or socket at the path is refused and left as it was. Every failure throws and
/// removes the temporary file.
package final class AtomicOutputFile {
    /// What may already be at the path.
    package enum Existing: Sendable {
        /// A regular file or a link there is replaced.
        case replace
        /// Anything there is kept and the commit refused (`init DIR` never overwrites).
        case keep
    }

    package let path: String
    private let existing: Existing
    private let temporary: String
    private var descriptor: Int32

    /// Creates the temporary file next to `path`.
    ///
    /// - Throws: `DiagnosticList` naming `path` when it is not a place a file can go, or its
    ///   folder cannot be written.
    package init(path: String, existing: Existing = .replace) throws {
        self.path = path
        self.existing = existing
        try OutputPath.refuseIfNotAFile(path)
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp"
        TemporaryItems.register(temporary)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            TemporaryItems.unregister(temporary)
            throw Self.failure(path, "its folder is missing or not writable")
        }
        // A report that replaces one keeps its permissions (umask applies to a new one).
        var info = stat()
        if existing == .replace, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            fchmod(descriptor, info.st_mode & 0o777)
        }
    }

    private static func failure(_ path: String, _ reason: String) -> DiagnosticList {
        DiagnosticList([.error("\(path) could not be written: \(reason); nothing was changed")])
    }

    /// Appends `text`.
    ///
    /// - Throws: `DiagnosticList` when the system refuses the bytes (a full disk, a size limit);
    ///   the temporary file is removed and the path left as it was.
    package func write(_ text: String) throws {
        guard descriptor >= 0 else { throw Self.failure(path, "the file was already closed") }
        do {
            try PosixFile.writeAll(descriptor, Array(text.utf8))
        } catch {
            discard()
            throw Self.failure(path, error.description)
        }
    }

    /// Flushes the file to disk and puts it at its path.
    ///
    /// - Throws: `DiagnosticList` when it cannot be flushed or renamed, or when something that
    ///   must be kept is at the path; the temporary file is removed and the path left as it was.
    package func commit() throws {
        guard descriptor >= 0 else { throw Self.failure(path, "the file was already closed") }
        let synced = fsync(descriptor) == 0 ? nil : errno
        let closed = close(descriptor) == 0 ? nil : errno
        descriptor = -1
        do {
            if let code = synced ?? closed { throw Self.failure(path, PosixFile.SystemError(code: code).description) }
            // Checked again: something may have appeared at the path while the file was written.
            try OutputPath.refuseIfNotAFile(path)
            if existing == .keep { try reserve() }
            guard rename(temporary, path) == 0 else {
                let reason = PosixFile.SystemError(code: errno).description
                if existing == .keep { unlink(path) }
                throw Self.failure(path, reason)
            }
            TemporaryItems.unregister(temporary)
            Self.syncFolder(of: path)
        } catch {
            TemporaryItems.remove(temporary)
            throw error
        }
    }

    /// Claims the path with an exclusive create, so the rename that follows replaces only the
    /// empty file made here, never one that was there.
    private func reserve() throws {
        let placeholder = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard placeholder >= 0 else {
            throw DiagnosticList([.error("\(path) already exists; it was not overwritten")])
        }
        close(placeholder)
    }

    /// Flushes the folder's entry for the renamed file, so it survives a power cut (best effort).
    private static func syncFolder(of path: String) {
        let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        fsync(folder)
        close(folder)
    }

    /// Closes and removes the unfinished file; the path is left as it was.
    package func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        TemporaryItems.remove(temporary)
    }

    deinit { discard() }
}
