import EHCPSource
import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// Zipped bundles: read like folders, and hostile ones refused with nothing written outside.
@Suite(.serialized) struct ZipBundleTests {
    private let validator = Validator(rulesets: RuleSetCatalog(directory: RepositoryPaths.localAuthorities), options: ValidationOptions())

    private func zip(_ name: String, _ build: (inout ZipBuilder) throws -> Void) throws -> String {
        let path = NSTemporaryDirectoryPath.make() + "/" + name
        var archive = ZipBuilder()
        try build(&archive)
        try archive.write(to: path)
        return path
    }

    private func add(_ archive: inout ZipBuilder, _ name: String, _ data: Data, compressed: Bool = false) {
        archive.add(.init(name, data, deflated: compressed))
    }

    /// Unpacking folders left holding this test's document, told apart by a marker inside it
    /// (other suites unpack zips at the same time, so a plain listing would race).
    private func leftovers(marked marker: String) -> [String] {
        let temporary = FileManager.default.temporaryDirectory.path
        return FileAccess.list(temporary).filter { name in
            guard name.hasPrefix("ehcp-zip-"), let text = try? String(contentsOfFile: "\(temporary)/\(name)/application.yaml", encoding: .utf8) else {
                return false
            }
            return text.contains(marker)
        }
    }

    @Test func zippedExampleValidatesLikeTheFolder() throws {
        let example = RepositoryPaths.examples + "/riverside-request"
        let marker = UUID().uuidString
        let path = try zip("request.zip") { archive in
            let document = try String(contentsOfFile: example + "/application.yaml", encoding: .utf8)
            add(&archive, "application.yaml", Data((document + "# \(marker)\n").utf8), compressed: true)
            for name in FileAccess.list(example + "/evidence").map({ "evidence/" + $0 }) {
                add(&archive, name, try Data(contentsOf: URL(fileURLWithPath: example + "/" + name)), compressed: true)
            }
        }
        let report = try validator.validate(bundle: path)
        let folder = try validator.validate(bundle: example)
        #expect(report.findings.map(\.rule) == folder.findings.map(\.rule))
        #expect(report.findings.map(\.path) == folder.findings.map(\.path))
        #expect(report.bundle == path)
        #expect(leftovers(marked: marker).isEmpty)
    }

    @Test(arguments: ["../escape.txt", "/etc/escape.txt", "evidence/../../escape.txt"])
    func zipSlipIsRefusedBeforeAnythingIsWritten(_ name: String) throws {
        let marker = UUID().uuidString
        let path = try zip("slip.zip") { archive in
            add(&archive, "application.yaml", Data("schemaVersion: \"1\"\n# \(marker)\n".utf8))
            add(&archive, name, Data("boom".utf8))
        }
        #expect { _ = try validator.validate(bundle: path) } throws: { "\($0)".contains("climbs out") }
        #expect(leftovers(marked: marker).isEmpty)
        #expect(!FileAccess.exists(FileManager.default.temporaryDirectory.path + "/escape.txt"))
    }

    @Test func zipBombOfOneGibibyteIsRefused() throws {
        let marker = UUID().uuidString
        let path = try zip("bomb.zip") { archive in
            add(&archive, "application.yaml", Data("schemaVersion: \"1\"\n# \(marker)\n".utf8))
            archive.add(.init("evidence/zeros.txt", .zeros(1 << 30)))
        }
        #expect { _ = try validator.validate(bundle: path) } throws: { "\($0)".contains("zip bombs") }
        #expect(leftovers(marked: marker).isEmpty)
    }

    @Test func tooManyEntriesIsRefused() throws {
        let path = try zip("many.zip") { archive in
            for index in 0..<12 { add(&archive, "f\(index).txt", Data("x".utf8)) }
        }
        let strict = Validator(rulesets: validator.rulesets, options: ValidationOptions(zipLimits: ZipLimits(maxEntries: 10)))
        #expect { _ = try strict.validate(bundle: path) } throws: { "\($0)".contains("more than 10 entries") }
    }
}
