import EHCPSource
import Foundation

/// A file written piece by piece beside its final path and renamed into place only when complete,
/// so a reader never sees half a file and a failure or interrupt leaves nothing behind.
public final class AtomicOutputFile {
    public let path: String
    private let temporary: URL
    private let handle: FileHandle
    private var open = true

    /// Creates the temporary file next to `path`.
    ///
    /// - Throws: ``DiagnosticList`` naming `path` when its folder cannot be written.
    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp")
        TemporaryItems.register(temporary.path)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary) else {
            TemporaryItems.unregister(temporary.path)
            throw DiagnosticList([.error("\(path) could not be written: its folder is missing or not writable")])
        }
        self.handle = handle
    }

    /// Appends `text`.
    public func write(_ text: String) throws {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            discard()
            throw DiagnosticList([.error("\(path) could not be written: \(error.localizedDescription)")])
        }
    }

    /// Closes the file and puts it at its path, replacing any file there.
    public func commit() throws {
        guard open else { return }
        open = false
        defer { TemporaryItems.unregister(temporary.path) }
        do {
            try handle.close()
            // rename(2) replaces a file already at `path` in one step. FileManager.replaceItemAt
            // removed the old file and then failed on Linux, losing it.
            guard rename(temporary.path, path) == 0 else {
                throw DiagnosticList([.error("\(path) could not be written: \(String(cString: strerror(errno)))")])
            }
        } catch let list as DiagnosticList {
            try? FileManager.default.removeItem(at: temporary)
            throw list
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw DiagnosticList([.error("\(path) could not be written: \(error.localizedDescription)")])
        }
    }

    /// Closes and removes the unfinished file; the path is left as it was.
    public func discard() {
        guard open else { return }
        open = false
        try? handle.close()
        TemporaryItems.remove(temporary.path)
    }

    deinit { discard() }
}
