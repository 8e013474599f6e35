import Foundation

/// Bytes read from a zip file at `base`, addressed by file offset: little-endian fields, each read
/// bounds-checked (nil when any byte of it lies outside).
struct ZipFields {
    let bytes: Data
    let base: Int

    init(_ bytes: Data, at base: Int) {
        self.bytes = bytes
        self.base = base
    }

    func u16(_ offset: Int) -> UInt16? {
        let index = offset - base
        guard index >= 0, index <= bytes.count - 2 else { return nil }
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

    func bytes(_ offset: Int, count: Int) -> Data? {
        let index = offset - base
        guard index >= 0, count >= 0, index <= bytes.count - count else { return nil }
        return bytes.subdata(in: bytes.startIndex + index..<bytes.startIndex + index + count)
    }
}

/// The zip64 extended information extra field (id 1) of a central directory record.
enum Zip64Extra {
    /// The sizes and local header offset of an entry, taking each 32-bit field that is all ones
    /// from the zip64 extra field between `start` and `end`, in the order the format gives them.
    /// Nil when the extra fields overrun their space, or the zip64 field is shorter than the
    /// values it must hold.
    static func sizes(
        _ fields: ZipFields, from start: Int, to end: Int, uncompressed: UInt32, compressed: UInt32,
        offset: UInt32
    ) -> (uncompressed: UInt64, compressed: UInt64, offset: UInt64)? {
        var values = (uncompressed: UInt64(uncompressed), compressed: UInt64(compressed), offset: UInt64(offset))
        var position = start
        while position < end {
            guard position <= end - 4, let id = fields.u16(position), let size = fields.u16(position + 2),
                position + 4 + Int(size) <= end
            else { return nil }
            if id == 0x0001 {
                var field = position + 4
                let fieldEnd = field + Int(size)
                func next() -> UInt64? {
                    guard field + 8 <= fieldEnd, let value = fields.u64(field) else { return nil }
                    field += 8
                    return value
                }
                if uncompressed == 0xFFFF_FFFF {
                    guard let value = next() else { return nil }
                    values.uncompressed = value
                }
                if compressed == 0xFFFF_FFFF {
                    guard let value = next() else { return nil }
                    values.compressed = value
                }
                if offset == 0xFFFF_FFFF {
                    guard let value = next() else { return nil }
                    values.offset = value
                }
            }
            position += 4 + Int(size)
        }
        return values
    }
}

/// Entry names: UTF-8 when general-purpose flag bit 11 is set, else code page 437, the format's default.
enum ZipName {
    /// Code page 437's characters for the bytes 0x80 to 0xFF; below 0x80 it is ASCII.
    private static let upperHalf = Array(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}"
            .unicodeScalars)

    /// The name `bytes` spell, or nil when they are not valid in their encoding or hold a NUL.
    static func decode(_ bytes: Data, utf8: Bool) -> String? {
        guard !bytes.contains(0) else { return nil }
        if utf8 { return String(validating: bytes, as: UTF8.self) }
        var name = String.UnicodeScalarView()
        for byte in bytes { name.append(byte < 0x80 ? Unicode.Scalar(byte) : upperHalf[Int(byte) - 0x80]) }
        return String(name)
    }
}
