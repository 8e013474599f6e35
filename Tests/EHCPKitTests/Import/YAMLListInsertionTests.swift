import EHCPSource
import Testing

@testable import EHCPKit

/// Rows are added to a YAML list by editing its text: every other byte stays, and a layout the
/// edit does not handle is refused rather than rewritten.
@Suite struct YAMLListInsertionTests {
    private func appended(_ text: String) throws -> String {
        try YAMLListInsertion.appending(["{ x: 1 }"], to: "attainment", in: text, file: "a.yaml")
    }

    @Test(arguments: [
        ("a: 1\nattainment:\nb: 2\n", "a: 1\nattainment:\n  - { x: 1 }\nb: 2\n"),
        ("attainment:\n    - a\n    - b:\n        c\n\nnext: 1\n", "attainment:\n    - a\n    - b:\n        c\n    - { x: 1 }\n\nnext: 1\n"),
        ("attainment: []\n", "attainment:\n  - { x: 1 }\n"),
        ("attainment: [] # kept\n", "attainment:    # kept\n  - { x: 1 }\n"),
        ("a: 1\n", "a: 1\nattainment:\n  - { x: 1 }\n")
    ])
    func itemsGoAtTheEndOfTheList(before: String, after: String) throws {
        #expect(try appended(before) == after)
    }

    @Test(arguments: [
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "attainment:\n  x: 1\n",
        "attainment: &list\n  - a\n",
        "attainment: null\n"
    ])
    func otherLayoutsAreRefused(text: String) throws {
        #expect(throws: DiagnosticList.self) { try appended(text) }
    }

    @Test(arguments: [("2025-02-01", "2025-02-01"), ("1/2/2025", "2025-02-01"), ("01/02/2025", "2025-02-01"), ("29/02/2024", "2024-02-29")])
    func sheetDatesAreRead(text: String, iso: String) {
        #expect(AttainmentCSV.date(text)?.description == iso)
    }

    @Test(arguments: ["29/02/2025", "2025-2-1", "1/2/25", "02/01/2025/1", "１/2/2025", ""])
    func otherDatesAreNot(text: String) {
        #expect(AttainmentCSV.date(text) == nil)
    }
}
