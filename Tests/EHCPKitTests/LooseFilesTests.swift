import EHCPSource
import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// `Validator.validate(document:looseFiles:)`: evidence files given by their names alone, as a
/// browser sends them, are laid out at the paths the document lists.
@Suite struct LooseFilesTests {
    private let validator = Validator(rulesets: RuleSetCatalog(directory: RepositoryPaths.localAuthorities), options: ValidationOptions())
    private let folder = RepositoryPaths.examples + "/riverside-request"

    private func document() throws -> BundleFile {
        BundleFile(name: "application.yaml", bytes: try FileAccess.read(folder + "/application.yaml"))
    }

    /// The example's evidence files, each by its file name alone.
    private func evidence() throws -> [BundleFile] {
        try FileAccess.list(folder + "/evidence").sorted().map { BundleFile(name: $0, bytes: try FileAccess.read(folder + "/evidence/" + $0)) }
    }

    private func rules(_ report: BundleReport) -> [String] { report.findings.map { "\($0.rule) \($0.path ?? "") \($0.message)" } }

    @Test func filesMatchedByNameReportWhatTheFolderReports() throws {
        let loose = try validator.validate(document: document(), looseFiles: evidence(), named: "bundle")
        let expected = try validator.validate(bundle: folder)
        #expect(rules(loose) == rules(expected))
        let enclosure = try #require(loose.enclosure)
        #expect(enclosure.items.count == 7 && enclosure.items.allSatisfy(\.found) && enclosure.unlisted.isEmpty)
        #expect(enclosure.items[0].typeLabel == "a speech and language therapy report" && enclosure.items[0].file == "evidence/salt-2026.pdf")
        #expect(expected.enclosure == enclosure)
    }

    @Test func aFileNoItemNamesIsListedAsSentButNotListed() throws {
        var files = try evidence()
        files.append(BundleFile(name: "C:\\Users\\senco\\notes.pdf", bytes: Array("%PDF-1.4\n".utf8)))
        let report = try validator.validate(document: document(), looseFiles: files)
        #expect(report.findings.filter { $0.rule == "FILE-UNREFERENCED" }.map(\.message) == ["notes.pdf is in the bundle but no evidence item lists it"])
        #expect(report.enclosure?.unlisted == ["notes.pdf"])
    }

    @Test func aMisspeltFileIsMissingWithItsNearestName() throws {
        let files = try evidence().map { $0.name == "apdr-1.pdf" ? BundleFile(name: "apdr1.pdf", bytes: $0.bytes) : $0 }
        let report = try validator.validate(document: document(), looseFiles: files)
        let missing = report.findings.filter { $0.rule == "FILE-MISSING" }
        #expect(
            missing.map(\.message) == [
                "evidence[1].file names a file that is not in the bundle; the nearest name in the bundle is apdr1.pdf: check the spelling"
            ])
        #expect(report.enclosure?.items[1].found == false && report.enclosure?.unlisted == ["apdr1.pdf"])
    }

    @Test func aNameThatCouldBeTwoFilesIsAmbiguousNotGuessed() throws {
        var files = try evidence()
        files.append(BundleFile(name: "other/apdr-1.pdf", bytes: Array("%PDF-1.7\n".utf8)))
        let report = try validator.validate(document: document(), looseFiles: files)
        let ambiguous = report.findings.filter { $0.rule == "FILE-AMBIGUOUS" }
        #expect(ambiguous.map(\.path) == ["evidence[1].file"] && ambiguous.allSatisfy { $0.severity == .error })
        #expect(!report.findings.contains { $0.rule == "FILE-UNREFERENCED" } && !report.isValid)
        #expect(report.enclosure?.items[1].found == false)
    }

    @Test func aDocumentWithNoFilesHasEveryItemMissing() throws {
        let report = try validator.validate(document: document(), looseFiles: [])
        #expect(report.findings.filter { $0.rule == "FILE-MISSING" }.count == 7)
        #expect(report.enclosure?.items.contains(where: \.found) == false)
        #expect(throws: DiagnosticList.self) { try validator.validate(document: BundleFile(name: ".hidden", bytes: [0x61]), looseFiles: []) }
    }
}
