import Testing

@testable import EHCPKit

/// The SEND Regulations 2014 limits, counted from the day a request is received, and the
/// exceptions of reg 5(4), 10(4) and 13(3).
@Suite struct TimelineTests {
    let received = CalendarDate(iso: "2026-06-15")!

    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func reg5_8_10_13_limitsCountInWeeksFromReceipt() {
        let timeline = StatutoryTimeline(received: received)
        #expect(timeline.deadlines.map(\.date) == [date("2026-07-27"), date("2026-07-27"), date("2026-10-05"), date("2026-11-02")])
        #expect(
            timeline.deadlines.map(\.regulation) == [
                "SEND Regulations 2014 reg 5(1)", "SEND Regulations 2014 reg 8(1)", "SEND Regulations 2014 reg 10(1)", "SEND Regulations 2014 reg 13(2)"
            ])
        #expect(timeline.deadlines.allSatisfy { $0.liftedBy.isEmpty && $0.pausedDate == nil })
    }

    @Test func reg5_4_a_closureWindowRunsFromAWeekBeforeClosingToAWeekBeforeReopening() throws {
        let closure = try ExceptionPeriod(kind: .closure, from: date("2026-07-22"), to: date("2026-09-03"))
        #expect(closure.window == date("2026-07-15")...date("2026-08-27"))
        let timeline = StatutoryTimeline(received: received, exceptions: [closure])
        #expect(timeline.deadlines[0].liftedBy.map(\.paragraph) == ["SEND Regulations 2014 reg 5(4)(a)"])
        // The dates themselves do not move: the regulations lift the limit, they do not extend it.
        #expect(timeline.deadlines[0].date == date("2026-07-27"))
        // Counting the clock as paused from 15 July to 27 August (44 days) moves 27 July to 9 September.
        #expect(timeline.deadlines[0].pausedDate == date("2026-09-09"))
        #expect(timeline.deadlines[1].liftedBy.isEmpty, "reg 8's own exceptions bind the advisers, not the authority")
        #expect(timeline.deadlines[2].liftedBy.map(\.paragraph) == ["SEND Regulations 2014 reg 10(4)(a)"])
        #expect(timeline.deadlines[3].liftedBy.map(\.paragraph) == ["SEND Regulations 2014 reg 13(3) with reg 10(4)(a)"])
    }

    @Test func reg10_4_b_earlyYearsClosureDoesNotLiftTheReg5Decision() throws {
        let closure = try ExceptionPeriod(parsing: "early-years-closure:2026-07-01..2026-08-05")
        #expect(closure.window == date("2026-06-24")...date("2026-07-29"))
        let timeline = StatutoryTimeline(received: received, exceptions: [closure])
        #expect(timeline.deadlines[0].liftedBy.isEmpty, "reg 5(4) lists no early years closure")
        #expect(timeline.deadlines[2].liftedBy.map(\.paragraph) == ["SEND Regulations 2014 reg 10(4)(b)"])
        #expect(timeline.deadlines[3].liftedBy.map(\.paragraph) == ["SEND Regulations 2014 reg 13(3) with reg 10(4)(b)"])
        // 24 June to 29 July is 36 days: 2 November becomes 8 December.
        #expect(timeline.deadlines[3].pausedDate == date("2026-12-08"))
    }

    @Test func reg5_4_b_and_10_4_c_circumstancesLiftEveryAuthorityLimit() throws {
        let circumstances = try ExceptionPeriod(parsing: "circumstances:2026-07-01..2026-07-03")
        let timeline = StatutoryTimeline(received: received, exceptions: [circumstances])
        #expect(
            timeline.deadlines.map { $0.liftedBy.map(\.paragraph) } == [
                ["SEND Regulations 2014 reg 5(4)(b)"], [], ["SEND Regulations 2014 reg 10(4)(c)"], ["SEND Regulations 2014 reg 13(3) with reg 10(4)(c)"]
            ])
    }

    @Test func reg5_4_c_and_10_4_d_absenceMustLastFourWeeks() throws {
        #expect(throws: ExceptionPeriodError.self) { try ExceptionPeriod(parsing: "absence:2026-10-01..2026-10-27") }
        let absence = try ExceptionPeriod(parsing: "absence:2026-10-01..2026-10-28")
        #expect(absence.window == date("2026-10-01")...date("2026-10-28"))
        #expect(throws: ExceptionPeriodError.self) { try ExceptionPeriod(parsing: "closure:2026-07-22..2026-08-18") }
    }

    @Test func anExceptionAfterADeadlineLiftsOnlyTheLaterOnes() throws {
        let absence = try ExceptionPeriod(parsing: "absence:2026-10-01..2026-11-10")
        let timeline = StatutoryTimeline(received: received, exceptions: [absence])
        #expect(
            timeline.deadlines.map { $0.liftedBy.map(\.paragraph) } == [
                [], [], ["SEND Regulations 2014 reg 10(4)(d)"], ["SEND Regulations 2014 reg 13(3) with reg 10(4)(d)"]
            ])
        // A paused clock keeps counting after the absence: 2 November was 4 weeks after 5 October.
        // With 1 October to 10 November paused (41 days), the 20 weeks end on 13 December.
        #expect(timeline.deadlines[3].pausedDate == date("2026-12-13"))
    }

    @Test func overlappingExceptionsAreCountedOnce() throws {
        let a = try ExceptionPeriod(parsing: "circumstances:2026-07-01..2026-07-10")
        let b = try ExceptionPeriod(parsing: "circumstances:2026-07-05..2026-07-14")
        let timeline = StatutoryTimeline(received: received, exceptions: [a, b])
        #expect(timeline.deadlines[0].pausedDate == date("2026-08-10"))
    }

    @Test(arguments: [
        "absence", "absence:2026-10-01", "holiday:2026-01-01..2026-03-01", "absence:2026-13-01..2026-14-01", "absence:2026-10-05..2026-09-01",
        "appointment:2026-07-01..2026-07-01"
    ])
    func malformedExceptionsSayWhatToWrite(text: String) {
        #expect(throws: ExceptionPeriodError.self) { try ExceptionPeriod(parsing: text) }
    }
}

/// The direct computation of the paused date agrees with the fixed point it replaces: move the
/// date on by the covered days from receipt up to it, until no more fall before it.
@Suite struct PausedDeadlineTests {
    /// The date found by iterating, counting covered days one by one (slow for long periods).
    static func iterated(_ deadline: CalendarDate, from received: CalendarDate, _ periods: [ExceptionPeriod]) -> CalendarDate {
        func covered(to end: CalendarDate) -> Int {
            var days = Set<Int>()
            for period in periods {
                let low = max(period.window.lowerBound.dayNumber, received.dayNumber)
                let high = min(period.window.upperBound.dayNumber, end.dayNumber)
                if low <= high { days.formUnion(low...high) }
            }
            return days.count
        }
        var paused = deadline
        while case let next = deadline.adding(days: covered(to: paused)), next != paused { paused = next }
        return paused
    }

    @Test(arguments: [
        ["closure:2026-07-22..2026-09-03"],
        ["absence:2026-06-01..2026-07-10", "circumstances:2026-07-11..2026-07-12", "absence:2026-08-01..2026-12-31"],
        ["circumstances:2026-06-16..2026-06-16", "absence:2026-07-01..2026-08-31", "absence:2026-08-15..2026-09-30"],
        ["absence:2027-01-01..2027-03-01", "circumstances:2026-10-01..2026-10-02"]
    ])
    func agreesWithIterating(_ texts: [String]) throws {
        let received = CalendarDate(iso: "2026-06-15")!
        let periods = try texts.map { try ExceptionPeriod(parsing: $0) }
        let timeline = StatutoryTimeline(received: received, exceptions: periods)
        #expect(timeline.deadlines.contains { $0.pausedDate != nil })
        for deadline in timeline.deadlines where !deadline.liftedBy.isEmpty {
            #expect(deadline.pausedDate == Self.iterated(deadline.date, from: received, deadline.liftedBy.map(\.exception)), "\(texts)")
        }
    }
}
