import Measurement
@testable import Report
import Testing

/// The comparison warns when the trials' speed probes say the machine ran at different speeds.
@Suite struct SpeedChangeNoteTests {
    private static func row(_ engine: String, probes: Spread?) -> Summary {
        var row = Fixtures.summary(engine, issues: 100, median: 1_000)
        row.speedProbeMilliseconds = probes
        return row
    }

    @Test func probesMoreThanAFifthApartAddAWarningUnderTheTable() {
        let rows = [Self.row("phase1", probes: Spread(median: 21, min: 20, max: 22)),
                    Self.row("phase3", probes: Spread(median: 30, min: 28, max: 35))]
        let notes = ReportTable.comparison(rows).notes
        #expect(notes == [ReportTable.Cell("the machine's speed changed during this run: the same fixed CPU work, timed before "
                               + "each trial, took 20.0–35.0 ms (1.75×); time figures of trials taken at different "
                               + "speeds are not comparable (`speedProbeMilliseconds` in each trial's record)",
                               .warning)])
    }

    @Test func probesWithinAFifthOrMissingAddNothing() {
        let steady = [Self.row("phase1", probes: Spread(median: 21, min: 20, max: 23.9)),
                      Self.row("phase3", probes: nil)]
        #expect(ReportTable.comparison(steady).notes.isEmpty)
        #expect(ReportTable.comparison([Self.row("phase1", probes: nil)]).notes.isEmpty)
    }

    @Test func aCheckWarnsWhenTheBaselineRanAtAnotherSpeed() {
        let fast = Spread(median: 21, min: 20, max: 22), slow = Spread(median: 35, min: 34, max: 36)
        let note = RegressionCheck.speedNote(fast, slow)
        #expect(note == .machineSpeedDiffers(baselineMilliseconds: 21, currentMilliseconds: 35))
        #expect(note?.description == "the machine ran at another speed: the same fixed CPU work took 21.0 ms before "
                + "the baseline's trials and 35.0 ms before these (1.67×); time figures move with it")
        #expect(RegressionCheck.speedNote(slow, fast) == .machineSpeedDiffers(baselineMilliseconds: 35, currentMilliseconds: 21))
        #expect(RegressionCheck.speedNote(fast, Spread(median: 25, min: 25, max: 25)) == nil, "within a fifth")
        #expect(RegressionCheck.speedNote(nil, slow) == nil, "a baseline from before the probe")
    }
}
