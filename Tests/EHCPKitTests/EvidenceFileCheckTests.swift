import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// The `FILE-` checks on a copy of the bundled example with its files broken one way each.
@Suite struct EvidenceFileCheckTests {
    private func validate(_ change: (String) throws -> Void) throws -> [Finding] {
        let folder = NSTemporaryDirectoryPath.make() + "/bundle"
        try FileManager.default.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: folder)
        try change(folder)
        let validator = Validator(rulesets: RuleSetCatalog(directory: RepositoryPaths.localAuthorities), options: ValidationOptions())
        return try validator.validate(bundle: folder).findings.filter { $0.rule.hasPrefix("FILE-") }
    }

    private func edit(_ folder: String, _ from: String, _ to: String) throws {
        let file = folder + "/application.yaml"
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: from, with: to).write(toFile: file, atomically: true, encoding: .utf8)
    }

    @Test func theExampleHasNoFileFindings() throws {
        #expect(try validate { _ in }.isEmpty)
    }

    @Test func missingEmptyAndMislabelledFiles() throws {
        let findings = try validate { folder in
            try FileManager.default.removeItem(atPath: folder + "/evidence/apdr-1.pdf")
            try Data().write(to: URL(fileURLWithPath: folder + "/evidence/apdr-2.pdf"))
            try Data("plain text".utf8).write(to: URL(fileURLWithPath: folder + "/evidence/indes-2026.pdf"))
        }
        #expect(Set(findings.map(\.rule)) == ["FILE-MISSING", "FILE-EMPTY", "FILE-TYPE"])
    }

    @Test func pathsLeavingTheBundleAreRefused() throws {
        let findings = try validate { folder in
            try edit(folder, "file: evidence/apdr-1.pdf", "file: ../outside.pdf")
            try FileManager.default.createSymbolicLink(atPath: folder + "/evidence/link.pdf", withDestinationPath: "/etc/hostname")
            try edit(folder, "file: evidence/apdr-2.pdf", "file: evidence/link.pdf")
        }
        #expect(findings.filter { $0.rule == "FILE-PATH" }.count == 2)
    }

    @Test func digestsEncryptionDuplicatesAndStrayFiles() throws {
        let findings = try validate { folder in
            try edit(folder, "  file: evidence/apdr-1.pdf", "  file: evidence/apdr-1.pdf\n  sha256: \"" + String(repeating: "0", count: 64) + "\"")
            try Data("%PDF-1.7\ntrailer << /Encrypt 5 0 R >>\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: folder + "/evidence/apdr-2.pdf"))
            try FileManager.default.removeItem(atPath: folder + "/evidence/indes-2026.pdf")
            try FileManager.default.copyItem(atPath: folder + "/evidence/dp1-consent.pdf", toPath: folder + "/evidence/indes-2026.pdf")
            try Data("notes".utf8).write(to: URL(fileURLWithPath: folder + "/stray.txt"))
        }
        #expect(Set(findings.map(\.rule)) == ["FILE-SHA256", "FILE-ENCRYPTED", "FILE-DUPLICATE", "FILE-UNREFERENCED"])
        #expect(findings.first { $0.rule == "FILE-UNREFERENCED" }?.severity == .info)
    }

    @Test(arguments: [
        "evidence/report.pdf", "scan.PDF", "a.b.docx", "noextension", ".hidden", "evidence/.pdf", "dir.d/file", "dir.d/",
        "file.", "..", ".", "/", "", "a/b/c.tar.gz", "évidence/rapport.pdf", "name with space. pdf", "trailing.pdf//"
    ])
    func pathExtensionIsFoundationsWithoutNSString(_ path: String) {
        #expect(EvidenceFileCheck.pathExtension(path) == (path as NSString).pathExtension)
    }
}
