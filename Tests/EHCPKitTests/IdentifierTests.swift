import Testing
@testable import EHCPKit

@Suite struct IdentifierTests {
    @Test(arguments: ["A123456789012", "H801200001001"])
    func validUPN(_ upn: String) { #expect(Identifiers.isValidUPN(upn)) }

    @Test(arguments: ["B123456789012", "A12345678901", "A1234567890123", "I123456789012", "a123456789012", "A12345678901X"])
    func invalidUPN(_ upn: String) { #expect(!Identifiers.isValidUPN(upn)) }

    @Test func temporaryUPNEndsInALetter() {
        // Check letter computed for the temporary number 12345678901 + "A".
        let body = Array("12345678901A")
        var sum = 0
        for (offset, character) in body.enumerated() {
            sum += (character.wholeNumberValue ?? Identifiers.upnLetters.firstIndex(of: character)!) * (offset + 2)
        }
        #expect(Identifiers.isValidUPN(String(Identifiers.upnLetters[sum % 23]) + String(body)))
    }

    @Test(arguments: ["9276308686", "2000000001"])
    func validULN(_ uln: String) { #expect(Identifiers.isValidULN(uln)) }

    @Test(arguments: ["9276308687", "927630868", "92763086860", "92763O8686"])
    func invalidULN(_ uln: String) { #expect(!Identifiers.isValidULN(uln)) }

    @Test(arguments: ["9434765870", "9434765919", "943 476 5870"])
    func validNHSNumber(_ number: String) { #expect(Identifiers.isValidNHSNumber(number)) }

    @Test(arguments: ["9434765871", "943476587", "1234567890"])
    func invalidNHSNumber(_ number: String) { #expect(!Identifiers.isValidNHSNumber(number)) }

    @Test func urnAndLACodes() {
        #expect(Identifiers.isValidURN("100000"))
        #expect(!Identifiers.isValidURN("10000"))
        #expect(Identifiers.isWellFormedLACode("926"))
        #expect(!Identifiers.isWellFormedLACode("92a"))
        #expect(AuthorityCatalog.builtIn.codes.contains("926"))
        #expect(!AuthorityCatalog.builtIn.codes.contains("909"))  // Cumbria, abolished in 2023
        #expect(AuthorityCatalog.builtIn.entries.count == 153)
    }
}
