/// What the reports show of progress: each attainment area's series with its figures, the
/// graduated-approach cycles, and each provision line with what it is linked to.
///
/// It holds values from the child's document, so reporters show it only when it is given in
/// ``PersonalDetails`` (`--show-personal-data`).
public struct ProgressReport: Sendable, Equatable {
    /// One assess-plan-do-review cycle.
    public struct Cycle: Sendable, Equatable {
        public var start: CalendarDate
        public var review: CalendarDate?
        public var reviewed: Bool
    }

    /// One provision line and the progress it is linked to.
    public struct ProvisionLine: Sendable, Equatable {
        public var description: String?
        public var provider: String?
        public var hoursPerWeek: Double?
        public var annualCost: Double?
        public var outcome: String?
        /// The title (or id) of the evidence item it cites, when the bundle holds one by that id.
        public var progressEvidence: String?
        /// It cites an id that no evidence item has.
        public var citesMissingEvidence: Bool
        /// The index in ``ProgressReport/series`` of the area its outcome mentions.
        public var area: Int?
        /// When the provision began and ended (schema 1.1), when recorded.
        public var start: CalendarDate?
        public var end: CalendarDate?
    }

    public var series: [AttainmentSeries]
    public var cycles: [Cycle]
    public var provision: [ProvisionLine]
    /// The start of the first cycle: the gap is measured from here.
    public var graduatedApproachStart: CalendarDate?

    public init(_ application: Application) {
        series = application.attainmentSeries
        graduatedApproachStart = application.graduatedApproachStart
        var cycles: [Cycle] = []
        for item in application.records("graduatedApproach") {
            guard let start = item["start"]?.date else { continue }
            cycles.append(Cycle(start: start, review: item["review"]?.date, reviewed: item["reviewed"]?.boolean == true))
        }
        self.cycles = cycles.sorted { $0.start < $1.start }
        let evidence = application.evidence
        let areas = series
        provision = application.records("provision").map { line in
            let cited = line["progressEvidence"]?.text
            let item = cited.flatMap { id in evidence.first { $0["id"]?.text == id } }
            let outcome = line["outcome"]?.text
            return ProvisionLine(
                description: line["description"]?.text, provider: line["provider"]?.text,
                hoursPerWeek: line["hoursPerWeek"]?.number, annualCost: line["annualCost"]?.number, outcome: outcome,
                progressEvidence: item.map { $0["title"]?.text ?? cited! }, citesMissingEvidence: cited != nil && item == nil,
                area: outcome.flatMap { Self.area(mentionedIn: $0, among: areas) },
                start: line["start"]?.date, end: line["end"]?.date)
        }
    }

    /// Nothing to show: no attainment and no provision.
    public var isEmpty: Bool { series.isEmpty && provision.isEmpty }

    /// The first area whose name, or its stem ("read" for reading, "math" for maths), the outcome
    /// mentions as a word's start, ignoring case.
    static func area(mentionedIn outcome: String, among series: [AttainmentSeries]) -> Int? {
        let words = outcome.lowercased().split { !$0.isLetter }.map(String.init)
        return series.firstIndex { area in
            let name = area.area.lowercased()
            var stem = name
            for suffix in ["ing", "s"] where stem.hasSuffix(suffix) && stem.count > suffix.count + 2 {
                stem = String(stem.dropLast(suffix.count))
                break
            }
            return words.contains { $0 == name || $0.hasPrefix(stem) }
        }
    }

    /// The area's change in words: "rose 20 in 17.2 months (expected 17); gap 30 → 27".
    public func changeSummary(_ index: Int) -> String {
        let area = series[index]
        guard let change = area.fittedChange else { return "one dated point: no change to measure yet" }
        let months = RuleEvaluator.figure(area.monthsCovered)
        var text = change < 0 ? "fell \(RuleEvaluator.figure(-change))" : change == 0 ? "did not change" : "rose \(RuleEvaluator.figure(change))"
        text += " in \(months) months"
        if let expected = area.expectedChange { text += " (expected \(RuleEvaluator.figure(expected)))" }
        if let gap = area.gap(since: graduatedApproachStart) {
            text += "; gap to expected \(RuleEvaluator.figure(gap.first)) → \(RuleEvaluator.figure(gap.last))"
        }
        return text
    }
}
