import EHCPKit

/// libFuzzer entry: arbitrary bytes as a rule set file; every problem must become a diagnostic.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleSetLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = RuleSetLoader.lint(bytes, file: "fuzz-requirements.yaml")
    return 0
}
