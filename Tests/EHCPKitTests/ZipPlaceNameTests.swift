import EHCPSource
import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// A zip's files are named as places inside the zip when each message and location is made, never
/// by rewriting the private folder it was unpacked into afterwards.
@Suite struct ZipPlaceNameTests {
    private let validator = Validator(rulesets: RuleSetCatalog(directory: RepositoryPaths.localAuthorities), options: ValidationOptions())

    /// A document whose line 3, column 5 starts with `@`, which YAML refuses.
    private static let malformed = Data("schemaVersion: \"1.1\"\nchild:\n  - @b\n".utf8)

    /// The zip of `files` at `folder/bundle.zip`.
    private func zip(_ files: [String: Data], in folder: String) throws -> String {
        let path = folder + "/bundle.zip"
        try ZipBuilder(files.sorted { $0.key < $1.key }.map { ZipBuilder.Entry($0.key, $0.value) }).write(to: path)
        return path
    }

    @Test func aZipOnDiskNamesTheDocumentInsideIt() throws {
        let folder = NSTemporaryDirectoryPath.make()
        let path = try zip(["application.yaml": Self.malformed], in: folder)
        let error = try #require(throws: DiagnosticList.self) { try validator.validate(bundle: path) }
        #expect(error.diagnostics.map { $0.location?.description } == ["\(path)/application.yaml:3:5"])
        #expect(error.diagnostics[0].message.hasPrefix("Text starting with '@' must be in quotes"))
    }

    @Test func aZipInMemoryNamesTheDocumentByTheNameGiven() throws {
        let folder = NSTemporaryDirectoryPath.make()
        let bytes = try FileAccess.read(try zip(["application.yaml": Self.malformed], in: folder))
        let error = try #require(throws: DiagnosticList.self) {
            try validator.validate(document: BundleFile(name: "upload", bytes: bytes), named: "bundle.zip")
        }
        #expect(error.diagnostics.map { $0.location?.description } == ["bundle.zip/application.yaml:3:5"])
    }

    @Test func aZipsFolderAndItsProblemsAreNamedInsideTheZip() throws {
        let folder = NSTemporaryDirectoryPath.make()
        let bytes = try FileAccess.read(try zip(["request/notes.txt": Data("notes\n".utf8)], in: folder))
        let error = try #require(throws: DiagnosticList.self) {
            try validator.validate(document: BundleFile(name: "upload", bytes: bytes), named: "bundle.zip")
        }
        let message = try #require(error.diagnostics.first?.message)
        #expect(message.hasPrefix("bundle.zip/request: the bundle holds no application document"), "\(message)")
        #expect(!message.contains(NSTemporaryDirectory()) && !message.contains("ehcp-"), "\(message)")
    }

    @Test func aFindingInAZipIsPlacedInsideIt() throws {
        let example = RepositoryPaths.examples + "/riverside-request"
        var document = try String(contentsOfFile: example + "/application.yaml", encoding: .utf8)
        document += "unknownTopLevelField: 1\n"
        let line = document.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let folder = NSTemporaryDirectoryPath.make()
        let bytes = try FileAccess.read(try zip(["application.yaml": Data(document.utf8)], in: folder))
        let report = try validator.validate(document: BundleFile(name: "upload", bytes: bytes), named: "bundle.zip")
        let unknown = try #require(report.findings.first { $0.rule == "SCHEMA-UNKNOWN-FIELD" })
        #expect(unknown.location == SourceLocation(file: "bundle.zip/application.yaml", line: line, column: 1))
        #expect(report.bundle == "bundle.zip")
    }
}
