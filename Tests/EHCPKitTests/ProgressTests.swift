import EHCPSource
import Testing

@testable import EHCPKit

/// The rate computation (least squares over dated points) and its properties.
@Suite struct ProgressRateTests {
    /// A small deterministic generator, so the property cases are the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
    }

    static let start = CalendarDate(iso: "2024-09-02")!

    func series(_ points: [(days: Int, value: Double, expected: Double?)]) -> AttainmentSeries {
        AttainmentSeries(
            area: "reading", measure: "reading age (months)",
            points: points.enumerated().map { index, point in
                .init(date: Self.start.adding(days: point.days), value: point.value, expected: point.expected, index: index)
            })
    }

    @Test(arguments: 1...40)
    func aRisingSeriesHasAPositiveRateAndAFallingOneANegativeRate(seed: Int) throws {
        var generator = Generator(state: UInt64(seed))
        var days = 0
        var value = Double(generator.next(20...80))
        var points: [(days: Int, value: Double, expected: Double?)] = []
        for _ in 0..<generator.next(2...8) {
            points.append((days, value, nil))
            days += generator.next(1...120)
            value += Double(generator.next(1...10))
        }
        let rising = try #require(series(points).rate)
        #expect(rising > 0)
        let falling = try #require(series(points.map { ($0.days, -$0.value, nil) }).rate)
        #expect(abs(falling + rising) < 1e-9)
        // The fitted rate lies between the steepest and the gentlest step.
        let steps = zip(points, points.dropFirst()).map {
            ($1.value - $0.value) / AttainmentSeries.months(from: Self.start.adding(days: $0.days), to: Self.start.adding(days: $1.days))
        }
        #expect(rising <= steps.max()! + 1e-9 && rising >= steps.min()! - 1e-9)
    }

    @Test(arguments: 1...20)
    func aStraightLineIsFittedExactlyWhateverTheOrderWritten(seed: Int) throws {
        var generator = Generator(state: UInt64(seed) + 100)
        let slope = Double(generator.next(-20...20)) / 4
        let offsets = (0..<generator.next(2...7)).map { _ in generator.next(0...900) }
        guard Set(offsets).count >= 2 else { return }
        let points = offsets.map { days in (days, 50 + slope * Double(days) / AttainmentSeries.daysPerMonth, Optional(100.0)) }
        let rate = try #require(series(points.shuffled()).rate)
        #expect(abs(rate - slope) < 1e-9)
        #expect(series(points).expectedRate == 0)
    }

    @Test func onePointHasNoRate() {
        let one = series([(0, 55, 102)])
        #expect(one.rate == nil)
        #expect(one.expectedRate == nil)
        #expect(one.monthsCovered == 0)
        #expect(one.gap(since: nil) == nil)
    }

    @Test func pointsAllOnOneDayHaveNoRate() {
        let same = series([(30, 55, 102), (30, 58, 102), (30, 61, 104)])
        #expect(same.rate == nil)
        #expect(same.expectedRate == nil)
        #expect(LeastSquares.slope([(1, 1), (1, 2)]) == nil)
    }

    @Test func missingExpectedValuesLeaveOnlyTheActualRate() throws {
        let none = series([(0, 55, nil), (365, 62, nil)])
        #expect(try #require(none.rate) > 0)
        #expect(none.expectedRate == nil)
        #expect(none.gap(since: nil) == nil)
        // One expected value of two cannot give a rate either.
        let one = series([(0, 55, 102), (365, 62, nil)])
        #expect(one.expectedRate == nil)
    }

    @Test func readingAgeFourMonthsInTwelve() throws {
        let slow = series([(0, 60, 100), (182, 62, 106), (365, 64, 112)])
        #expect(abs(try #require(slow.rate) * slow.monthsCovered - 4) < 0.01)
        #expect(abs(try #require(slow.expectedChange) - 12) < 0.01)
        let gap = try #require(slow.gap(since: nil))
        #expect(gap.first == 40 && gap.last == 48)
    }
}

/// The `series`, `progress` and `linkage` checks, through the rule engine.
extension RuleEngineTests {
    static func attainment(_ points: [(String, Int, Int?)], area: String = "reading") -> String {
        "attainment:\n"
            + points.map { date, value, expected in
                "  - { area: \(area), measure: reading age (months), date: \(date), value: \(value)\(expected.map { ", expected: \($0)" } ?? "") }\n"
            }.joined()
    }

    @Test func seriesCountsPointsSpanAndRecency() throws {
        let rule = "  - id: T\n    series: { min: 3, span: 6 months, within: 6 months }\n"
        #expect(try findings(rule, Self.attainment([("2025-10-01", 60, nil), ("2026-02-01", 62, nil), ("2026-06-01", 64, nil)])).isEmpty)
        let short = try findings(rule, Self.attainment([("2025-10-01", 60, nil), ("2025-12-01", 62, nil)]))
        #expect(short.map(\.path) == ["attainment[1]"])
        let message = try #require(short.first?.message)
        #expect(message.contains("2 dated point(s) of the 3 needed") && message.contains("2 months covered, 6 months needed"))
        #expect(message.contains("the latest point is 10.1 months old"))
        #expect(!message.contains("reading"), "the area's name is never echoed")
    }

    @Test func seriesForANamedAreaThatIsMissing() throws {
        let rule = "  - id: T\n    series: { area: Maths, min: 1 }\n"
        #expect(try findings(rule, Self.attainment([("2026-01-01", 60, nil)])).map(\.path) == ["attainment"])
        #expect(try findings(rule, Self.attainment([("2026-01-01", 60, nil)], area: "maths")).isEmpty)
        // With no area named, no attainment means nothing to check.
        #expect(try findings("  - id: T\n    series: { min: 2 }\n", "").isEmpty)
    }

    @Test func progressRateReportsTheFigures() throws {
        let rule = "  - id: T\n    progress: { compare: rate }\n"
        let slow = try findings(rule, Self.attainment([("2025-06-01", 60, 100), ("2026-06-01", 64, 112)]))
        #expect(slow.first?.message.hasSuffix("(rose 4 in 12 months; expected 12)") == true)
        let flat = try findings(rule, Self.attainment([("2025-06-01", 60, 100), ("2026-06-01", 60, 112)]))
        #expect(flat.first?.message.contains("did not change in 12 months; expected 12") == true)
        #expect(try findings(rule, Self.attainment([("2025-06-01", 60, 100), ("2026-06-01", 73, 112)])).isEmpty)
        #expect(try findings(rule, Self.attainment([("2025-06-01", 60, nil), ("2026-06-01", 61, nil)])).isEmpty)
        let half = "  - id: T\n    progress: { area: reading, ratio: 0.5 }\n"
        #expect(try findings(half, Self.attainment([("2025-06-01", 60, 100), ("2026-06-01", 67, 112)])).isEmpty)
    }

    @Test func progressGapOverTheGraduatedApproach() throws {
        let rule = "  - id: T\n    progress: { compare: gap }\n"
        let cycles = "graduatedApproach: [{ start: 2025-09-01, review: 2025-12-01 }]\n"
        let points = [("2024-06-01", 70, 100), ("2025-09-15", 80, 100), ("2026-06-01", 75, 100)]
        let widening = try findings(rule, cycles + Self.attainment(points))
        #expect(widening.first?.message.contains("widened, from 20 to 25 over 8.5 months") == true)
        // Over the whole series the gap closed from 30 to 25.
        #expect(try findings(rule, Self.attainment(points)).isEmpty)
        let level = try findings(rule, Self.attainment([("2025-06-01", 80, 100), ("2026-06-01", 80, 100)]))
        #expect(level.first?.message.contains("did not close") == true)
    }

    @Test func linkageNamesEachLineThatFallsShort() throws {
        let rule = "  - id: T\n    linkage: {}\n"
        let application = """
            provision:
              - { description: a, outcome: Reads aloud, progressEvidence: plan }
              - { description: b, progressEvidence: plan }
              - { description: c, outcome: Counts to 20, progressEvidence: nowhere }
              - { description: d, outcome: "  " }
            evidence: [{ id: plan, type: sen-support-plan, date: 2026-01-01 }]

            """
        let found = try findings(rule, application)
        #expect(found.map(\.path) == ["provision[1]", "provision[2]", "provision[3]"])
        #expect(found[0].message.contains("provision[1] names no outcome"))
        #expect(found[1].message.contains("not among the evidence items") && !found[1].message.contains("nowhere"))
        #expect(found[2].message.contains("names no outcome and cites no progress evidence"))
        #expect(try findings("  - id: T\n    linkage: { progressEvidence: false }\n", application).map(\.path) == ["provision[1]", "provision[3]"])
    }

    @Test func computedProgressValuesServeConditionsAndFields() throws {
        let points = Self.attainment([("2025-06-01", 60, 100), ("2026-06-01", 64, 112)])
        #expect(try findings("  - id: T\n    when: { progress.monthsCovered: \">= 12\" }\n    xpath: \"false()\"\n", points).count == 1)
        #expect(try findings("  - id: T\n    when: { progress.points: \">= 3\" }\n    xpath: \"false()\"\n", points).isEmpty)
        let rate = try findings("  - id: T\n    field: { path: progress.rate, min: 0.5 }\n", points)
        #expect(rate.map(\.path) == ["progress[0].rate"])
        #expect(try findings("  - id: T\n    field: { path: progress.gapChange, max: 0 }\n", points).map(\.path) == ["progress[0].gapChange"])
    }

    @Test(arguments: [
        ("  - id: T\n    series: { area: reading, min: 0 }\n", 4, "1 or more"),
        ("  - id: T\n    series: { span: 6 moons }\n", 4, "is not a window"),
        ("  - id: T\n    progress: { compare: speed }\n", 4, "not one of: rate, gap"),
        ("  - id: T\n    progress: { compare: gap, ratio: 0.5 }\n", 4, "not to gap"),
        ("  - id: T\n    progress: { ratio: -1 }\n", 4, "above 0"),
        ("  - id: T\n    linkage: { outcome: false, progressEvidence: false }\n", 4, "asks for nothing"),
        ("  - id: T\n    linkage: { outcome: maybe }\n", 4, "true or false"),
        ("  - id: T\n    field: { path: progress.speed, min: 1 }\n", 4, "unknown path 'progress.speed'")
    ])
    func progressMistakeIsReportedAtItsLine(_ rule: String, _ line: Int, _ text: String) {
        let found = RuleSetLoader.lint(Array("ruleset: test\nrules:\n\(rule)".utf8), file: "r.yaml")
        #expect(found.contains { $0.location?.line == line && $0.message.contains(text) }, "\(found)")
    }
}
