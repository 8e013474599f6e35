import EHCPSource
import Foundation
import ZIPFoundation

/// Limits on a zipped bundle, checked while it is unpacked (DESIGN section 4).
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
/// Entry names that are absolute or climb out (`..`) and link entries are refused before anything
/// is written; sizes are counted as the bytes are actually inflated, so a header that lies about
/// its size cannot get past the limits. The folder is removed by ``withUnpacked(_:limits:_:)``
/// on every path out.
public enum ZipBundle {
    /// Calls `body` with the folder the zip at `path` was unpacked into, then removes the folder.
    public static func withUnpacked<T>(_ path: String, limits: ZipLimits, _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ehcp-zip-\(UUID().uuidString)")
        TemporaryItems.register(folder.path)
        defer { TemporaryItems.remove(folder.path) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        try unpack(path, into: folder, limits: limits)
        return try body(folder.path)
    }

    private static func fail(_ path: String, _ message: String) -> DiagnosticList {
        DiagnosticList([.error("\(path): \(message)")])
    }

    private static func unpack(_ path: String, into folder: URL, limits: ZipLimits) throws {
        let archive: Archive
        let directory: ZipDirectory
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            directory = try ZipDirectory(file) ?? { throw ZipDirectory.ReadError.damaged }()
        } catch {
            throw fail(path, "is not a readable zip file")
        }
        var entries: [Entry] = []
        for entry in archive {
            entries.append(entry)
            if entries.count > limits.maxEntries {
                throw fail(path, "holds more than \(limits.maxEntries) entries (raise with --max-entries)")
            }
        }
        guard entries.count == directory.items.count,
            zip(entries, directory.items).allSatisfy({ $0.compressedSize == $1.compressedSize })
        else { throw fail(path, "has a damaged directory") }
        var declared: UInt64 = 0
        for entry in entries {
            try check(entry, of: path, limits: limits)
            let (sum, overflow) = declared.addingReportingOverflow(entry.uncompressedSize)
            declared = overflow ? .max : sum
        }
        // Sizes the directory declares are refused before anything is written; sizes it lies
        // about are caught below as the bytes are inflated.
        if declared > limits.maxTotalBytes { throw totalExceeded(path, limits) }
        var total: UInt64 = 0
        for (entry, item) in zip(entries, directory.items) {
            let target = folder.appendingPathComponent(entry.path)
            TemporaryItems.checkpoint()
            if entry.type == .directory {
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: target.path, contents: nil),
                let handle = FileHandle(forWritingAtPath: target.path)
            else { throw fail(path, "could not be unpacked") }
            defer { try? handle.close() }
            var written: UInt64 = 0
            let compressed = max(entry.compressedSize, 1)
            do {
                try directory.extract(item, checksum: entry.checksum) { chunk in
                    written += UInt64(chunk.count)
                    total += UInt64(chunk.count)
                    if total > limits.maxTotalBytes { throw LimitExceeded.total }
                    if written > 1 << 20, written / compressed > limits.maxRatio { throw LimitExceeded.ratio }
                    handle.write(chunk)
                }
            } catch LimitExceeded.total {
                throw totalExceeded(path, limits)
            } catch LimitExceeded.ratio {
                throw fail(path, "has an entry compressed more than \(limits.maxRatio):1, as zip bombs are (raise with --max-ratio)")
            } catch {
                throw fail(path, "has a damaged entry")
            }
        }
    }

    private static func totalExceeded(_ path: String, _ limits: ZipLimits) -> DiagnosticList {
        fail(path, "unpacks to more than \(limits.maxTotalBytes / (1 << 20)) MiB (raise with --max-total-size)")
    }

    /// Refuses an entry by its name, type and declared sizes, before anything is written.
    private static func check(_ entry: Entry, of path: String, limits: ZipLimits) throws {
        let name = entry.path
        let parts = name.split(separator: "/", omittingEmptySubsequences: true)
        if name.hasPrefix("/") || name.contains("\\") || parts.contains("..") || name.contains(":") {
            throw fail(path, "has an entry whose name is absolute or climbs out of the bundle; nothing was unpacked")
        }
        if entry.uncompressedSize > 1 << 20, entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maxRatio {
            throw fail(path, "has an entry compressed more than \(limits.maxRatio):1, as zip bombs are (raise with --max-ratio)")
        }
        if entry.type == .symlink {
            throw fail(path, "has a link entry; links are not accepted in bundles")
        }
    }

    private enum LimitExceeded: Error {
        case total, ratio
    }
}
