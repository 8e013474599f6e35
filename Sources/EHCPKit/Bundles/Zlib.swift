internal import CZlib
import Foundation

/// zlib, for the zip layer: raw deflate streams (no zlib header, as zip entries hold them) and CRC-32.
///
/// The one file that sees zlib's C types. The inflater is fed by its caller, chunk by chunk, so the
/// caller decides exactly which bytes it may read.
package enum Zlib {
    /// The CRC-32 of `bytes`, continuing `crc` (0 to start).
    package static func crc32<Bytes: ContiguousBytes>(_ bytes: Bytes, continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { buffer in
            var value = UInt(crc)
            var rest = UnsafeRawBufferPointer(buffer)
            // zlib takes a 32-bit length: larger buffers are summed in parts.
            while !rest.isEmpty {
                let part = min(rest.count, Int(UInt32.max >> 1))
                value = CZlib.crc32(value, rest.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(part))
                rest = UnsafeRawBufferPointer(rebasing: rest[part...])
            }
            return UInt32(truncatingIfNeeded: value)
        }
    }

    /// `bytes` as one raw deflate stream at the default level.
    package static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        Deflater().deflate(bytes, finish: true)
    }

    /// Deflates one raw stream fed in chunks, into a fixed buffer.
    package final class Deflater {
        private var stream = z_stream()
        private var buffer = [UInt8](repeating: 0, count: 1 << 16)

        package init() {
            guard
                deflateInit2_(
                    &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                    ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
            else { preconditionFailure("zlib could not start a deflate stream") }
        }

        deinit { deflateEnd(&stream) }

        /// The compressed bytes for `chunk`, the next bytes of the stream; `finish` ends the stream
        /// after it.
        package func deflate(_ chunk: [UInt8], finish: Bool) -> [UInt8] {
            var output: [UInt8] = []
            var input = chunk
            input.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                defer { stream.next_in = nil }
                // zlib says it is done when it leaves output room to spare (or ends the stream).
                var full = true
                while full {
                    let status = buffer.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        let status = CZlib.deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
                        output += target[..<(target.count - Int(stream.avail_out))]
                        full = stream.avail_out == 0
                        return status
                    }
                    precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "zlib could not deflate")
                    if status == Z_STREAM_END { break }
                }
            }
            return output
        }
    }

    /// Why a raw deflate stream could not be inflated.
    package enum InflateError: Error {
        /// The bytes are not a deflate stream, or it goes on after its input ran out.
        case damaged
    }

    /// Inflates one raw deflate stream fed in chunks, into a fixed buffer.
    package final class Inflater {
        private var stream = z_stream()
        private var buffer: [UInt8]
        /// True once the stream's last block has been inflated.
        package private(set) var finished = false

        package init(bufferSize: Int = 1 << 16) {
            buffer = [UInt8](repeating: 0, count: bufferSize)
            guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                preconditionFailure("zlib could not start an inflate stream")
            }
        }

        deinit { inflateEnd(&stream) }

        /// Inflates `chunk`, the next bytes of the stream, calling `consumer` with each part of the
        /// output. Bytes after the end of the stream are not read; ``trailing`` counts them.
        /// - Throws: ``InflateError/damaged`` when the bytes are not deflate data; whatever `consumer` throws.
        package func inflate(_ chunk: Data, consumer: (Data) throws -> Void) throws {
            guard !finished else {
                if !chunk.isEmpty { trailing += chunk.count }
                return
            }
            var input = [UInt8](chunk)
            try input.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                defer {
                    stream.next_in = nil
                    stream.avail_in = 0
                }
                // Until the stream ends, or zlib has taken all the input and has output room to spare
                // (a full buffer may leave output pending inside zlib).
                while !finished {
                    let (status, produced, full) = buffer.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                        return (status, Data(target[..<(target.count - Int(stream.avail_out))]), stream.avail_out == 0)
                    }
                    switch status {
                    case Z_STREAM_END: finished = true
                    case Z_OK: break
                    case Z_BUF_ERROR where stream.avail_in == 0: break
                    // A data error, no progress with input left, or a preset dictionary (never in a zip).
                    default: throw InflateError.damaged
                    }
                    if !produced.isEmpty { try consumer(produced) }
                    if stream.avail_in == 0 && !full { break }
                }
                trailing += Int(stream.avail_in)
            }
        }

        /// Bytes fed after the end of the stream.
        package private(set) var trailing = 0
    }
}
