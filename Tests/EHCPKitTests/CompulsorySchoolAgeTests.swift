import EHCPKit
import Testing

/// Compulsory school age ends on the last Friday in June of the school year in which a person turns 16.
@Suite struct CompulsorySchoolAgeTests {
    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func summerAndSeptemberBirthdaysFallInDifferentSchoolYears() {
        #expect(CompulsorySchoolAge.lastDay(dateOfBirth: date("2010-08-31")) == date("2026-06-26"))
        #expect(CompulsorySchoolAge.lastDay(dateOfBirth: date("2010-09-01")) == date("2027-06-25"))
        #expect(CompulsorySchoolAge.lastDay(dateOfBirth: date("2011-01-15")) == date("2027-06-25"))
        #expect(CompulsorySchoolAge.lastDay(dateOfBirth: date("2008-02-29")) == date("2024-06-28"))
    }

    @Test(arguments: [("2026-06-25", false), ("2026-06-26", false), ("2026-06-27", true), ("2026-07-03", true)])
    func aSummerBornChildIsAYoungPersonAt15FromTheDayAfterTheLastFridayInJune(request: String, over: Bool) {
        #expect(CompulsorySchoolAge.isOver(dateOfBirth: date("2010-08-31"), on: date(request)) == over)
    }

    @Test func aSeptemberBornSixteenYearOldIsStillAChildUntilTheFollowingJune() {
        let birth = date("2009-09-01")
        #expect(!CompulsorySchoolAge.isOver(dateOfBirth: birth, on: date("2025-09-01")))
        #expect(!CompulsorySchoolAge.isOver(dateOfBirth: birth, on: date("2026-06-26")))
        #expect(CompulsorySchoolAge.isOver(dateOfBirth: birth, on: date("2026-06-27")))
    }
}
