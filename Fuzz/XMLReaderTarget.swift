import EHCPKit
import EHCPSource
import EHCPXML

/// libFuzzer entry: arbitrary bytes through the XML reader and the canonical XML format, which
/// must never trap, expand an entity or read a file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? XMLReader.read(bytes, file: "fuzz.xml")
    if let read = try? CanonicalXMLFormat().read(bytes, file: "fuzz.xml") {
        _ = try? CanonicalXMLFormat().write(read.application)
    }
    return 0
}
