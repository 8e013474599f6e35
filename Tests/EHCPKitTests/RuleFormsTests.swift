import EHCPSource
import Testing

@testable import EHCPKit

/// The forms that replace XPath arithmetic: date windows on a field, `max` on evidence, `unless`.
extension RuleEngineTests {
    static let attendanceTwoYears = "  - id: T\n    field: { path: attendance.from, before: [\"dateOfRequest - 2 years\", setting.admitted] }\n"

    @Test(arguments: [
        ("2024-10-05", "2025-09-01", true),  // exactly 2 years before the request
        ("2024-10-06", "2024-09-01", false),  // a day short of 2 years, admitted earlier still
        ("2025-09-01", "2025-09-01", true),  // from the day of admission
        ("2025-09-02", "2025-09-01", false)  // a day after admission
    ])
    func norfolkAttendanceOverTwoYearsTakesAnyOfTheBounds(from: String, admitted: String, passes: Bool) throws {
        let application = "setting: { admitted: \(admitted) }\nattendance: { from: \(from) }\n"
        let result = try findings(Self.attendanceTwoYears, application)
        #expect(result.isEmpty == passes)
        if !passes {
            #expect(result.first?.path == "attendance.from")
            #expect(result.first?.message.contains("is later than dateOfRequest - 2 years or setting.admitted") == true)
        }
    }

    @Test func aBoundWhosePathIsAbsentIsLeftOut() throws {
        #expect(try findings(Self.attendanceTwoYears, "attendance: { from: 2024-10-05 }\n").isEmpty)
        #expect(try findings(Self.attendanceTwoYears, "attendance: { from: 2025-01-05 }\n").count == 1)
    }

    @Test func afterAWindowForward() throws {
        let rule = "  - id: T\n    field: { path: professionals.lastInvolved, after: \"dateOfRequest - 18 months\" }\n"
        let application = "professionals: [{ role: gp, lastInvolved: 2025-04-05 }, { role: camhs, lastInvolved: 2025-04-04 }]\n"
        #expect(try findings(rule, application).map(\.path) == ["professionals[1].lastInvolved"])
    }

    @Test func previousAssessmentEvidenceHasAMaximum() throws {
        let rule = "  - id: T\n    evidence: { type: previous-decision, within: 6 months, max: 0 }\n"
        #expect(try findings(rule, "").isEmpty)
        #expect(try findings(rule, "evidence: [{ id: d, type: previous-decision, date: 2026-04-04 }]\n").isEmpty)
        let recent = try findings(rule, "evidence: [{ id: d, type: previous-decision, date: 2026-04-05 }]\n")
        #expect(recent.map(\.path) == ["evidence"])
        #expect(recent.first?.message.contains("found 1 dated within 6 months, at most 0 expected") == true)
    }

    @Test func unlessKeepsTheRuleFromApplyingWhenAllHold() throws {
        let rule = """
              - id: T
                when: { age: ">= 5" }
                unless: { evidence.confirmsDiagnosis: true, present: needs.type }
                evidence: { type: paediatric-report, within: 12 months }

            """
        let confirmed = "needs: [{ type: ASD }]\nevidence: [{ id: a, type: camhs-report, date: 2020-01-01, confirmsDiagnosis: true }]\n"
        #expect(try findings(rule, confirmed).isEmpty)
        // Only one of the two `unless` conditions holds: the rule applies.
        #expect(try findings(rule, "evidence: [{ id: a, type: camhs-report, date: 2020-01-01, confirmsDiagnosis: true }]\n").count == 1)
        #expect(try findings(rule, "").count == 1)
    }

    @Test func youngPersonViewsWithABlankSummaryAreNotGiven() throws {
        let rule = "  - id: T\n    unless: { present: views.youngPerson.summary }\n    evidence: { types: [young-person-views, child-views] }\n"
        #expect(try findings(rule, "views: { youngPerson: { summary: In my own words } }\n").isEmpty)
        #expect(try findings(rule, "views: { youngPerson: { summary: \"  \" } }\n").count == 1)
        #expect(try findings(rule, "evidence: [{ id: v, type: young-person-views }]\n").isEmpty)
    }

    @Test func patternsMatchInLinearTime() throws {
        // A backtracking engine takes about 2^40 steps to refuse this 40-character value; this one a few hundred.
        let rule = "  - id: T\n    field: { path: setting.name, pattern: \"(a+)+$\" }\n"
        let forty = String(repeating: "a", count: 39) + "!"
        #expect(try findings(rule, "setting: { name: \"\(forty)\" }\n").count == 1)
        #expect(try findings(rule, "setting: { name: \"\(String(repeating: "a", count: 40))\" }\n").isEmpty)
    }
}
