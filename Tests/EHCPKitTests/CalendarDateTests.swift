import Testing

@testable import EHCPKit

@Suite struct CalendarDateTests {
    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01T00", "２０２６-01-01", "05/10/2026"])
    func rejectsNonISODates(_ text: String) { #expect(CalendarDate(iso: text) == nil) }

    @Test func dayNumbersRoundTrip() {
        for text in ["2024-02-29", "2000-03-01", "1999-12-31", "2026-10-05"] {
            #expect(CalendarDate(dayNumber: date(text).dayNumber) == date(text))
        }
        #expect(date("2024-03-01").dayNumber - date("2024-02-28").dayNumber == 2)
    }

    @Test func monthArithmeticClampsToMonthEnd() {
        #expect(date("2026-03-31").adding(months: -1) == date("2026-02-28"))
        #expect(date("2024-03-31").adding(months: -1) == date("2024-02-29"))
        #expect(date("2024-02-29").adding(months: -12) == date("2023-02-28"))
        #expect(TimeWindow("24 months")!.before(date("2026-10-05")) == date("2024-10-05"))
        #expect(TimeWindow("6 weeks")!.after(date("2026-10-05")) == date("2026-11-16"))
        #expect(TimeWindow("1 year") == TimeWindow(count: 1, unit: .years))
        #expect(TimeWindow("two months") == nil)
    }

    @Test func ageOfALeapDayBirthday() {
        let birth = date("2008-02-29")
        #expect(date("2026-02-28").wholeYears(since: birth) == 17)
        #expect(date("2026-03-01").wholeYears(since: birth) == 18)
    }
}

/// Windows are bounded, so no rule can move a date out of the calendar.
@Suite struct TimeWindowBoundTests {
    @Test(arguments: [
        ("100 years", true), ("101 years", false), ("1200 months", true), ("1201 months", false),
        ("5218 weeks", true), ("5219 weeks", false), ("36525 days", true), ("36526 days", false),
        ("2000000000000000000 weeks", false), ("99999999999999999999999 days", false)
    ])
    func atMost100Years(text: String, accepted: Bool) {
        #expect((TimeWindow(text) != nil) == accepted)
        #expect(TimeWindow.read(text) != .malformed)
    }
}

@Suite struct StatutoryTimelineTests {
    @Test func reg5Reg10Reg13DatesFromReceipt() {
        let timeline = StatutoryTimeline(received: CalendarDate(iso: "2026-10-05")!)
        #expect(timeline.deadlines.map(\.date.description) == ["2026-11-16", "2026-11-16", "2027-01-25", "2027-02-22"])
    }
}
