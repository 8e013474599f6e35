import Testing

@testable import EHCPKit

/// Sizes in `FILE-TOO-LARGE` messages and `maxFileSize` values, at their extremes.
@Suite struct FileSizeCheckTests {
    @Test func sizesAreDescribedWithoutOverflow() {
        #expect(FileSizeCheck.describe(812) == "812 bytes")
        #expect(FileSizeCheck.describe(300 << 10) == "300 KB")
        #expect(FileSizeCheck.describe(5 << 19) == "2.5 MB")
        // Scaling before dividing overflowed here; tenths are cut, not rounded, as for every size.
        #expect(FileSizeCheck.describe(.max) == "17592186044415.9 MB")
    }

    @Test func maxFileSizeValuesAreBounded() {
        #expect(AuthorityMetadata.byteCount("10 MB") == .bytes(10 << 20))
        #expect(AuthorityMetadata.byteCount("1024 GB") == .bytes(1 << 40))
        #expect(AuthorityMetadata.byteCount("1025 GB") == .tooLarge)
        #expect(AuthorityMetadata.byteCount("1e30 GB") == .tooLarge)
        #expect(AuthorityMetadata.byteCount("18446744073709551616") == .tooLarge)
        for text in ["inf MB", "nan GB", "-1 KB", "0", "1e3", "ten MB", "10 TB"] {
            #expect(AuthorityMetadata.byteCount(text) == .malformed, "\(text)")
        }
    }
}
