import EHCPKit
import Foundation

/// libFuzzer entry: arbitrary bytes as a zipped bundle. Unpacking must stay inside its private
/// folder, respect the limits, and remove the folder whatever happens.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZipReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ehcp-fuzz-\(getpid()).zip").path
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data!, count: size)) else { return 0 }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let limits = ZipLimits(maxEntries: 64, maxTotalBytes: 4 << 20, maxRatio: 100)
    _ = try? ZipBundle.withUnpacked(path, limits: limits) { folder in
        let located = try BundleLocator.locate(in: folder) { .canonicalOnly }
        // The zip limits keep every unpacked file under 4 MiB.
        let bytes = [UInt8](FileManager.default.contents(atPath: located.path) ?? Data())
        let format = try located.format ?? FormatRegistry.canonicalOnly.detect(path: located.path, bytes: bytes)
        _ = try format.read(bytes, file: located.path)
    }
    return 0
}
