import Crypto
import Foundation

/// What the `FILE-` checks need of an evidence file, read once, front to back, in fixed-size
/// chunks: its size and SHA-256, the first and last bytes type detection looks at, and whether it
/// names an `/Encrypt` dictionary.
///
/// Memory stays at a few chunks whatever the file's size (a 2 GiB sparse file costs 2 GiB of
/// reading, not of memory), and only a regular file is opened: a FIFO, device or socket is refused
/// before it could block or feed endless bytes.
struct EvidenceScan: Sendable {
    /// Bytes read at a time.
    static let chunkSize = 1 << 16
    /// The most bytes kept from each end of the file for type detection.
    static let sniffLimit = 1 << 16

    /// The file's length in bytes.
    var size: Int
    /// SHA-256 of the content, lower-case hex.
    var sha256: String
    /// The first bytes, at most ``sniffLimit``.
    var head: [UInt8]
    /// The last bytes after ``head``, at most ``sniffLimit`` (empty when the head holds it all).
    var tail: [UInt8]
    /// True when `/Encrypt` appears anywhere in the file.
    var namesEncrypt: Bool

    /// Why a file could not be scanned.
    enum Failure: Error, Equatable {
        case missing
        case notRegular(String)
        case unreadable
        /// More than one file could be the one listed (files given by their names alone).
        case ambiguous
    }

    /// Reads the file at `path`.
    static func read(_ path: String) -> Result<EvidenceScan, Failure> {
        let descriptor: Int32
        do {
            descriptor = try PosixFile.openRegular(path).descriptor
        } catch .missing {
            return .failure(.missing)
        } catch .notRegular(let kind) {
            // A folder where a file is named: the file is missing, as a reader of the bundle sees it.
            var info = stat()
            return .failure(stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR ? .missing : .notRegular(kind))
        } catch {
            return .failure(.unreadable)
        }
        defer { close(descriptor) }
        var scan = EvidenceScan(size: 0, sha256: "", head: [], tail: [], namesEncrypt: false)
        var hasher = SHA256()
        let marker = FileSniffer.encryptMarker
        // One buffer, never copied: only the head, the tail window and the few bytes the marker
        // may straddle are kept from each chunk.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var carried: [UInt8] = []
        while true {
            guard let count = try? PosixFile.read(descriptor, into: buffer) else { return .failure(.unreadable) }
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            hasher.update(bufferPointer: chunk)
            var rest = chunk[...]
            if scan.head.count < sniffLimit {
                let taken = min(sniffLimit - scan.head.count, count)
                scan.head.append(contentsOf: chunk[0..<taken])
                rest = chunk[taken...]
            }
            scan.keepTail(rest)
            // The marker may straddle two chunks: look across the boundary, then in the chunk.
            scan.namesEncrypt =
                scan.namesEncrypt || (!carried.isEmpty && FileSniffer.contains(carried + chunk.prefix(marker.count - 1), marker))
                || FileSniffer.contains(chunk, marker)
            carried = Array(chunk.suffix(marker.count - 1))
            scan.size += count
        }
        scan.sha256 = hex(hasher.finalize())
        return .success(scan)
    }

    /// The scan of a file held in memory, exactly as ``read(_:)`` would scan the same bytes on disk.
    static func of(_ bytes: [UInt8]) -> EvidenceScan {
        var scan = EvidenceScan(size: bytes.count, sha256: "", head: Array(bytes.prefix(sniffLimit)), tail: [], namesEncrypt: false)
        if bytes.count > sniffLimit { scan.tail = Array(bytes[sniffLimit...].suffix(sniffLimit)) }
        scan.namesEncrypt = FileSniffer.contains(bytes, FileSniffer.encryptMarker)
        scan.sha256 = hex(SHA256.hash(data: bytes))
        return scan
    }

    /// Appends `bytes` past the head to ``tail``, keeping its last ``sniffLimit`` bytes.
    private mutating func keepTail(_ bytes: Slice<UnsafeRawBufferPointer>) {
        if bytes.count >= Self.sniffLimit {
            tail = Array(bytes.suffix(Self.sniffLimit))
            return
        }
        tail.append(contentsOf: bytes)
        if tail.count > Self.sniffLimit { tail.removeFirst(tail.count - Self.sniffLimit) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
