/// The computed values rules may use (docs/design.md, The canonical schema).
extension Application {
    /// Whole years from the date of birth to `dateOfRequest`.
    public var age: Int? {
        guard let birth = dateOfBirth, let request = dateOfRequest else { return nil }
        return request.wholeYears(since: birth)
    }

    /// True when the person is over compulsory school age on `dateOfRequest` (Education Act 1996
    /// s8): after the last Friday in June of the school year in which they turn 16. Only then are
    /// they a "young person" who may request for themselves (CFA 2014 s83(2), s36(1)).
    public var overCompulsorySchoolAge: Bool? {
        guard let birth = dateOfBirth, let request = dateOfRequest else { return nil }
        return CompulsorySchoolAge.isOver(dateOfBirth: birth, on: request)
    }

    /// The type of the rank-1 need.
    public var primaryNeed: String? {
        records("needs").first(where: { $0["rank"]?.number == 1 })?["type"]?.text
    }

    /// The sum of `provision[].annualCost`; nil when no line is costed.
    public var provisionTotal: Double? {
        let costs = records("provision").compactMap { $0["annualCost"]?.number }
        return costs.isEmpty ? nil : costs.reduce(0, +)
    }

    /// Sessions attended as a percentage of sessions possible.
    public var attendanceRate: Double? {
        guard let attendance = root["attendance"]?.record,
            let possible = attendance["sessionsPossible"]?.number, possible > 0,
            let attended = attendance["sessionsAttended"]?.number
        else { return nil }
        return (attended / possible * 1000).rounded() / 10
    }

    public var graduatedApproachCount: Int { records("graduatedApproach").count }

    public var reviewedCycles: Int { records("graduatedApproach").filter { $0["reviewed"]?.boolean == true }.count }

    /// The computed value called `name`, as a ``Value``.
    public func computedValue(_ name: String) -> Value? {
        switch name {
        case "age": age.map { Value(.number(Double($0))) }
        case "overCompulsorySchoolAge": overCompulsorySchoolAge.map { Value(.boolean($0)) }
        case "primaryNeed": primaryNeed.map { Value(.text($0)) }
        case "provisionTotal": provisionTotal.map { Value(.number($0)) }
        case "attendanceRate": attendanceRate.map { Value(.number($0)) }
        case "graduatedApproachCount": Value(.number(Double(graduatedApproachCount)))
        case "reviewedCycles": Value(.number(Double(reviewedCycles)))
        default: nil
        }
    }
}
