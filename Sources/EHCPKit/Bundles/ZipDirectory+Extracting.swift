import Foundation

extension ZipDirectory {
    /// Why an entry's bytes could not be extracted.
    enum ReadError: Error {
        /// The stream does not end within the entry's bytes, ends before them, gives other than the
        /// declared size, or the CRC-32 differs.
        case damaged
    }

    /// Calls `consumer` with the inflated bytes of `item`, reading nothing outside its compressed
    /// bytes, and checks the size and the CRC-32 the directory declares.
    /// - Throws: ``ReadError/damaged``; whatever `consumer` throws.
    func extract(_ item: Item, chunkSize: Int = 1 << 16, consumer: (Data) throws -> Void) throws {
        var position = item.dataOffset
        let end = item.dataOffset + Int(item.compressedSize)
        var crc: UInt32 = 0
        var produced: UInt64 = 0
        func deliver(_ bytes: Data) throws {
            produced += UInt64(bytes.count)
            guard produced <= item.uncompressedSize else { throw ReadError.damaged }
            crc = Zlib.crc32(bytes, continuing: crc)
            try consumer(bytes)
        }
        let inflater = item.method == 8 ? Zlib.Inflater(bufferSize: chunkSize) : nil
        while position < end {
            guard let chunk = read(at: position, count: min(chunkSize, end - position)) else { throw ReadError.damaged }
            position += chunk.count
            if let inflater {
                do {
                    try inflater.inflate(chunk, consumer: deliver)
                } catch is Zlib.InflateError {
                    throw ReadError.damaged
                }
            } else {
                try deliver(chunk)
            }
        }
        // An empty entry some writers mark deflated holds no stream at all.
        if let inflater, item.compressedSize > 0, !inflater.finished || inflater.trailing > 0 { throw ReadError.damaged }
        guard produced == item.uncompressedSize, crc == item.checksum else { throw ReadError.damaged }
    }
}
