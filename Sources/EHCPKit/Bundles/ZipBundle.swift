import EHCPSource
import Foundation

/// Limits on a zipped bundle, checked while it is unpacked (docs/design.md, Bundles).
public struct ZipLimits: Sendable {
    public var maxEntries: Int
    public var maxTotalBytes: UInt64
    public var maxRatio: UInt64

    public init(maxEntries: Int = 1_000, maxTotalBytes: UInt64 = 512 << 20, maxRatio: UInt64 = 100) {
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
    }
}

/// Unpacks a `.zip` bundle into a private temporary folder, refusing what could escape it.
///
/// Only a regular file is opened. Before anything is written: the entry count the end record
/// declares is held to the limit, entries that share bytes (a non-recursive zip bomb) are refused,
/// encrypted entries and names that are not valid text are refused (`ZipDirectory`), names that
/// are absolute or climb out (`..`) and link entries are refused, and the declared sizes are held to
/// the limits, per entry and for the archive as a whole. Sizes are counted again as the bytes are
/// actually inflated, so a header that lies about its size cannot get past the limits, and an entry
/// that inflates to more or less than it declares, or to another CRC-32, is damaged. Two
/// entries of the same name (two application documents, say) are refused rather than one winning.
/// Every write throws on failure, and the folder is removed by ``withUnpacked(_:limits:_:)`` on
/// every path out.
public enum ZipBundle {
    /// Calls `body` with the folder the zip at `path` was unpacked into, then removes the folder.
    public static func withUnpacked<T>(_ path: String, limits: ZipLimits, _ body: (String) throws -> T) throws -> T {
        try withUnpacked(NamedPath(path), limits: limits) { folder in try body(folder.path) }
    }

    /// Calls `body` with the folder `zip` was unpacked into, named as `zip` is (so its files are
    /// named as places inside the zip), then removes the folder. Messages name the zip by its name.
    static func withUnpacked<T>(_ zip: NamedPath, limits: ZipLimits, _ body: (NamedPath) throws -> T) throws -> T {
        // Opened first, without blocking: a FIFO or device is refused before anything else.
        let (descriptor, _) = try FileAccess.openForReading(zip.path, named: zip.name)
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ehcp-zip-\(UUID().uuidString)")
        TemporaryItems.register(folder.path)
        defer { TemporaryItems.remove(folder.path) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw fail(zip.name, "could not be unpacked: the temporary folder could not be made")
        }
        try unpack(zip.name, file: file, into: folder, limits: limits)
        return try body(NamedPath(folder.path, shownAs: zip.name))
    }

    private static func fail(_ path: String, _ message: String) -> DiagnosticList {
        DiagnosticList([.error("\(path): \(message)")])
    }

    /// Unpacks the zip open as `file`, named `path` in messages, into `folder`.
    private static func unpack(_ path: String, file: FileHandle, into folder: URL, limits: ZipLimits) throws {
        let directory: ZipDirectory
        do {
            directory = try ZipDirectory(file, maxEntries: limits.maxEntries)
        } catch .tooManyEntries(let count) {
            throw fail(path, "holds more than \(limits.maxEntries) entries (its directory declares \(count); raise with --max-entries); nothing was unpacked")
        } catch .overlapping {
            throw fail(path, "has entries that share their bytes, as non-recursive zip bombs do; nothing was unpacked")
        } catch .encrypted {
            throw fail(path, "has an encrypted entry; encrypted zips are not accepted; nothing was unpacked")
        } catch .unsupportedMethod {
            throw fail(path, "has an entry compressed otherwise than by deflate; nothing was unpacked")
        } catch .invalidName {
            throw fail(path, "has an entry whose name is not valid text (not UTF-8 as it declares, or holding a NUL); nothing was unpacked")
        } catch .headerMismatch {
            throw fail(path, "has a damaged directory")
        } catch {
            throw fail(path, "is not a readable zip file")
        }
        let entries = directory.items
        var declared: UInt64 = 0
        for entry in entries {
            try check(entry, of: path, limits: limits)
            let (sum, overflow) = declared.addingReportingOverflow(entry.uncompressedSize)
            declared = overflow ? .max : sum
        }
        // Sizes the directory declares are refused before anything is written; sizes it lies
        // about are caught below as the bytes are inflated.
        if declared > limits.maxTotalBytes { throw totalExceeded(path, limits) }
        let archiveSize = UInt64(max(directory.fileSize, 1))
        if isBomb(declared, from: archiveSize, limits) { throw ratioExceeded(path, limits, whole: true) }
        var total: UInt64 = 0
        for entry in entries {
            let target = folder.appendingPathComponent(entry.name)
            TemporaryItems.checkpoint()
            do {
                if entry.kind == .directory {
                    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                    continue
                }
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw fail(path, "could not be unpacked: a folder in it could not be made")
            }
            let output = open(target.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard output >= 0 else {
                throw fail(
                    path,
                    errno == EEXIST
                        ? "holds two entries with the same name (such as two application documents); nothing was used"
                        : "could not be unpacked: \(PosixFile.SystemError(code: errno))")
            }
            defer { close(output) }
            var written: UInt64 = 0
            let compressed = max(entry.compressedSize, 1)
            do {
                try directory.extract(entry) { chunk in
                    written += UInt64(chunk.count)
                    total += UInt64(chunk.count)
                    if total > limits.maxTotalBytes { throw LimitExceeded.total }
                    if isBomb(written, from: compressed, limits) { throw LimitExceeded.ratio }
                    if isBomb(total, from: archiveSize, limits) { throw LimitExceeded.wholeRatio }
                    try PosixFile.writeAll(output, chunk)
                }
            } catch LimitExceeded.total {
                throw totalExceeded(path, limits)
            } catch LimitExceeded.ratio {
                throw ratioExceeded(path, limits, whole: false)
            } catch LimitExceeded.wholeRatio {
                throw ratioExceeded(path, limits, whole: true)
            } catch let error as PosixFile.SystemError {
                throw fail(path, "could not be unpacked: \(error)")
            } catch {
                throw fail(path, "has a damaged entry")
            }
        }
    }

    /// True when `inflated` bytes from `compressed` exceed the ratio limit (past the first MiB,
    /// which any small file may reach).
    private static func isBomb(_ inflated: UInt64, from compressed: UInt64, _ limits: ZipLimits) -> Bool {
        inflated > 1 << 20 && inflated / max(compressed, 1) > limits.maxRatio
    }

    private static func totalExceeded(_ path: String, _ limits: ZipLimits) -> DiagnosticList {
        fail(path, "unpacks to more than \(limits.maxTotalBytes / (1 << 20)) MiB (raise with --max-total-size)")
    }

    private static func ratioExceeded(_ path: String, _ limits: ZipLimits, whole: Bool) -> DiagnosticList {
        fail(path, "\(whole ? "unpacks as a whole to" : "has an entry compressed") more than \(limits.maxRatio):1, as zip bombs do (raise with --max-ratio)")
    }

    /// Refuses an entry by its name, type and declared sizes, before anything is written.
    private static func check(_ entry: ZipDirectory.Item, of path: String, limits: ZipLimits) throws {
        let name = entry.name
        let parts = name.split(separator: "/", omittingEmptySubsequences: true)
        if name.hasPrefix("/") || name.contains("\\") || parts.contains("..") || name.contains(":") {
            throw fail(path, "has an entry whose name is absolute or climbs out of the bundle; nothing was unpacked")
        }
        if isBomb(entry.uncompressedSize, from: entry.compressedSize, limits) { throw ratioExceeded(path, limits, whole: false) }
        if entry.kind == .symlink {
            throw fail(path, "has a link entry; links are not accepted in bundles")
        }
    }

    private enum LimitExceeded: Error {
        case total, ratio, wholeRatio
    }
}
