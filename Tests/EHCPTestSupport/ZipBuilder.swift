import EHCPKit
import Foundation

/// A zip written field by field, able to say what no honest writer would: lying sizes and CRCs,
/// links, names that climb out, a stream cut short, entries sharing bytes, zip64 records.
///
/// Each ``add(_:)`` writes the local header and data at once; ``record(_:at:)`` adds a directory
/// record for data already written; ``finished(declaredCount:zip64:)`` gives the whole archive.
public struct ZipBuilder {
    /// One entry, honest unless told otherwise.
    public struct Entry {
        public enum Content {
            case bytes(Data)
            /// `count` zero bytes, deflated as they are made (a zip bomb without the memory).
            case zeros(Int)
        }

        /// How the zip64 extra field of the directory record is written.
        public enum Zip64Field {
            /// Sizes and offset in 32-bit fields; no zip64 extra field.
            case none
            /// Sizes and offset all ones in the record, their values in the zip64 extra field.
            case full
            /// Sizes and offset all ones, but the field holds only `bytes` bytes of the 24 needed,
            /// its header claiming `claimed` bytes (by default, as many as it holds).
            case truncated(bytes: Int, claimed: Int? = nil)
        }

        public var name: [UInt8]
        public var content: Content
        public var deflated: Bool
        /// General-purpose flags: bit 11 (UTF-8 names) by default; bit 0 marks encryption.
        public var flags: UInt16 = 0x0800
        /// A regular file, rw-r--r--, in the high half; 0o120777 << 16 makes a symbolic link.
        public var externalAttributes: UInt32 = 0o100644 << 16
        /// The uncompressed size the records declare, when not the real one.
        public var declaredSize: UInt64?
        /// The CRC-32 the records declare, when not the real one.
        public var declaredChecksum: UInt32?
        /// Changes the compressed bytes as written (a stream cut short, say); the declared
        /// compressed size follows.
        public var alterCompressed: ((Data) -> Data)?
        /// The name the local header gives, when not the directory's.
        public var localName: [UInt8]?
        /// The compression method the records declare, when not 8 (deflated) or 0 (stored).
        public var declaredMethod: UInt16?
        public var zip64: Zip64Field = .none

        public init(_ name: String, _ content: Content, deflated: Bool = true) {
            self.name = Array(name.utf8)
            self.content = content
            self.deflated = deflated
        }

        public init(_ name: String, _ data: Data, deflated: Bool = true) {
            self.init(name, .bytes(data), deflated: deflated)
        }
    }

    /// Where the zip64 end records point, and what they declare.
    public struct Zip64End {
        /// Where the locator says the zip64 end record is, when not where it is.
        public var recordOffset: UInt64?
        /// The entry count the zip64 end record declares, when not the real one.
        public var declaredCount: UInt64?

        public init(recordOffset: UInt64? = nil, declaredCount: UInt64? = nil) {
            self.recordOffset = recordOffset
            self.declaredCount = declaredCount
        }
    }

    /// A local header and data written, ready for its directory record.
    public struct Written {
        let entry: Entry
        let crc: UInt32
        let compressed: Int
        let size: UInt64
        public let offset: Int
    }

    public private(set) var bytes = Data()
    private var central = Data()
    private var count = 0

    public init() {}

    /// A zip of `entries`, each written honestly unless it says otherwise.
    public init(_ entries: [Entry]) {
        for entry in entries { add(entry) }
    }

    /// Little-endian fields, each a value and its width in bytes.
    static func fields(_ values: [(UInt64, Int)]) -> Data {
        var data = Data()
        for (value, size) in values { data += (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }
        return data
    }

    /// Writes `entry`'s local header and data, and its directory record.
    @discardableResult
    public mutating func add(_ entry: Entry) -> Written {
        let written = writeLocal(entry)
        record(written)
        return written
    }

    /// Writes only the local header and data of `entry`.
    public mutating func writeLocal(_ entry: Entry) -> Written {
        var (data, crc, size) = Self.encode(entry)
        if let alter = entry.alterCompressed { data = alter(data) }
        let offset = bytes.count
        let zip64 = !(entry.zip64.isNone)
        let name = entry.localName ?? entry.name
        let extra = zip64 ? Self.fields([(1, 2), (16, 2), (entry.declaredSize ?? size, 8), (UInt64(data.count), 8)]) : Data()
        bytes += Self.fields([
            (0x0403_4B50, 4), (zip64 ? 45 : 20, 2), (UInt64(entry.flags), 2), (entry.method, 2),
            (0, 2), (0x5C21, 2), (UInt64(entry.declaredChecksum ?? crc), 4),
            (zip64 ? 0xFFFF_FFFF : UInt64(data.count), 4), (zip64 ? 0xFFFF_FFFF : entry.declaredSize ?? size, 4),
            (UInt64(name.count), 2), (UInt64(extra.count), 2)
        ])
        bytes += Data(name) + extra + data
        return Written(entry: entry, crc: crc, compressed: data.count, size: size, offset: offset)
    }

    /// Adds a directory record for `written`, optionally under another name, pointing at its local
    /// header or at `offset`.
    public mutating func record(_ written: Written, as name: String? = nil, at offset: Int? = nil) {
        var written = written
        if let offset { written = Written(entry: written.entry, crc: written.crc, compressed: written.compressed, size: written.size, offset: offset) }
        let entry = written.entry
        let nameBytes = name.map { Array($0.utf8) } ?? entry.name
        let size = entry.declaredSize ?? written.size
        var narrow = (UInt64(written.compressed), size, UInt64(written.offset))
        var extra = Data()
        switch entry.zip64 {
        case .none: break
        case .full, .truncated:
            extra = Self.fields([(size, 8), (UInt64(written.compressed), 8), (UInt64(written.offset), 8)])
            var claimed = extra.count
            if case .truncated(let kept, let claim) = entry.zip64 {
                extra = extra.prefix(kept)
                claimed = claim ?? kept
            }
            extra = Self.fields([(1, 2), (UInt64(claimed), 2)]) + extra
            narrow = (0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF)
        }
        central += Self.fields([
            (0x0201_4B50, 4), (0x031E, 2), (entry.zip64.isNone ? 20 : 45, 2), (UInt64(entry.flags), 2),
            (entry.method, 2), (0, 2), (0x5C21, 2), (UInt64(entry.declaredChecksum ?? written.crc), 4),
            (narrow.0, 4), (narrow.1, 4), (UInt64(nameBytes.count), 2), (UInt64(extra.count), 2), (0, 2),
            (0, 2), (0, 2), (UInt64(entry.externalAttributes), 4), (narrow.2, 4)
        ])
        central += Data(nameBytes) + extra
        count += 1
    }

    /// The whole zip. `declaredCount` overrides the entry count of the end record; `zip64` writes
    /// the zip64 end record and locator, the end record's fields all ones.
    public func finished(declaredCount: Int? = nil, zip64: Zip64End? = nil) -> Data {
        let entries = UInt64(declaredCount ?? count)
        let start = UInt64(bytes.count)
        let length = UInt64(central.count)
        guard let zip64 else {
            return bytes + central + Self.fields([(0x0605_4B50, 4), (0, 4), (entries, 2), (entries, 2), (length, 4), (start, 4), (0, 2)])
        }
        let record = start + length
        let count64 = zip64.declaredCount ?? entries
        return bytes + central
            + Self.fields([(0x0606_4B50, 4), (44, 8), (0x031E, 2), (45, 2), (0, 4), (0, 4), (count64, 8), (count64, 8), (length, 8), (start, 8)])
            + Self.fields([(0x0706_4B50, 4), (0, 4), (zip64.recordOffset ?? record, 8), (1, 4)])
            + Self.fields([(0x0605_4B50, 4), (0, 4), (0xFFFF, 2), (0xFFFF, 2), (0xFFFF_FFFF, 4), (0xFFFF_FFFF, 4), (0, 2)])
    }

    /// Writes the finished zip to `path`.
    public func write(to path: String) throws {
        try finished().write(to: URL(fileURLWithPath: path))
    }

    /// The zip of the folder at `path`: a directory entry for each folder and each file deflated,
    /// named from inside the folder, or from its parent when `keepingParent`.
    public static func folder(_ path: String, keepingParent: Bool) throws -> ZipBuilder {
        var builder = ZipBuilder()
        let prefix = keepingParent ? URL(fileURLWithPath: path).lastPathComponent + "/" : ""
        if keepingParent { builder.add(Entry(prefix, Data(), deflated: false)) }
        for relative in (FileManager.default.subpaths(atPath: path) ?? []).sorted() {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path + "/" + relative, isDirectory: &isFolder)
            if isFolder.boolValue {
                builder.add(Entry(prefix + relative + "/", Data(), deflated: false))
            } else {
                builder.add(Entry(prefix + relative, try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative))))
            }
        }
        return builder
    }

    /// The compressed bytes, CRC-32 and size of `entry`'s content.
    private static func encode(_ entry: Entry) -> (Data, UInt32, UInt64) {
        switch entry.content {
        case .bytes(let data):
            let bytes = [UInt8](data)
            return (Data(entry.deflated ? Zlib.deflate(bytes) : bytes), Zlib.crc32(bytes), UInt64(bytes.count))
        case .zeros(let total):
            let chunk = [UInt8](repeating: 0, count: 1 << 20)
            let deflater = Zlib.Deflater()
            var output = Data()
            var crc: UInt32 = 0
            var left = total
            repeat {
                let part = Array(chunk.prefix(left))
                crc = Zlib.crc32(part, continuing: crc)
                left -= part.count
                output += entry.deflated ? deflater.deflate(part, finish: left == 0) : part
            } while left > 0
            return (output, crc, UInt64(total))
        }
    }
}

extension ZipBuilder.Entry {
    var method: UInt64 { UInt64(declaredMethod ?? (deflated ? 8 : 0)) }
}

extension ZipBuilder.Entry.Zip64Field {
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
