import EHCPSource
import Testing

@testable import EHCPKit

/// The published files the build carries already parsed are the trees their text parses to.
@Suite struct EmbeddedParsedFilesTests {
    @Test func eachParsedFileIsItsTextParsed() throws {
        let parsed = EmbeddedResources.parsedAuthorityFiles
        #expect(parsed.count == EmbeddedResources.authorityFiles.count)
        for (key, text) in EmbeddedResources.authorityFiles {
            let file = "LocalAuthorities/" + key
            let compact = try #require(parsed[key], "\(key) was not parsed at build time")
            #expect(CompactSourceNode.decode(compact, file: file) == (try ConfigFile.root(Array(text.utf8), file: file)), "\(key)")
        }
    }
}
