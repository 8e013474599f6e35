import EHCPSource
import EHCPTestSupport
import Testing

@testable import EHCPKit

/// The checklist's own words: every baseline rule has written wording, and every item of every
/// authority's checklist — written or generated — is plain text that lint would accept.
@Suite struct ChecklistWordingTests {
    private let catalog = RuleSetCatalog(directory: RepositoryPaths.localAuthorities)

    @Test func everyBaselineRuleHasItsOwnChecklistWording() throws {
        let england = try catalog.rulesets(forCode: "")
        let rules = england.flatMap(\.rules)
        #expect(rules.count > 25)
        for rule in rules {
            let wording = try #require(rule.checklist, "\(rule.id) has no checklist wording")
            #expect(ChecklistWording.problem(inWritten: wording) == nil, "\(rule.id): \(wording)")
            #expect(wording != rule.message)
        }
    }

    @Test func everyItemOfEveryChecklistIsPlainText() throws {
        var checked = 0
        for entry in AuthorityCatalog.builtIn.entries where catalog.requirementsFile(forCode: entry.code) != nil {
            let chain = try catalog.rulesets(forCode: entry.code)
            let xpath = Set(chain.flatMap(\.rules).filter { if case .xpath = $0.check { true } else { false } }.map(\.id))
            for item in try Checklist.current(for: entry, rulesets: catalog).sections.flatMap(\.items) where !xpath.contains(item.rule) {
                #expect(ChecklistWording.problem(inWritten: item.text) == nil, "\(entry.name) \(item.rule): \(item.text)")
                #expect(item.applies.map { ChecklistWording.problem(inWritten: $0) } ?? nil == nil, "\(entry.name) \(item.rule): \(item.applies ?? "")")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test(arguments: [
        ("The date of birth (child.dateOfBirth)", "names the field path 'child.dateOfBirth'"),
        ("The child's dateOfBirth", "names the field 'dateOfBirth'"),
        ("A consent form (type: consent-form)", "names the field 'type' as a key"),
        ("An apdr-review record", "names the code 'apdr-review'"),
        ("The file of evidence[0]", "names a list position ('e[0]…')"),
        ("A `signed` form", "holds the markup character '`'"),
        ("Two\nlines", "is more than one line"),
        ("Write the ncYear: value", "names the field 'ncYear:'"),
        ("Item b[12] of the list", "names a list position ('b[12]…')")
    ])
    func lintRefusesWordingThatNeedsTheSchema(_ text: String, _ problem: String) {
        #expect(ChecklistWording.problem(inWritten: text) == problem)
    }

    @Test func everyCodeHasAPlainLabelButYearGroupsNumbers() {
        for vocabulary in Vocabulary.allCases {
            for (code, label) in vocabulary.labelled where !(vocabulary == .ncYear && Int(code) != nil) {
                #expect(label?.isEmpty == false, "\(vocabulary) \(code) has no label")
            }
        }
    }

    @Test func plainWordingIsAccepted() {
        for text in [
            "An Educational Psychology report dated within the last 12 months", "A parent who agrees with the request",
            "Which authority the request is for", "The child's views, e.g. a drawing (see the guidance).", "A post-16 college's advice",
            "Rows x[] or [4], a.b, Version 2.0, ab.c and aB-c are plain"
        ] {
            #expect(ChecklistWording.problem(inWritten: text) == nil, "\(text)")
        }
    }
}
