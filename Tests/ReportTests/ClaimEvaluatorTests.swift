import Measurement
import Scenario
import Testing
@testable import Report

@Suite struct ClaimEvaluatorTests {
    let summaries = Fixtures.summaries

    func verdicts(_ claims: [Claim], _ summaries: [Summary]? = nil) -> [ClaimVerdict] {
        ClaimEvaluator.evaluate(claims, summaries: summaries ?? self.summaries)
    }

    @Test func throughputWithinFivePercentIsReproduced() {
        let result = verdicts([Claim(engine: "phase1", issues: 100, metric: .throughput, value: 100, source: "r")])
        #expect(result == [ClaimVerdict(engine: "phase1", issues: 100, metric: "throughput", claimed: 100,
                                        measured: 96.8, bound: 1_000, verdict: .reproduced, source: "r")])
    }

    @Test func throughputShortByMoreThanFivePercentIsNotReproduced() {
        let result = verdicts([Claim(engine: "phase1", issues: 100, metric: .throughput, value: 102, source: "r")])
        #expect(result.map(\.verdict) == [.notReproduced])
        #expect(result.first?.measured == 96.8)
    }

    @Test func throughputAboveTheBoundIsBeyondTheBoundWhateverWasMeasured() {
        let result = verdicts([Claim(engine: "phase3", issues: 100, metric: .throughput, value: 1_500, source: "r")])
        #expect(result.map(\.verdict) == [.beyondBound])
        #expect(result.first?.bound == 1_000)
        #expect(result.first?.measured == 846.1)
    }

    @Test func missingRowIsNotMeasured() {
        let result = verdicts([Claim(engine: "phase4", issues: 100, metric: .throughput, value: 1, source: "r")])
        #expect(result == [ClaimVerdict(engine: "phase4", issues: 100, metric: "throughput", claimed: 1,
                                        measured: nil, bound: nil, verdict: .notMeasured, source: "r")])
    }

    @Test func failedRowIsNotMeasuredButKeepsItsBound() {
        let result = verdicts([Claim(engine: "phase2", issues: 1_000, metric: .throughput, value: 1, source: "r")])
        #expect(result == [ClaimVerdict(engine: "phase2", issues: 1_000, metric: "throughput", claimed: 1,
                                        measured: nil, bound: 50_000, verdict: .notMeasured, source: "r")])
    }

    @Test func claimAboutEverySizeGetsOneVerdictPerSizeTheEngineRan() {
        let result = verdicts([Claim(engine: "phase3", issues: nil, metric: .throughput, value: 800, source: "r")])
        #expect(result.map(\.issues) == [100, 1_000])
        #expect(result.map(\.verdict) == [.reproduced, .reproduced])
    }

    @Test func claimAboutEverySizeOfAnEngineThatNeverRanIsOneNotMeasured() {
        let result = verdicts([Claim(engine: "phase9", issues: nil, metric: .speedup, value: 2, source: "r")])
        #expect(result.map(\.issues) == [nil])
        #expect(result.map(\.verdict) == [.notMeasured])
    }

    @Test func speedupIsBoundedByTheBoundOverPhase1() throws {
        // bound 1,000 / phase1 96.8 = 10.33×: 8.74× measured reproduces 8.5×, 19.8× is beyond reach.
        let result = verdicts([Claim(engine: "phase3", issues: 100, metric: .speedup, value: 8.5, source: "r"),
                               Claim(engine: "phase3", issues: 100, metric: .speedup, value: 19.8, source: "r"),
                               Claim(engine: "phase3", issues: 100, metric: .speedup, value: 9.5, source: "r")])
        #expect(result.map(\.verdict) == [.reproduced, .beyondBound, .notReproduced])
        #expect(try #require(result.first?.bound) == 1_000 / 96.8)
        #expect(result.first?.measured == 8.74)
    }

    @Test func memorySavingsComeFromThePeakRelativeToPhase1() throws {
        let result = verdicts([Claim(engine: "phase3", issues: 100, metric: .memorySavingsPercent, value: 92.2, source: "r"),
                               Claim(engine: "phase2", issues: 100, metric: .memorySavingsPercent, value: 92.2, source: "r")])
        #expect(result.map(\.verdict) == [.reproduced, .notReproduced])
        #expect(abs(try #require(result.first?.measured) - 92.2) < 1e-9)
        #expect(result.first?.bound == nil)
    }

    @Test func compressionOfAnEngineThatCompressedNothingIsZeroPercent() {
        let result = verdicts([Claim(engine: "phase3", issues: 100, metric: .compressionPercent, value: 99.6, source: "r"),
                               Claim(engine: "phase1", issues: 100, metric: .compressionPercent, value: 99.6, source: "r")])
        #expect(result.map(\.verdict) == [.reproduced, .notReproduced])
        #expect(result.map(\.measured) == [99.6, 0])
    }

    @Test func rowInTheEngineDefaultTuningIsPreferredOverTheFirst() {
        let rows = [Fixtures.summary("phase2", issues: 100, median: 50, tuning: ["maxConcurrency": 4]),
                    Fixtures.summary("phase2", issues: 100, median: 120, tuning: ["maxConcurrency": 16])]
        let claim = Claim(engine: "phase2", issues: 100, metric: .throughput, value: 120, source: "r")
        let defaults = ["phase2": ["maxConcurrency": 16.0]]
        #expect(ClaimEvaluator.evaluate([claim], summaries: rows, defaultTunings: defaults).map(\.measured) == [120])
        #expect(ClaimEvaluator.evaluate([claim], summaries: rows).map(\.measured) == [50])
    }
}
