import EHCPTestSupport
import Foundation
import Testing

/// The libFuzzer targets in `Fuzz/` and the reader benchmark are compiled only by `scripts/fuzz.sh`
/// and `Benchmarks/run.sh`, outside SwiftPM, so an API change can break them unseen. Type-checking
/// them against this build's modules takes a second.
@Suite struct FuzzTargetTests {
    @Test func everyFuzzTargetTypeChecks() throws {
        let products = URL(fileURLWithPath: EHCPProcess.binary).deletingLastPathComponent().path
        let result = try EHCPProcess.run([RepositoryPaths.root + "/scripts/fuzz.sh", "check", products], executable: "/bin/bash")
        #expect(result.status == 0, "\(result.stderr)")
    }
}
