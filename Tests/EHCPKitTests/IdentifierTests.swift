import Testing

@testable import EHCPKit

@Suite struct IdentifierTests {
    // Published values, never computed the way the code computes them. The UPN check letter is
    // defined in the UK Government Data Standards Catalogue's Unique Pupil Number element (v2.0)
    // and the DfE's UPN guidance: the weighted sum (weights 2 to 13) of characters 2 to 13, a
    // temporary UPN's final letter counted by its place in ABCDEFGHJKLMNPQRTUVWXYZ, modulo 23.

    /// `X00180001701A`: the temporary UPN given as the example of the format in schools' MIS
    /// guidance on temporary UPNs.
    @Test func publishedTemporaryUPNIsValid() {
        #expect(Identifiers.isValidUPN("X00180001701A"))
        #expect(!Identifiers.isValidUPN("A00180001701A"), "another check letter")
        #expect(!Identifiers.isValidUPN("X00180001701I"), "I is never a letter of a UPN")
    }

    /// The school census's error 1510 ("wrong check letter at character 1") is explained by MIS
    /// suppliers with `B207000016049`, whose weighted sum is 2×2 + 4×7 + 9×1 + 10×6 + 12×4 + 13×9
    /// = 266 (printed there as 267), and 266 mod 23 = 13, which the same table maps to P.
    @Test func publishedWrongCheckLetterIsRejected() {
        #expect(!Identifiers.isValidUPN("B207000016049"))
        #expect(Identifiers.isValidUPN("P207000016049"))
        #expect(!Identifiers.isValidUPN("Q207000016049"), "the letter for 267, a misprint of the sum")
    }

    @Test(arguments: ["A123456789012", "H801200001001"])
    func validUPN(_ upn: String) { #expect(Identifiers.isValidUPN(upn)) }

    @Test(arguments: ["B123456789012", "A12345678901", "A1234567890123", "I123456789012", "a123456789012", "A12345678901X"])
    func invalidUPN(_ upn: String) { #expect(!Identifiers.isValidUPN(upn)) }

    @Test(arguments: ["9276308686", "2000000001"])
    func validULN(_ uln: String) { #expect(Identifiers.isValidULN(uln)) }

    @Test(arguments: ["9276308687", "927630868", "92763086860", "92763O8686"])
    func invalidULN(_ uln: String) { #expect(!Identifiers.isValidULN(uln)) }

    /// `9000000009`: the test patient of NHS Digital's Personal Demographics Service FHIR API
    /// sandbox; `943 476 5870`: the valid example of python-stdnum's `gb.nhs` module, whose
    /// `9434765871` is its invalid check digit.
    @Test(arguments: ["9000000009", "9434765870", "943 476 5870"])
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

    /// Values that are not all ASCII can never be a valid identifier, whatever digits they look like.
    @Test(arguments: ["X00180001701Á", "X0018000170１A", "A1234567890１2"])
    func upnWithCharactersBeyondASCII(_ upn: String) { #expect(!Identifiers.isValidUPN(upn)) }

    @Test(arguments: ["9434765870\u{301}", "943\u{00A0}476\u{00A0}5870", "９434765870", "9434 7658 70 0"])
    func nhsNumberWithCharactersBeyondASCII(_ number: String) { #expect(!Identifiers.isValidNHSNumber(number)) }

    @Test func emailAddresses() {
        #expect(Identifiers.isEmail("senco@school.example"))
        #expect(Identifiers.isEmail("zoë@école.example"))
        #expect(!Identifiers.isEmail("@school.example"))
        #expect(!Identifiers.isEmail("senco@school"))
        #expect(!Identifiers.isEmail("senco@@school.example"))
        #expect(!Identifiers.isEmail("sen co@school.example"))
        #expect(!Identifiers.isEmail("senco@school.example\u{2003}"))
        #expect(!Identifiers.isEmail("senco@school.example\r\n"))
    }

    @Test func sha256Digests() {
        let digest = String(repeating: "0123456789abcdef", count: 4)
        #expect(Identifiers.isSHA256(digest))
        #expect(!Identifiers.isSHA256(digest.uppercased()))
        #expect(!Identifiers.isSHA256(String(digest.dropLast())))
        #expect(!Identifiers.isSHA256(digest + "0"))
        #expect(!Identifiers.isSHA256(String(digest.dropLast()) + "g"))
        // A full-width hex digit counts as a hex digit, as Swift's `Character.isHexDigit` says.
        #expect(Identifiers.isSHA256(String(digest.dropLast()) + "ｆ"))
    }
}
