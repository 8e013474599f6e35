import Foundation
import ZIPFoundation

/// Where each entry's data lies in a zip file, read from its central directory and local headers.
///
/// ZIPFoundation 0.9.20 inflates by reading the archive until the deflate stream ends; a stream that
/// never ends (a truncated or forged entry) makes it read past the entry and then loop forever at the
/// end of the file (found by the zip fuzz target). ehcp therefore feeds the inflater itself, from
/// exactly the entry's compressed bytes, and needs each entry's data offset, which ZIPFoundation
/// keeps internal. The same inflater also tells zlib a short last chunk is full length; see
/// ``extract(_:checksum:chunkSize:consumer:)``.
struct ZipDirectory {
    struct Item {
        var method: UInt16
        var compressedSize: UInt64
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
        /// Not a zip, or its records point outside the file.
        case damaged
        /// The end record declares more entries than allowed (the count it declares).
        case tooManyEntries(Int)
        /// Two entries share bytes: a non-recursive zip bomb unpacks the same data many times.
        case overlapping
    }

    /// Reads the directory of the zip `file`.
    ///
    /// The end record's entry count is checked against `maxEntries` before the central directory
    /// is read at all. Only the end records, the central directory and each local header are read
    /// here; entry data is read chunk by chunk by ``extract(_:checksum:chunkSize:consumer:)``.
    /// - Throws: ``DirectoryError`` when the zip is not one ehcp can place safely.
    init(_ file: FileHandle, maxEntries: Int) throws(DirectoryError) {
        self.file = file
        guard let size = try? file.seekToEnd(), size < UInt64(Int.max) else { throw .damaged }
        fileSize = Int(size)
        let tailStart = max(0, fileSize - 22 - 0xFFFF)
        guard let tail = read(at: tailStart, count: fileSize - tailStart),
            let (count, start, length) = Self.centralDirectory(Fields(tail, at: tailStart), fileSize: fileSize)
        else { throw .damaged }
        guard count <= maxEntries else { throw .tooManyEntries(count) }
        guard length <= 64 << 20, let directory = read(at: start, count: length) else { throw .damaged }
        let fields = Fields(directory, at: start)
        var position = start
        for _ in 0..<count {
            guard let item = entry(fields, at: &position) else { throw .damaged }
            items.append(item)
        }
        try Self.refuseOverlaps(items, directoryStart: start)
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

    private func read(at offset: Int, count: Int) -> Data? {
        guard offset >= 0, count >= 0, offset + count <= fileSize, (try? file.seek(toOffset: UInt64(offset))) != nil,
            let data = try? file.read(upToCount: count) ?? Data(), data.count == count
        else { return nil }
        return data
    }

    // MARK: - Reading little-endian fields, bounds-checked

    /// Bytes read from the file at `base`, addressed by file offset.
    private struct Fields {
        let bytes: Data
        let base: Int

        init(_ bytes: Data, at base: Int) {
            self.bytes = bytes
            self.base = base
        }

        func u16(_ offset: Int) -> UInt16? {
            let index = offset - base
            guard index >= 0, index + 2 <= bytes.count else { return nil }
            let start = bytes.startIndex + index
            return UInt16(bytes[start]) | UInt16(bytes[start + 1]) << 8
        }

        func u32(_ offset: Int) -> UInt32? {
            guard let low = u16(offset), let high = u16(offset + 2) else { return nil }
            return UInt32(low) | UInt32(high) << 16
        }

        func u64(_ offset: Int) -> UInt64? {
            guard let low = u32(offset), let high = u32(offset + 4) else { return nil }
            return UInt64(low) | UInt64(high) << 32
        }
    }

    /// Entry count, start and length of the central directory, from the end records in `tail`.
    private static func centralDirectory(_ tail: Fields, fileSize: Int) -> (count: Int, start: Int, length: Int)? {
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
            count64 < UInt64(Int32.max), offset64 < UInt64(fileSize), length64 < UInt64(fileSize)
        else { return nil }
        return (Int(count64), Int(offset64), Int(length64))
    }

    private func entry(_ fields: Fields, at position: inout Int) -> Item? {
        let u16 = fields.u16, u32 = fields.u32, u64 = fields.u64
        guard u32(position) == 0x0201_4B50, let method = u16(position + 10), let compressed32 = u32(position + 20),
            let uncompressed32 = u32(position + 24), let nameLength = u16(position + 28),
            let extraLength = u16(position + 30), let commentLength = u16(position + 32),
            let offset32 = u32(position + 42)
        else { return nil }
        var compressed = UInt64(compressed32)
        var offset = UInt64(offset32)
        // Zip64 extra field: the 64-bit values in order, for each 32-bit field that is all ones.
        var extra = position + 46 + Int(nameLength)
        let extraEnd = extra + Int(extraLength)
        while extra + 4 <= extraEnd, let id = u16(extra), let size = u16(extra + 2) {
            if id == 0x0001 {
                var field = extra + 4
                if uncompressed32 == 0xFFFF_FFFF { field += 8 }
                if compressed32 == 0xFFFF_FFFF { compressed = u64(field) ?? .max; field += 8 }
                if offset32 == 0xFFFF_FFFF { offset = u64(field) ?? .max }
            }
            extra += 4 + Int(size)
        }
        position = extraEnd + Int(commentLength)
        guard offset < UInt64(fileSize), let header = read(at: Int(offset), count: 30) else { return nil }
        let local = Fields(header, at: Int(offset))
        guard local.u32(Int(offset)) == 0x0403_4B50, let localName = local.u16(Int(offset) + 26),
            let localExtra = local.u16(Int(offset) + 28)
        else { return nil }
        let dataOffset = Int(offset) + 30 + Int(localName) + Int(localExtra)
        guard compressed <= UInt64(fileSize), dataOffset + Int(compressed) <= fileSize else { return nil }
        return Item(method: method, compressedSize: compressed, headerOffset: Int(offset), dataOffset: dataOffset)
    }

    // MARK: - Inflating

    enum ReadError: Error {
        case damaged
    }

    /// Calls `consumer` with the inflated bytes of `item`, reading nothing outside its compressed
    /// bytes, and checks the CRC-32.
    func extract(_ item: Item, checksum: CRC32, chunkSize: Int = 1 << 16, consumer: (Data) throws -> Void) throws {
        var position = item.dataOffset
        let end = item.dataOffset + Int(item.compressedSize)
        func next(_ size: Int) throws -> Data {
            guard position < end, let chunk = read(at: position, count: min(size, end - position)) else {
                throw ReadError.damaged
            }
            position += chunk.count
            return chunk
        }
        var crc: CRC32 = 0
        switch item.method {
        case 0:
            while position < end {
                let chunk = try next(chunkSize)
                crc = chunk.crc32(checksum: crc)
                try consumer(chunk)
            }
        case 8:
            crc = try Data.decompress(size: Int64(item.compressedSize), bufferSize: chunkSize, skipCRC32: false,
                provider: { _, size in
                    // An empty chunk would make the inflater spin: the stream ran past its entry.
                    var chunk = try next(size)
                    // ZIPFoundation hands zlib `size` bytes whatever the chunk holds (a read past
                    // the buffer, also found by the fuzz target): pad the last chunk with zeros,
                    // which a well-formed stream has ended before, and the CRC catches otherwise.
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: consumer)
        default:
            throw ReadError.damaged
        }
        guard crc == checksum else { throw ReadError.damaged }
    }
}
