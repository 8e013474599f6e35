import Testing

@testable import EHCPKit

/// The linear-time matcher behind `field` patterns: the whole value must match.
@Suite struct PatternTests {
    @Test(arguments: [
        (".*[Ee]levate.*", "Birmingham Elevate request", true),
        (".*[Ee]levate.*", "Birmingham request", false),
        ("[A-Z]\\d{3}", "A123", true),
        ("[A-Z]\\d{3}", "A1234", false),
        ("[^0-9]+", "abc", true),
        ("[^0-9]+", "ab1", false),
        ("(?:ab|cd){2,3}", "abcdab", true),
        ("(?:ab|cd){2,3}", "ab", false),
        ("colou?r", "color", true),
        ("\\w+@\\w+\\.org", "a_b@example.org", true),
        ("\\S+", "two words", false),
        ("^2025-.*$", "2025-01", true),
        ("a|", "", true),
        ("(a*)*b", "aaaab", true)
    ])
    func matchesTheWholeValue(pattern: String, value: String, matches: Bool) throws {
        #expect(try Pattern(pattern).matches(value) == matches)
        // The same answer as Swift's own (backtracking) engine on these harmless patterns.
        #expect((try Regex(pattern).wholeMatch(in: value) != nil) == matches)
    }

    /// Catastrophic for backtracking engines: about 2^40 steps against a 40-character value.
    @Test(arguments: ["(a+)+$", "(a|a)+$", "(a|aa)*$", "((a*)*)*$", "(a+)+b"])
    func nestedQuantifiersAreLinear(pattern: String) throws {
        let value = String(repeating: "a", count: 39) + "!"
        #expect(try Pattern(pattern).matches(value) == false)
    }

    @Test(arguments: [("(a+)+$", true), ("((ab)*c)*", true), ("(a{2,})*", true), ("(a+){3}", false), ("(ab)+\\d*", false), ("[a-z]+", false)])
    func nestedUnboundedRepeatsAreKnown(pattern: String, nests: Bool) throws {
        #expect(try Pattern(pattern).nestsUnboundedRepeats == nests)
    }

    @Test(arguments: [
        ("(?=a)a", "lookaround"),
        ("(a)\\1", "the escape '\\1'"),
        ("a++", "possessive"),
        ("(ab", "an unclosed '('"),
        ("[ab", "an unclosed '['"),
        ("*a", "nothing before it"),
        ("a{1001}", "too large"),
        ("(a{1000}){1000}", "too large"),
        ("a**", "straight after another"),
        (String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000), "nested more than 50 deep")
    ])
    func refusesWhatALinearMatcherCannotDo(pattern: String, reason: String) {
        #expect {
            _ = try Pattern(pattern)
        } throws: { error in
            (error as? Pattern.Problem)?.message.contains(reason) == true
        }
    }
}
