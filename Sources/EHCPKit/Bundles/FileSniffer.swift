import Foundation

/// Recognises evidence file types by their content, not their name.
public enum FileSniffer {
    /// The extensions evidence files may have (docs/design.md, Bundles).
    public static let allowedExtensions = ["pdf", "docx", "doc", "odt", "rtf", "txt", "jpg", "jpeg", "png", "tif", "tiff"]

    /// True when `bytes`, a whole file, look like a file of type `fileExtension`.
    public static func matches(_ bytes: [UInt8], fileExtension: String) -> Bool {
        matches(head: bytes, tail: [], complete: true, fileExtension: fileExtension)
    }

    /// True when a file whose first bytes are `head` and last bytes `tail` looks like a file of
    /// type `fileExtension`.
    ///
    /// Signatures are at the start; the names a DOCX or ODT holds are in its first entries or in
    /// the zip's central directory at the end. Text must be UTF-8 without NUL in what was read.
    /// - Parameter complete: true when `head` is the whole file (else a character cut at the end
    ///   of `head` is not held against it).
    static func matches(head bytes: [UInt8], tail: [UInt8], complete: Bool, fileExtension: String) -> Bool {
        func starts(_ signature: [UInt8]) -> Bool { bytes.starts(with: signature) }
        func contains(_ text: String) -> Bool {
            FileSniffer.contains(bytes, Array(text.utf8)) || FileSniffer.contains(tail, Array(text.utf8))
        }
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        switch fileExtension.lowercased() {
        case "pdf": return starts(Array("%PDF-".utf8))
        case "docx": return starts(zip) && contains("word/")
        case "odt": return starts(zip) && contains("application/vnd.oasis.opendocument.text")
        case "doc": return starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        case "rtf": return starts(Array("{\\rtf".utf8))
        case "txt": return !bytes.contains(0) && !tail.contains(0) && isUTF8(bytes, cutAtEnd: !complete)
        case "jpg", "jpeg": return starts([0xFF, 0xD8, 0xFF])
        case "png": return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "tif", "tiff": return starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])
        default: return false
        }
    }

    /// True for a PDF whose trailer names an `/Encrypt` dictionary (a password or permissions).
    public static func isEncryptedPDF(_ bytes: [UInt8]) -> Bool {
        contains(bytes, encryptMarker)
    }

    /// The name a PDF's trailer gives its encryption dictionary.
    static let encryptMarker = Array("/Encrypt".utf8)

    /// True when `bytes` are UTF-8, allowing a character cut short at the end when `cutAtEnd`.
    private static func isUTF8(_ bytes: [UInt8], cutAtEnd: Bool) -> Bool {
        // A UTF-8 character is at most 4 bytes: at most 3 of a cut one are left at the end.
        let cuts = cutAtEnd ? 0...min(3, bytes.count) : 0...0
        return cuts.contains { String(validating: bytes.dropLast($0), as: UTF8.self) != nil }
    }

    /// True when `needle` occurs in `bytes`: memchr(3) finds each candidate first byte and
    /// memcmp(3) checks it, so a large chunk is searched at C speed without a copy.
    static func contains(_ bytes: some ContiguousBytes, _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { wanted in
                guard let base = haystack.baseAddress, let target = wanted.baseAddress, let first = needle.first,
                    haystack.count >= wanted.count
                else { return false }
                var offset = 0
                while let hit = memchr(base + offset, Int32(first), haystack.count - wanted.count + 1 - offset) {
                    if memcmp(hit, target, wanted.count) == 0 { return true }
                    offset = base.distance(to: UnsafeRawPointer(hit)) + 1
                    if offset > haystack.count - wanted.count { return false }
                }
                return false
            }
        }
    }
}
