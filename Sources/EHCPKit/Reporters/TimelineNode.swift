import EHCPSource

extension StatutoryTimeline.Deadline {
    /// `{ step, regulation, date }`, then `liftedBy` and `pausedClockDate` when an exception applies:
    /// the one JSON shape of a deadline, in reports and in `ehcp timeline --format json`.
    public var node: OutputNode {
        var entries: [(key: String, value: OutputNode)] = [
            ("step", .string(step)), ("regulation", .string(regulation)), ("date", .string(date.description))
        ]
        if !liftedBy.isEmpty {
            entries.append(
                (
                    "liftedBy",
                    .sequence(
                        liftedBy.map { lift in
                            .mapping([
                                ("regulation", .string(lift.paragraph)), ("kind", .string(lift.exception.kind.rawValue)),
                                ("from", .string(lift.exception.from.description)), ("to", .string(lift.exception.to.description))
                            ])
                        })
                ))
        }
        if let pausedDate { entries.append(("pausedClockDate", .string(pausedDate.description))) }
        return .mapping(entries)
    }
}
