import EHCPTestSupport
import Testing

/// `Examples/LibraryUsage` uses EHCPKit's public API as a program embedding the library would; the
/// tests depend on it, so it is built with them, and run here so its output stays true.
@Suite struct LibraryUsageExampleTests {
    private let example = EHCPProcess.product("LibraryUsage")

    @Test func readsADraftInMemoryAndValidatesABundleThatPasses() throws {
        let result = try EHCPProcess.run([RepositoryPaths.examples + "/riverside-request"], executable: example)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("in-memory draft: "))
        #expect(result.stdout.contains("SCHEMA-DATE [dateOfRequest] line 3"), "\(result.stdout)")
        #expect(result.stdout.contains("bundle: Norfolk, rule sets england, norfolk"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("valid\n"))
    }

    @Test func reportsTheErrorsOfABundleThatFails() throws {
        let result = try EHCPProcess.run([RepositoryPaths.localAuthorities + "/926-norfolk/examples/fails"], executable: example)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error NFK-INDES [evidence]"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("not valid: 4 error(s)\n"))
    }

    @Test func saysWhenABundleCannotBeRead() throws {
        let result = try EHCPProcess.run([RepositoryPaths.examples + "/no-such-bundle"], executable: example)
        #expect(result.status == 2)
        #expect(result.stdout.contains("cannot be read"))
    }

    /// A document that is not well-formed is reported with its place, through types named with
    /// `import EHCPKit` alone.
    @Test func namesThePlaceOfADocumentThatIsNotWellFormed() throws {
        let folder = try EHCPProcess.temporaryFolder()
        try "schemaVersion: \"1.1\"\nchild: [unclosed\n".write(toFile: folder + "/application.yaml", atomically: true, encoding: .utf8)
        let result = try EHCPProcess.run([folder], executable: example)
        #expect(result.status == 2)
        #expect(result.stdout.contains("cannot be read: line 3, column 1"), "\(result.stdout)")
    }
}
