import EHCPKit
import EHCPSource
import EHCPYAML

/// libFuzzer entry: arbitrary bytes through the YAML and JSON readers, then the canonical YAML
/// format (decode by the schema and write back out), which must never trap. The one-pass event
/// stream must refuse every document the tree readers refuse.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? YAMLReader.documents(bytes, file: "fuzz.yaml")
    let yamlRefused = (try? YAMLReader.document(bytes, file: "fuzz.yaml")) == nil
    let jsonRefused = (try? JSONReader.document(bytes, file: "fuzz.json")) == nil
    if yamlRefused && CheckedEventStream.read(bytes, file: "fuzz.yaml", json: false, { _, _, _ in }) {
        fatalError("the one pass read a YAML document the tree reader refuses")
    }
    if jsonRefused && CheckedEventStream.read(bytes, file: "fuzz.json", json: true, { _, _, _ in }) {
        fatalError("the one pass read a JSON document the tree reader refuses")
    }
    if let read = try? CanonicalYAMLFormat().read(bytes, file: "fuzz.yaml") {
        _ = try? CanonicalYAMLFormat().write(read.application)
    }
    return 0
}
