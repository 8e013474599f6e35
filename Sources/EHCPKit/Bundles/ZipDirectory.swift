import Foundation

/// A zip file's entries, read from its end records, central directory and local headers.
///
/// ehcp reads the structure itself and feeds zlib exactly each entry's compressed bytes (see
/// ``extract(_:consumer:)``): a deflate stream that does not end inside its entry is a damaged entry,
/// never a read past it. Only the end records, the central directory and each local header are read
/// here; entry data is read chunk by chunk when it is extracted.
struct ZipDirectory {
    /// One entry, as the central directory describes it.
    struct Item {
        enum Kind {
            case file, directory, symlink
        }

        var name: String
        var kind: Kind
        var method: UInt16
        var checksum: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        /// Where the entry's local header starts.
        var headerOffset: Int
        var dataOffset: Int
    }

    private let file: FileHandle
    /// The zip file's length in bytes.
    let fileSize: Int
    private(set) var items: [Item] = []

    /// Why a zip is refused before any entry is unpacked.
    enum DirectoryError: Error {
        /// Not a zip, or its records point outside the file or contradict themselves.
        case damaged
        /// A local header names its entry otherwise than the central directory does.
        case headerMismatch
        /// The end record declares more entries than allowed (the count it declares).
        case tooManyEntries(Int)
        /// Two entries share bytes: a non-recursive zip bomb unpacks the same data many times.
        case overlapping
        /// An entry is encrypted (general-purpose flag bit 0).
        case encrypted
        /// An entry is compressed otherwise than stored or deflated.
        case unsupportedMethod
        /// An entry's name is not valid UTF-8 (when flagged so) or holds a NUL.
        case invalidName
    }

    /// Reads the directory of the zip `file`.
    ///
    /// The end record's entry count is checked against `maxEntries` before the central directory
    /// is read at all.
    /// - Throws: ``DirectoryError`` when the zip is not one ehcp can place safely.
    init(_ file: FileHandle, maxEntries: Int) throws(DirectoryError) {
        self.file = file
        guard let size = try? file.seekToEnd(), size < UInt64(Int.max) else { throw .damaged }
        fileSize = Int(size)
        let tailStart = max(0, fileSize - 22 - 0xFFFF)
        guard let tail = read(at: tailStart, count: fileSize - tailStart),
            let (count, start, length) = Self.centralDirectory(ZipFields(tail, at: tailStart), fileSize: fileSize)
        else { throw .damaged }
        guard count <= maxEntries else { throw .tooManyEntries(count) }
        guard length <= 64 << 20, let directory = read(at: start, count: length) else { throw .damaged }
        let fields = ZipFields(directory, at: start)
        var position = start
        var namesAgree = true
        for _ in 0..<count {
            let (item, localNameAgrees) = try entry(fields, at: &position)
            items.append(item)
            namesAgree = namesAgree && localNameAgrees
        }
        // Entries sharing a local header disagree on the name too; sharing is the finding that says why.
        try Self.refuseOverlaps(items, directoryStart: start)
        guard namesAgree else { throw .headerMismatch }
    }

    /// Refuses entries whose local header and data share bytes with another entry's, or run into
    /// the central directory: each entry must own its span of the file, as every zip writer makes it.
    private static func refuseOverlaps(_ items: [Item], directoryStart: Int) throws(DirectoryError) {
        var end = 0
        for item in items.sorted(by: { $0.headerOffset < $1.headerOffset }) {
            guard item.headerOffset >= end else { throw .overlapping }
            end = item.dataOffset + Int(item.compressedSize)
        }
        guard end <= directoryStart else { throw .overlapping }
    }

    func read(at offset: Int, count: Int) -> Data? {
        guard offset >= 0, count >= 0, offset <= fileSize - count, (try? file.seek(toOffset: UInt64(offset))) != nil,
            let data = try? file.read(upToCount: count) ?? Data(), data.count == count
        else { return nil }
        return data
    }

    /// Entry count, start and length of the central directory, from the end records in `tail`.
    private static func centralDirectory(_ tail: ZipFields, fileSize: Int) -> (count: Int, start: Int, length: Int)? {
        let last = fileSize - 22
        guard last >= tail.base else { return nil }
        var end = last
        while end >= tail.base, tail.u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= tail.base, let count = tail.u16(end + 10), let length = tail.u32(end + 12),
            let offset = tail.u32(end + 16)
        else { return nil }
        guard count == 0xFFFF || offset == 0xFFFF_FFFF || length == 0xFFFF_FFFF else {
            return (Int(count), Int(offset), Int(length))
        }
        // Zip64: the locator just before the end record points at the zip64 end record, which ehcp
        // expects in the tail (it directly precedes the locator in every writer it knows).
        guard tail.u32(end - 20) == 0x0706_4B50, let record = tail.u64(end - 12), record < UInt64(fileSize),
            tail.u32(Int(record)) == 0x0606_4B50, let count64 = tail.u64(Int(record) + 32),
            let length64 = tail.u64(Int(record) + 40), let offset64 = tail.u64(Int(record) + 48),
            count64 <= UInt64(Int32.max), offset64 < UInt64(fileSize), length64 < UInt64(fileSize)
        else { return nil }
        return (Int(count64), Int(offset64), Int(length64))
    }

    /// The central directory record at `position`, and whether its local header gives the same
    /// name; moves `position` to the next record.
    private func entry(_ fields: ZipFields, at position: inout Int) throws(DirectoryError) -> (Item, localNameAgrees: Bool) {
        let u16 = fields.u16
        let u32 = fields.u32
        guard u32(position) == 0x0201_4B50, let madeBy = u16(position + 4), let flags = u16(position + 8),
            let method = u16(position + 10), let checksum = u32(position + 16), let compressed32 = u32(position + 20),
            let uncompressed32 = u32(position + 24), let nameLength = u16(position + 28),
            let extraLength = u16(position + 30), let commentLength = u16(position + 32),
            let attributes = u32(position + 38), let offset32 = u32(position + 42),
            let nameBytes = fields.bytes(position + 46, count: Int(nameLength))
        else { throw .damaged }
        guard flags & 1 == 0 else { throw .encrypted }
        guard method == 0 || method == 8 else { throw .unsupportedMethod }
        guard let name = ZipName.decode(nameBytes, utf8: flags & 0x0800 != 0) else { throw .invalidName }
        let extra = position + 46 + Int(nameLength)
        position = extra + Int(extraLength) + Int(commentLength)
        guard
            let sizes = Zip64Extra.sizes(
                fields, from: extra, to: extra + Int(extraLength),
                uncompressed: uncompressed32, compressed: compressed32, offset: offset32)
        else { throw .damaged }
        let offset = sizes.offset
        guard offset < UInt64(fileSize), let header = read(at: Int(offset), count: 30) else { throw .damaged }
        let local = ZipFields(header, at: Int(offset))
        guard local.u32(Int(offset)) == 0x0403_4B50, let localName = local.u16(Int(offset) + 26),
            let localExtra = local.u16(Int(offset) + 28)
        else { throw .damaged }
        let dataOffset = Int(offset) + 30 + Int(localName) + Int(localExtra)
        guard sizes.compressed <= UInt64(fileSize), dataOffset <= fileSize - Int(sizes.compressed) else { throw .damaged }
        let item = Item(
            name: name, kind: Self.kind(name: name, attributes: attributes, host: madeBy >> 8), method: method,
            checksum: checksum, compressedSize: sizes.compressed, uncompressedSize: sizes.uncompressed,
            headerOffset: Int(offset), dataOffset: dataOffset)
        return (item, read(at: Int(offset) + 30, count: Int(localName)) == nameBytes)
    }

    /// A symlink or directory by the Unix mode in the high half of the external attributes; a
    /// directory also by a trailing `/` or the MS-DOS directory attribute.
    private static func kind(name: String, attributes: UInt32, host: UInt16) -> Item.Kind {
        let mode = attributes >> 16 & 0o170000
        if mode == 0o120000 { return .symlink }
        if mode == 0o040000 || name.hasSuffix("/") || (host == 0 && attributes & 0x10 != 0) { return .directory }
        return .file
    }
}
