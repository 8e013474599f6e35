import EHCPTestSupport
import Foundation
import Testing

/// Exception periods of any length cost the same: the paused date is computed from the periods,
/// not by counting their days one by one.
@Suite struct TimelineRangeCLITests {
    @Test func centuriesLongClosureIsComputedDirectly() throws {
        let result = try EHCPProcess.run(["timeline", "--received", "2026-06-15", "--exception", "closure:1500-01-01..2500-01-01", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let deadlines = try #require(object["deadlines"] as? [[String: Any]])
        // The window runs to 2499-12-25 (a week before reopening); every day from receipt to then is paused.
        #expect(deadlines.map { $0["pausedClockDate"] as? String } == ["2500-02-06", nil, "2500-04-17", "2500-05-15"])
    }

    @Test func widestDatesStillAnswer() throws {
        // Counting day by day, this took hours; it must answer at once and stay a date.
        let result = try EHCPProcess.run(["timeline", "--received", "2026-06-15", "--exception", "absence:0001-01-01..9999-12-31"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("counting the clock as paused: 10000-"))
    }
}
