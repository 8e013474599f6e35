import EHCPTestSupport
import Foundation
import Testing

/// Reports that list rules (JUnit, SARIF) list each bundle's own: two requests to Bedford either
/// side of the date its rule set took effect (2018-09-01), checked in one run.
@Suite struct RulesPerBundleCLITests {
    static func intake() throws -> String {
        let intake = try EHCPProcess.temporaryFolder()
        for (name, date) in [("a-before", "2018-08-31"), ("b-after", "2018-09-01")] {
            try FileManager.default.createDirectory(atPath: intake + "/" + name, withIntermediateDirectories: true)
            try "schemaVersion: \"1.1\"\nauthority: \"822\"\ndateOfRequest: \(date)\n".write(
                toFile: intake + "/\(name)/application.yaml", atomically: true, encoding: .utf8)
        }
        return intake
    }

    /// The test cases of each `<testsuite>`, in order.
    static func testcases(_ junit: String) -> [[String]] {
        junit.components(separatedBy: "<testsuite ").dropFirst().map { suite in
            suite.components(separatedBy: "<testcase ").dropFirst().compactMap { testcase in
                testcase.components(separatedBy: "name=\"").dropFirst().first?.components(separatedBy: "\"").first
            }
        }
    }

    @Test func junitListsTheRulesInEffectOnEachBundlesDate() throws {
        let intake = try Self.intake()
        let result = try EHCPProcess.run(["validate", intake + "/a-before", intake + "/b-after", "--format", "junit", "--jobs", "2"])
        let suites = Self.testcases(result.stdout)
        try #require(suites.count == 2, "\(result.stderr)")
        #expect(!suites[0].isEmpty && !suites[0].contains { $0.hasPrefix("BED-") })
        #expect(suites[1].contains { $0.hasPrefix("BED-") })
        // The other way round, the first bundle's date must not decide for the second either.
        let reversed = Self.testcases(try EHCPProcess.run(["validate", intake + "/b-after", intake + "/a-before", "--format", "junit"]).stdout)
        #expect(reversed[0].contains { $0.hasPrefix("BED-") })
        #expect(!reversed[1].contains { $0.hasPrefix("BED-") })
    }
}
