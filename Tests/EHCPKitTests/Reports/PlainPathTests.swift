import Testing

@testable import EHCPKit

/// Canonical paths in the words the human reports use.
@Suite struct PlainPathTests {
    @Test(arguments: [
        ("evidence[3].file names a file", "the 4th evidence item's file names a file"),
        ("needs[0].type", "the 1st need's type"),
        ("graduatedApproach[1]", "the 2nd assess-plan-do-review cycle"),
        ("evidence[10].author.role", "the 11th evidence item's author.role"),
        ("consent[21].by and parents[22].name", "the 22nd consent record's by and the 23rd parent's name"),
        ("primaryNeed is missing", "primaryNeed (the type of the need ranked 1) is missing"),
        // Not a canonical list, or part of a file name: left as written.
        ("evidence/scan[1].pdf is in the bundle", "evidence/scan[1].pdf is in the bundle"),
        ("widgets[0].x", "widgets[0].x"),
        ("child.givenNames is required", "child.givenNames is required")
    ])
    func pathsAreInWords(_ text: String, _ expected: String) {
        #expect(PlainPath.words(text) == expected)
    }

    @Test func ordinalsFollowEnglish() {
        #expect(
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(PlainPath.ordinal)
                == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"])
    }
}

/// The byte scan of `PlainPath.words` gives what its regular expressions define, on text built
/// from the pieces paths, file names and messages are made of.
@Suite struct PlainPathScanTests {
    static let pieces = [
        "needs", "evidence", "parents", "consent", "graduatedApproach", "widgets", "child", "a", "Z9", "[", "]", "[0]", "[12]",
        "[99999999999999999999]", ".", ".type", ".author.role", ".1", "/", "_", "-", " ", ",", "(", ")", "'", "\r\n", "\n",
        "scan", ".pdf", "primaryNeed", "0", "7", "é"
    ]

    @Test func scanMatchesTheRegularExpressions() {
        var seed: UInt64 = 2026
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<3000 {
            let text = (0..<(next() % 12)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            #expect(PlainPath.words(text) == PlainPath.wordsByRegex(text), "\(text.debugDescription)")
        }
    }
}
