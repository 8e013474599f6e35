import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// `--show-personal-data` keeps the child's details in the report, from folders and zips alike,
/// taken from the document as it is validated; without it the report holds none.
@Suite struct PersonalDetailsTests {
    let document = """
        schemaVersion: "1"
        reference: SENCO-2026-099
        authority: "926"
        dateOfRequest: 2026-10-05
        child: { givenNames: Zoë Anaïs, familyName: Ó Súilleabháin, dateOfBirth: 2015-02-28 }
        """
    let expected = PersonalDetails(childName: "Zoë Anaïs Ó Súilleabháin", dateOfBirth: "2015-02-28", reference: "SENCO-2026-099")

    func details(_ bundle: String, asked: Bool = true) throws -> PersonalDetails? {
        var options = ValidationOptions()
        options.personalDetails = asked
        return try Validator(rulesets: RuleSetCatalog(directory: RepositoryPaths.localAuthorities), options: options).validate(bundle: bundle).personal
    }

    @Test func readFromAFolder() throws {
        let folder = NSTemporaryDirectoryPath.make()
        try document.write(toFile: folder + "/application.yaml", atomically: true, encoding: .utf8)
        #expect(try details(folder) == expected)
        #expect(try details(folder + "/application.yaml") == expected)
        #expect(try details(folder, asked: false) == nil)
    }

    @Test func readFromAZip() throws {
        let path = NSTemporaryDirectoryPath.make() + "/request.zip"
        try ZipBuilder([.init("application.yaml", Data(document.utf8), deflated: false)]).write(to: path)
        #expect(try details(path) == expected)
    }

    @Test func aLineOfWhatIsGiven() {
        #expect(PersonalDetails(childName: "A B").line == "A B")
        #expect(PersonalDetails(dateOfBirth: "2015-02-28", reference: "R-1").line == "born 2015-02-28, reference R-1")
    }
}
