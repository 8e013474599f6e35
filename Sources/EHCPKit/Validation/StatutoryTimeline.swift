/// The dates the SEND Regulations 2014 set, counted from the day the authority receives a request,
/// and the exceptions that lift them.
///
/// The regulations do not move a date when an exception happens: reg 5(4), 10(4) and 13(3) say the
/// authority "need not comply with the time limit" if meeting it is impractical because of the
/// exception. So an exception period that falls before a deadline marks that deadline as lifted;
/// the authority must still act as soon as practicable. Many authorities count the clock as paused
/// while the exception lasts; ``Deadline/pausedDate`` gives that date, which is practice, not law.
public struct StatutoryTimeline: Sendable, Equatable {
    /// One statutory deadline.
    public struct Deadline: Sendable, Equatable {
        /// What must happen, in words.
        public var step: String
        /// The regulation that sets the limit.
        public var regulation: String
        /// The last day of the limit.
        public var date: CalendarDate
        /// The exception periods that lift this deadline, with the paragraph that allows each.
        public var liftedBy: [Lift] = []
        /// The date counting the clock as paused for the days of the exceptions before it (practice,
        /// not law); nil when no exception applies.
        public var pausedDate: CalendarDate?
    }

    /// An exception period that lifts a deadline, and the sub-paragraph that says so.
    public struct Lift: Sendable, Equatable {
        /// The exception period.
        public var exception: ExceptionPeriod
        /// E.g. "SEND Regulations 2014 reg 5(4)(a)".
        public var paragraph: String
    }

    /// The day the authority received the request: every limit counts from it.
    public var received: CalendarDate
    /// The exception periods given.
    public var exceptions: [ExceptionPeriod]
    /// The limits of reg 5, 8, 10 and 13, in that order.
    public var deadlines: [Deadline]

    /// The limits for a request received on `received`, with `exceptions` applied.
    public init(received: CalendarDate, exceptions: [ExceptionPeriod] = []) {
        self.received = received
        self.exceptions = exceptions
        let weeks = { (count: Int) in TimeWindow(count: count, unit: .weeks).after(received) }
        deadlines = [
            Deadline(step: "Decision on whether to assess", regulation: "SEND Regulations 2014 reg 5(1)", date: weeks(6)),
            Deadline(
                step: "Advice due from professionals asked on the day of receipt (6 weeks from being asked)", regulation: "SEND Regulations 2014 reg 8(1)",
                date: weeks(6)),
            Deadline(step: "Notice if the authority decides not to issue a plan", regulation: "SEND Regulations 2014 reg 10(1)", date: weeks(16)),
            Deadline(step: "Final EHC plan issued", regulation: "SEND Regulations 2014 reg 13(2)", date: weeks(20))
        ]
        for index in deadlines.indices {
            let paragraph = Self.exceptionParagraph[index]
            guard let paragraph else { continue }
            var deadline = deadlines[index]
            for exception in exceptions {
                guard let cited = exception.kind.citation(for: paragraph), exception.overlaps(from: received, to: deadline.date) else { continue }
                deadline.liftedBy.append(Lift(exception: exception, paragraph: "SEND Regulations 2014 " + cited))
            }
            if !deadline.liftedBy.isEmpty {
                deadline.pausedDate = deadline.liftedBy.map(\.exception).pausedDeadline(deadline.date, from: received)
            }
            deadlines[index] = deadline
        }
    }

    /// The paragraph listing the exceptions to each deadline, in the order of `deadlines`. Reg 8's
    /// own exceptions (reg 8(2)) bind the people asked for advice, not the authority, and are not
    /// modelled.
    private static let exceptionParagraph: [String?] = ["5(4)", nil, "10(4)", "13(3)"]
}

/// A period during which one of the exceptions of reg 5(4), 10(4) or 13(3) held.
public struct ExceptionPeriod: Sendable, Equatable, CustomStringConvertible {
    /// The kinds of exception the regulations list.
    ///
    /// Reg 5(4) lists (a) a school or post-16 closure, (b) exceptional personal circumstances and
    /// (c) absence from the area; reg 10(4) lists (a) a school or post-16 closure, (b) an early years
    /// provider's closure, (c) exceptional personal circumstances and (d) absence from the area; reg
    /// 13(3) lifts the 20-week limit for any of the reasons in reg 10(4)(a) to (d). A closure or an
    /// absence counts only when it lasts at least 4 continuous weeks.
    public enum Kind: String, Sendable, CaseIterable {
        /// The authority asked a school or post-16 institution for advice around a closure of at least
        /// 4 weeks. The period given is the closure itself (first day closed, day it reopened); the
        /// exception runs from one week before it closed to one week before it reopened.
        case closure
        /// The same for a provider of early years education (reg 10(4)(b); not listed in reg 5(4)).
        case earlyYearsClosure = "early-years-closure"
        /// Exceptional personal circumstances affect the child, the parent or the young person.
        case circumstances
        /// The child, the parent or the young person were away from the authority's area for at
        /// least 4 continuous weeks.
        case absence

        /// The sub-paragraph of reg 10(4) for this kind.
        private var reg10Letter: String {
            switch self {
            case .closure: "a"
            case .earlyYearsClosure: "b"
            case .circumstances: "c"
            case .absence: "d"
            }
        }

        /// Where the regulations allow this kind for the deadline whose exceptions are in `paragraph`
        /// ("5(4)", "10(4)" or "13(3)"), e.g. "reg 5(4)(b)"; nil when they do not.
        func citation(for paragraph: String) -> String? {
            switch paragraph {
            case "5(4)":
                switch self {
                case .closure: "reg 5(4)(a)"
                case .earlyYearsClosure: nil
                case .circumstances: "reg 5(4)(b)"
                case .absence: "reg 5(4)(c)"
                }
            case "10(4)": "reg 10(4)(\(reg10Letter))"
            case "13(3)": "reg 13(3) with reg 10(4)(\(reg10Letter))"
            default: nil
            }
        }

        /// In words, for reports.
        public var summary: String {
            switch self {
            case .closure: "advice asked of a school or college around its closure of 4 weeks or more"
            case .earlyYearsClosure: "advice asked of an early years provider around its closure of 4 weeks or more"
            case .circumstances: "exceptional personal circumstances"
            case .absence: "away from the authority's area for at least 4 weeks"
            }
        }

        /// A closure runs from a week before closing to a week before reopening.
        var isClosure: Bool { self == .closure || self == .earlyYearsClosure }
    }

    /// Which exception of the regulations it is.
    public var kind: Kind
    /// First day of the period (for a closure, the first day closed).
    public var from: CalendarDate
    /// Last day of the period (for a closure, the day it reopened).
    public var to: CalendarDate

    /// Checks the period against what the regulations require of its kind.
    ///
    /// - Throws: ``ExceptionPeriodError`` when the dates are reversed or a closure or absence is
    ///   shorter than 4 continuous weeks.
    public init(kind: Kind, from: CalendarDate, to: CalendarDate) throws(ExceptionPeriodError) {
        guard from <= to else { throw ExceptionPeriodError("\(kind.rawValue) period \(from)..\(to) ends before it starts") }
        let days = to.dayNumber - from.dayNumber + (kind.isClosure ? 0 : 1)
        if kind != .circumstances, days < 28 {
            throw ExceptionPeriodError(
                "\(kind.rawValue) counts as an exception only when it lasts at least 4 continuous weeks; \(from)..\(to) is \(days) day(s)")
        }
        self.kind = kind
        self.from = from
        self.to = to
    }

    /// Parses `KIND:FROM..TO`, e.g. `absence:2026-11-02..2026-12-04`.
    public init(parsing text: String) throws(ExceptionPeriodError) {
        let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Kind(rawValue: parts[0]) else {
            throw ExceptionPeriodError("'\(text)' should be KIND:FROM..TO with KIND one of \(kinds), e.g. absence:2026-11-02..2026-12-04")
        }
        let dates = parts[1].components(separatedBy: "..")
        guard dates.count == 2, let from = CalendarDate(iso: dates[0]), let to = CalendarDate(iso: dates[1]) else {
            throw ExceptionPeriodError("'\(parts[1])' should be two dates written YYYY-MM-DD..YYYY-MM-DD")
        }
        try self.init(kind: kind, from: from, to: to)
    }

    /// The days the exception covers: for a closure, one week before it closed to one week before
    /// it reopened, as reg 5(4)(a) describes.
    public var window: ClosedRange<CalendarDate> {
        kind.isClosure ? from.adding(days: -7)...to.adding(days: -7) : from...to
    }

    func overlaps(from start: CalendarDate, to end: CalendarDate) -> Bool {
        window.lowerBound <= end && window.upperBound >= start
    }

    public var description: String { "\(kind.rawValue) \(from)..\(to)" }
}

/// An exception period that the regulations would not recognise, with what to give instead.
public struct ExceptionPeriodError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension [ExceptionPeriod] {
    /// `deadline` moved on by every day from `start` that one of the periods covers, including the
    /// days of periods the move itself reaches: the date the clock reaches when it runs only on days
    /// outside every period.
    ///
    /// Computed from the periods' windows merged and sorted, so its cost depends on the number of
    /// periods, not on how many days they span (a period of centuries costs no more than a week).
    func pausedDeadline(_ deadline: CalendarDate, from start: CalendarDate) -> CalendarDate {
        var paused = deadline.dayNumber
        for window in mergedWindows(from: start.dayNumber) {
            // Windows are disjoint and sorted: once one begins after the moved date, so do the rest.
            guard window.lowerBound <= paused else { break }
            paused += window.count
        }
        return CalendarDate(dayNumber: paused)
    }

    /// The day numbers the periods cover from `start` on, as disjoint ranges in order.
    private func mergedWindows(from start: Int) -> [ClosedRange<Int>] {
        let clipped = compactMap { period -> ClosedRange<Int>? in
            let low = Swift.max(period.window.lowerBound.dayNumber, start)
            let high = period.window.upperBound.dayNumber
            return low <= high ? low...high : nil
        }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<Int>] = []
        for window in clipped {
            if let last = merged.last, window.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...Swift.max(last.upperBound, window.upperBound)
            } else {
                merged.append(window)
            }
        }
        return merged
    }
}
