import EHCPTestSupport
import Foundation
import Testing

/// `maxFileSize` in `authority.yaml`: every value, however large or odd, is read or refused with
/// its position, never trapped on.
@Suite struct MaxFileSizeCLITests {
    /// Norfolk's published metadata with `maxFileSize: value` appended; returns the file and the line.
    static func draft(_ value: String) throws -> (file: String, line: Int) {
        let folder = try EHCPProcess.temporaryFolder()
        let text = try RepositoryPaths.text("LocalAuthorities/926-norfolk/authority.yaml")
        let file = folder + "/authority.yaml"
        try (text + "maxFileSize: \(value)\n").write(toFile: file, atomically: true, encoding: .utf8)
        return (file, text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    @Test(arguments: ["inf MB", "-inf MB", "nan MB", "NaN GB", "-5 MB", "0", "0 KB", "1e30", "0.0000001 MB"])
    func malformedSizesAreRefusedWithTheirPosition(_ value: String) throws {
        let (file, line) = try Self.draft(value)
        let lint = try EHCPProcess.run(["rules", "lint", file])
        #expect(lint.status == 1, "\(lint.stderr)")
        #expect(lint.stderr.contains("authority.yaml:\(line):14: error: maxFileSize should be a size such as 10 MB"), "\(lint.stderr)")
    }

    @Test(arguments: ["1e30 GB", "1e300 MB", "2048 GB", "18446744073709551615", "99999999999999999999999"])
    func hugeSizesAreRefusedWithTheirPosition(_ value: String) throws {
        let (file, line) = try Self.draft(value)
        let lint = try EHCPProcess.run(["rules", "lint", file])
        #expect(lint.status == 1, "\(lint.stderr)")
        #expect(lint.stderr.contains("authority.yaml:\(line):14: error: maxFileSize is larger than the 1024 GB ehcp accepts"), "\(lint.stderr)")
    }

    @Test(arguments: ["1024 GB", "10 MB", "1.5 MB", "250"])
    func sizesUpToTheBoundAreAccepted(_ value: String) throws {
        let (file, _) = try Self.draft(value)
        let lint = try EHCPProcess.run(["rules", "lint", file])
        #expect(lint.status == 0, "\(lint.stderr)")
    }
}
