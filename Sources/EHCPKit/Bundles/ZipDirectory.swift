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
        var dataOffset: Int
    }

    let bytes: Data
    private(set) var items: [Item] = []

    /// Reads the directory of the zip in `bytes`; nil when it is not one ehcp can place safely.
    init?(_ bytes: Data) {
        self.bytes = bytes
        guard let (count, start) = Self.centralDirectory(bytes) else { return nil }
        var position = start
        for _ in 0..<count {
            guard let item = entry(at: &position) else { return nil }
            items.append(item)
        }
    }

    // MARK: - Reading little-endian fields, bounds-checked

    private func u16(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= bytes.count else { return nil }
        let start = bytes.startIndex + offset
        return UInt16(bytes[start]) | UInt16(bytes[start + 1]) << 8
    }

    private func u32(_ offset: Int) -> UInt32? {
        guard let low = u16(offset), let high = u16(offset + 2) else { return nil }
        return UInt32(low) | UInt32(high) << 16
    }

    private func u64(_ offset: Int) -> UInt64? {
        guard let low = u32(offset), let high = u32(offset + 4) else { return nil }
        return UInt64(low) | UInt64(high) << 32
    }

    private static func centralDirectory(_ bytes: Data) -> (count: Int, start: Int)? {
        let reader = ZipDirectory(unparsed: bytes)
        let last = bytes.count - 22
        guard last >= 0 else { return nil }
        var end = last
        while end >= max(0, last - 0xFFFF), reader.u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= max(0, last - 0xFFFF), let count = reader.u16(end + 10), let offset = reader.u32(end + 16) else { return nil }
        guard count == 0xFFFF || offset == 0xFFFF_FFFF else { return (Int(count), Int(offset)) }
        // Zip64: the locator just before the end record points at the zip64 end record.
        guard reader.u32(end - 20) == 0x0706_4B50, let record = reader.u64(end - 12), record < UInt64(bytes.count),
            reader.u32(Int(record)) == 0x0606_4B50, let count64 = reader.u64(Int(record) + 32),
            let offset64 = reader.u64(Int(record) + 48), count64 < UInt64(Int32.max), offset64 < UInt64(bytes.count)
        else { return nil }
        return (Int(count64), Int(offset64))
    }

    private init(unparsed bytes: Data) {
        self.bytes = bytes
    }

    private func entry(at position: inout Int) -> Item? {
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
        guard offset < UInt64(bytes.count), u32(Int(offset)) == 0x0403_4B50,
            let localName = u16(Int(offset) + 26), let localExtra = u16(Int(offset) + 28)
        else { return nil }
        let dataOffset = Int(offset) + 30 + Int(localName) + Int(localExtra)
        guard compressed <= UInt64(bytes.count), dataOffset + Int(compressed) <= bytes.count else { return nil }
        return Item(method: method, compressedSize: compressed, dataOffset: dataOffset)
    }

    // MARK: - Inflating

    enum ReadError: Error {
        case damaged
    }

    /// Calls `consumer` with the inflated bytes of `item`, reading nothing outside its compressed
    /// bytes, and checks the CRC-32.
    func extract(_ item: Item, checksum: CRC32, chunkSize: Int = 1 << 16, consumer: (Data) throws -> Void) throws {
        let start = bytes.startIndex + item.dataOffset
        let end = start + Int(item.compressedSize)
        var crc: CRC32 = 0
        switch item.method {
        case 0:
            var position = start
            while position < end {
                let chunk = bytes[position..<min(end, position + chunkSize)]
                crc = chunk.crc32(checksum: crc)
                try consumer(chunk)
                position += chunk.count
            }
        case 8:
            var position = start
            crc = try Data.decompress(size: Int64(item.compressedSize), bufferSize: chunkSize, skipCRC32: false,
                provider: { _, size in
                    // An empty chunk would make the inflater spin: the stream ran past its entry.
                    guard position < end else { throw ReadError.damaged }
                    var chunk = Data(bytes[position..<min(end, position + size)])
                    position += chunk.count
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
