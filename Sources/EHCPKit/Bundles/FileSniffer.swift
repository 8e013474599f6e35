/// Recognises evidence file types by their content, not their name.
public enum FileSniffer {
    /// The extensions evidence files may have (DESIGN section 4).
    public static let allowedExtensions = ["pdf", "docx", "doc", "odt", "rtf", "txt", "jpg", "jpeg", "png", "tif", "tiff"]

    /// True when `bytes` look like a file of type `fileExtension`.
    public static func matches(_ bytes: [UInt8], fileExtension: String) -> Bool {
        func starts(_ signature: [UInt8]) -> Bool { bytes.starts(with: signature) }
        func contains(_ text: String) -> Bool { FileSniffer.contains(bytes, Array(text.utf8)) }
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        switch fileExtension.lowercased() {
        case "pdf": return starts(Array("%PDF-".utf8))
        case "docx": return starts(zip) && contains("word/")
        case "odt": return starts(zip) && contains("application/vnd.oasis.opendocument.text")
        case "doc": return starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        case "rtf": return starts(Array("{\\rtf".utf8))
        case "txt": return !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
        case "jpg", "jpeg": return starts([0xFF, 0xD8, 0xFF])
        case "png": return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "tif", "tiff": return starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])
        default: return false
        }
    }

    /// True for a PDF whose trailer names an `/Encrypt` dictionary (a password or permissions).
    public static func isEncryptedPDF(_ bytes: [UInt8]) -> Bool {
        contains(bytes, Array("/Encrypt".utf8))
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
