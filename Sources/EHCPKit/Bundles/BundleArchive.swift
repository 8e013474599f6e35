import EHCPSource
import Foundation

/// Writes a bundle as a zip archive in memory, laid out as `ehcp init` lays out a folder
/// (`application.yaml` at the root, documents under `evidence/`), so a program that builds a
/// request (the page of `ehcp serve`) can hand it over without a temporary folder.
public enum BundleArchive {
    /// The zip of `files`, in the order given, each deflated (or stored when deflating does not
    /// shrink it), with UTF-8 names and a fixed modification date (1 January 2026, 00:00) so the
    /// same bundle always gives the same bytes.
    ///
    /// - Throws: `DiagnosticList` when a name is absolute or climbs out of the bundle, or the
    ///   archive would need zip64 (4 GiB or 65,535 files).
    public static func zip(_ files: [BundleFile]) throws -> [UInt8] {
        var archive = ZipWriter(modified: (year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0))
        for file in files {
            guard let name = InMemoryEvidenceFiles.normalised(file.name) else {
                throw DiagnosticList([.error("a file's name is absolute or climbs out of the bundle; the zip was not written")])
            }
            guard archive.add(name, file.bytes) else { throw DiagnosticList([.error("the zip could not be written: it is too large")]) }
        }
        guard let bytes = archive.finished() else { throw DiagnosticList([.error("the zip could not be written: it is too large")]) }
        return bytes
    }
}

/// A plain zip writer: UTF-8 names, deflated or stored entries, one modification date; no zip64.
struct ZipWriter {
    private var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    private let time: UInt16
    private let date: UInt16

    /// `modified`: the local date and time every entry carries, as MS-DOS stores it (2-second steps, from 1980).
    init(modified: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)) {
        time = UInt16(modified.hour << 11 | modified.minute << 5 | modified.second / 2)
        date = UInt16((modified.year - 1980) << 9 | modified.month << 5 | modified.day)
    }

    /// Appends a little-endian field of `size` bytes.
    private static func append(_ value: some BinaryInteger, _ size: Int, to data: inout [UInt8]) {
        for index in 0..<size { data.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }

    /// Adds the file `name` holding `content`; false when the archive would need zip64.
    mutating func add(_ name: String, _ content: [UInt8]) -> Bool {
        let deflated = Zlib.deflate(content)
        let (method, data): (UInt16, [UInt8]) = deflated.count < content.count ? (8, deflated) : (0, content)
        let nameBytes = Array(name.utf8)
        let offset = bytes.count
        guard count < 0xFFFF, nameBytes.count <= 0xFFFF, offset + 30 + nameBytes.count + data.count < 0xFFFF_FFFF else { return false }
        let crc = Zlib.crc32(content)
        // Fields shared by the local header (from "version needed") and the directory record.
        var common: [UInt8] = []
        for (value, size) in [
            (20, 2), (0x0800, 2), (Int(method), 2), (Int(time), 2), (Int(date), 2), (Int(crc), 4),
            (data.count, 4), (content.count, 4), (nameBytes.count, 2), (0, 2)
        ] {
            Self.append(value, size, to: &common)
        }
        Self.append(0x0403_4B50 as UInt32, 4, to: &bytes)
        bytes += common + nameBytes + data
        Self.append(0x0201_4B50 as UInt32, 4, to: &central)
        Self.append(0x031E as UInt16, 2, to: &central)  // made by: Unix, zip 3.0
        central += common
        // Comment length, disk, internal attributes, external attributes (a regular file, rw-r--r--), offset.
        for (value, size) in [(0, 2), (0, 2), (0, 2), (0o100644 << 16, 4), (offset, 4)] { Self.append(value, size, to: &central) }
        central += nameBytes
        count += 1
        return true
    }

    /// The whole archive; nil when it would need zip64.
    func finished() -> [UInt8]? {
        guard bytes.count + central.count < 0xFFFF_FFFF else { return nil }
        var end: [UInt8] = []
        for (value, size) in [(0x0605_4B50, 4), (0, 4), (count, 2), (count, 2), (central.count, 4), (bytes.count, 4), (0, 2)] {
            Self.append(value, size, to: &end)
        }
        return bytes + central + end
    }
}
