import EHCPTestSupport
import Foundation
import Testing
import ZIPFoundation
@testable import EHCPKit

/// `--show-personal-data` reads the child's details from folders and zips alike.
@Suite struct PersonalDetailsTests {
    let document = """
        schemaVersion: "1"
        reference: SENCO-2026-099
        authority: "926"
        dateOfRequest: 2026-10-05
        child: { givenNames: Zoë Anaïs, familyName: Ó Súilleabháin, dateOfBirth: 2015-02-28 }
        """
    let expected = PersonalDetails(childName: "Zoë Anaïs Ó Súilleabháin", dateOfBirth: "2015-02-28", reference: "SENCO-2026-099")

    @Test func readFromAFolder() throws {
        let folder = NSTemporaryDirectoryPath.make()
        try document.write(toFile: folder + "/application.yaml", atomically: true, encoding: .utf8)
        #expect(PersonalDetails.read(bundle: folder) == expected)
        #expect(PersonalDetails.read(bundle: folder + "/application.yaml") == expected)
    }

    @Test func readFromAZip() throws {
        let path = NSTemporaryDirectoryPath.make() + "/request.zip"
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let data = Data(document.utf8)
        try archive.addEntry(with: "application.yaml", type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        #expect(PersonalDetails.read(bundle: path) == expected)
    }

    @Test func nothingForAnUnreadableBundle() {
        #expect(PersonalDetails.read(bundle: NSTemporaryDirectoryPath.make()) == nil)
        #expect(PersonalDetails(childName: "A B").line == "A B")
    }
}
