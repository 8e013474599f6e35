import Testing

@testable import EHCPSource

/// Which characters are written visibly instead of passed on raw.
@Suite struct ControlCharacterTests {
    /// The ranges `isHiddenControl` names are Unicode's control category, for every scalar there is.
    @Test func hiddenControlsAreTheControlCategoryAndTheFormattingCharacters() {
        let formatting: [ClosedRange<UInt32>] = [0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF...0xFEFF]
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.generalCategory == .control || formatting.contains { $0.contains(value) }
            if scalar.isHiddenControl != expected { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func controlsAreWrittenVisiblyAndKeptOnesPassed() {
        #expect("a\u{1B}[2Jb\u{85}c".escapingControlCharacters() == "a\\u{1B}[2Jb\\u{85}c")
        #expect("line\nnext\u{7F}".escapingControlCharacters(keeping: ["\n"]) == "line\nnext\\u{7F}")
        #expect("plain text, é".escapingControlCharacters() == "plain text, é")
    }
}
