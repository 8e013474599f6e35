/// The dates the SEND Regulations 2014 set, counted from the day the authority receives a request.
///
/// Exception periods (reg 5(4), 10(4), 13(3)) are not applied here: the dates are the plain limits.
public struct StatutoryTimeline: Sendable, Equatable {
    /// One statutory deadline.
    public struct Deadline: Sendable, Equatable {
        public var step: String
        public var regulation: String
        public var date: CalendarDate
    }

    public var received: CalendarDate
    public var deadlines: [Deadline]

    /// The limits for a request received on `received`.
    public init(received: CalendarDate) {
        self.received = received
        let weeks = { (count: Int) in TimeWindow(count: count, unit: .weeks).after(received) }
        deadlines = [
            Deadline(step: "Decision on whether to assess", regulation: "SEND Regulations 2014 reg 5(1)", date: weeks(6)),
            Deadline(step: "Advice due from professionals asked on the day of receipt (6 weeks from being asked)", regulation: "SEND Regulations 2014 reg 8(1)", date: weeks(6)),
            Deadline(step: "Notice if the authority decides not to issue a plan", regulation: "SEND Regulations 2014 reg 10(1)", date: weeks(16)),
            Deadline(step: "Final EHC plan issued", regulation: "SEND Regulations 2014 reg 13(2)", date: weeks(20)),
        ]
    }
}
