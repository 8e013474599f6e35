import EHCPSource
import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// `Validator.validate(document:files:)`: bundles given as bytes report what their folders report.
@Suite(.serialized) struct InMemoryValidationTests {
    private let validator = Validator(rulesets: RuleSetCatalog(directory: RepositoryPaths.localAuthorities), options: ValidationOptions())

    /// Every regular file under `folder`, by its path inside it.
    static func files(in folder: String) throws -> [BundleFile] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [BundleFile] = []
        while let relative = enumerator?.nextObject() as? String {
            guard !FileAccess.isDirectory(folder + "/" + relative) else { continue }
            files.append(BundleFile(name: relative, bytes: try FileAccess.read(folder + "/" + relative)))
        }
        return files
    }

    /// The findings as comparable text, with `folder` in locations shown as `name`.
    private func summary(_ report: BundleReport, showing folder: String? = nil, as name: String = "") -> [String] {
        report.findings.map { finding in
            var file = finding.location?.file ?? ""
            if let folder, file.hasPrefix(folder) { file = name + file.dropFirst(folder.count) }
            return
                "\(finding.rule) \(finding.severity) \(finding.path ?? "") \(file):\(finding.location?.line ?? 0):\(finding.location?.column ?? 0) \(finding.message)"
        }
    }

    @Test func everyExampleGivenAsFilesReportsWhatItsFolderReports() throws {
        #expect(RepositoryPaths.exampleBundles.count > 50)
        for folder in RepositoryPaths.exampleBundles {
            let expected = try validator.validate(bundle: folder)
            let files = try Self.files(in: folder)
            let documentName = try BundleLocator.document(in: folder, formats: validator.formats()).dropFirst(folder.count + 1)
            let document = try #require(files.first { $0.name == documentName })
            let report = try validator.validate(document: document, files: files.filter { $0.name != documentName }, named: "upload")
            #expect(report.bundle == "upload")
            #expect(summary(report) == summary(expected, showing: folder, as: "upload"), "\(folder)")
            #expect(report.rulesets == expected.rulesets && report.asOf == expected.asOf && report.authority?.code == expected.authority?.code)
        }
    }

    @Test func aZipIsUnpackedAndReportedUnderItsGivenName() throws {
        let folder = RepositoryPaths.examples + "/riverside-request"
        let zipPath = NSTemporaryDirectoryPath.make() + "/bundle.zip"
        try ZipBuilder.folder(folder, keepingParent: false).write(to: zipPath)
        let report = try validator.validate(document: BundleFile(name: "bundle.zip", bytes: try FileAccess.read(zipPath)), named: "request.zip")
        #expect(report.bundle == "request.zip")
        #expect(summary(report) == summary(try validator.validate(bundle: folder), showing: folder, as: "request.zip"))
        #expect(!report.findings.contains { $0.location?.file.contains(NSTemporaryDirectory()) == true })
    }

    @Test func aZipOfTheBundlesFolderIsReadInsideThatFolder() throws {
        let folder = RepositoryPaths.examples + "/riverside-request"
        let zipPath = NSTemporaryDirectoryPath.make() + "/bundle.zip"
        var archive = try ZipBuilder.folder(folder, keepingParent: true)
        archive.add(.init("__MACOSX/riverside-request/._application.yaml", Data([0, 5, 22, 7]), deflated: false))
        try archive.write(to: zipPath)
        let report = try validator.validate(document: BundleFile(name: "bundle.zip", bytes: try FileAccess.read(zipPath)), named: "request.zip")
        #expect(summary(report) == summary(try validator.validate(bundle: folder), showing: folder, as: "request.zip/riverside-request"))
        #expect(!report.findings.contains { $0.rule == "FILE-UNREFERENCED" })
    }

    @Test func aDocumentAloneIsCheckedWithoutItsFiles() throws {
        let folder = RepositoryPaths.examples + "/riverside-request"
        let document = BundleFile(name: "application.yaml", bytes: try FileAccess.read(folder + "/application.yaml"))
        let report = try validator.validate(document: document)
        #expect(!report.findings.contains { $0.rule.hasPrefix("FILE-") })
        #expect(report.rulesets == (try validator.validate(bundle: folder)).rulesets)
    }

    @Test func evidenceInMemoryIsCheckedForMissingUnlistedAndHiddenFiles() throws {
        let folder = RepositoryPaths.examples + "/riverside-request"
        let document = BundleFile(name: "application.yaml", bytes: try FileAccess.read(folder + "/application.yaml"))
        let extra = [BundleFile(name: "./notes/extra.pdf", bytes: Array("%PDF-1.4\n".utf8)), BundleFile(name: ".hidden", bytes: [1])]
        let report = try validator.validate(document: document, files: extra)
        #expect(report.findings.contains { $0.rule == "FILE-MISSING" })
        let unreferenced = report.findings.filter { $0.rule == "FILE-UNREFERENCED" }.map(\.message)
        #expect(unreferenced == ["notes/extra.pdf is in the bundle but no evidence item lists it"])
    }

    @Test func namesThatClimbOutOrRepeatAreRefused() throws {
        let document = BundleFile(name: "application.yaml", bytes: Array("schemaVersion: '1.0'\n".utf8))
        for files in [
            [BundleFile(name: "../x.pdf", bytes: [1])], [BundleFile(name: "/etc/x.pdf", bytes: [1])],
            [BundleFile(name: "a.pdf", bytes: [1]), BundleFile(name: "./a.pdf", bytes: [2])]
        ] {
            #expect(throws: DiagnosticList.self) { try validator.validate(document: document, files: files) }
        }
        let zip = BundleFile(name: "b.zip", bytes: [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
        #expect(throws: DiagnosticList.self) { try validator.validate(document: zip, files: [document]) }
    }

    @Test func aDamagedZipIsRefusedAndNothingIsLeft() throws {
        let damaged = BundleFile(name: "b.zip", bytes: [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 64))
        let error = try #require(throws: DiagnosticList.self) { try validator.validate(document: damaged, named: "upload.zip") }
        #expect(error.diagnostics.map(\.message) == ["upload.zip: is not a readable zip file"])
        // In a folder of its own, so that uploads other tests check at the same time are not counted.
        let root = NSTemporaryDirectoryPath.make()
        #expect(throws: DiagnosticList.self) { try validator.validateZip(damaged.bytes, named: "upload.zip", in: root) }
        #expect(FileAccess.list(root).isEmpty)
    }
}
