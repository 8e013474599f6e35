import EHCPKit
import EHCPSource
import EHCPYAML

/// libFuzzer entry: arbitrary bytes through the YAML and JSON readers, then the canonical YAML
/// format (decode by the schema and write back out), which must never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? YAMLReader.documents(bytes, file: "fuzz.yaml")
    _ = try? JSONReader.document(bytes, file: "fuzz.json")
    if let read = try? CanonicalYAMLFormat().read(bytes, file: "fuzz.yaml") {
        _ = try? CanonicalYAMLFormat().write(read.application)
    }
    return 0
}
