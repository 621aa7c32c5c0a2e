import Measurement
@testable import Report
import Testing

/// The wall clock path: a change must exceed the threshold and be significant to count.
struct CheckStatisticsTests {
    private let throughputOnly = RegressionCheck(options: CheckOptions(metrics: [.throughput]))

    private func compare(_ baseline: [Double], _ current: [Double]) throws -> MetricComparison {
        let report = try throughputOnly.compare(baseline: CheckFixtures.results([.init(throughput: baseline)]),
                                                current: CheckFixtures.results([.init(throughput: current)]))
        return try #require(report.rows.first?.metrics.first)
    }

    @Test func identicalDistributionsRaiseNoAlarm() throws {
        var flagged = 0
        for seed in UInt64(1)...50 {
            let baseline = CheckFixtures.normal(count: 10, mean: 1_000, stddev: 30, seed: seed)
            let current = CheckFixtures.normal(count: 10, mean: 1_000, stddev: 30, seed: seed + 1_000)
            let figure = try compare(baseline, current)
            #expect(figure.status == .pass || figure.status == .warning, "seed \(seed): \(figure)")
            #expect(figure.method == .significance)
            if figure.status == .warning { flagged += 1 }
        }
        #expect(flagged <= 5, "an outlier warning on normal noise is rare")
    }

    @Test func tenPercentShiftWithTenSamplesEachIsARegression() throws {
        for seed in UInt64(1)...20 {
            let baseline = CheckFixtures.normal(count: 10, mean: 1_000, stddev: 30, seed: seed)
            let current = CheckFixtures.normal(count: 10, mean: 900, stddev: 30, seed: seed + 1_000)
            let figure = try compare(baseline, current)
            #expect(figure.status == .regression, "seed \(seed): \(figure)")
            #expect(try #require(figure.pValue) < 0.01)
            #expect(try #require(figure.effectSize) < -0.8, "current repetitions lie below the baseline's")
            #expect(try #require(figure.changePercent) < -5)
        }
    }

    @Test func tenPercentShiftUpIsAnImprovement() throws {
        let baseline = CheckFixtures.normal(count: 10, mean: 1_000, stddev: 30, seed: 7)
        let figure = try compare(baseline, baseline.map { $0 * 1.1 })
        #expect(figure.status == .improvement)
        #expect(try #require(figure.effectSize) > 0.9)
    }

    @Test func tenPercentChangeAmidLargeNoiseIsWithinNoise() throws {
        let baseline: [Double] = [700, 1_300, 800, 1_200, 900, 1_100, 950, 1_050, 1_000, 1_000]
        let figure = try compare(baseline, baseline.map { $0 * 0.9 })
        #expect(figure.changePercent.map { ($0 * 10).rounded() / 10 } == -10)
        #expect(figure.status == .pass)
        let p = try #require(figure.pValue)
        #expect(p >= 0.01)
        #expect(figure.notes == [.withinNoise(pValue: p, alpha: 0.01)])
    }

    @Test func oneSamplePerSideIsJudgedByTheThresholdWithAWarning() throws {
        let tooFew = CheckNote.tooFewRepetitions(baseline: 1, current: 1, needed: 5, alpha: 0.01)
        let worse = try compare([1_000], [900])
        #expect(worse.method == .thresholdOnly && worse.pValue == nil)
        #expect(worse.status == .regression)
        #expect(worse.notes == [tooFew])
        let withinThreshold = try compare([1_000], [970])
        #expect(withinThreshold.status == .warning)
        #expect(withinThreshold.notes == [tooFew])
        #expect(tooFew.description == "too few repetitions for a significance test (1 vs 1; at α = 0.01 it needs "
            + "5 per side): judged by the threshold alone")
    }

    @Test func fourRepetitionsASideCannotReachOnePercentButFiveCan() throws {
        #expect(try compare([1_000, 1_001, 1_002, 1_003], [900, 901, 902, 903]).method == .thresholdOnly)
        let five = try compare([1_000, 1_001, 1_002, 1_003, 1_004], [900, 901, 902, 903, 904])
        #expect(five.method == .significance)
        #expect(five.status == .regression)
        #expect(five.pValue.map { ($0 * 10_000).rounded() } == 79, "2 / C(10, 5) = 0.0079")
    }

    @Test func aLooserAlphaNeedsFewerRepetitions() {
        #expect(SignificanceTest.repetitionsNeeded(for: 0.01) == 5)
        #expect(SignificanceTest.repetitionsNeeded(for: 0.05) == 4)
        #expect(SignificanceTest.canReach(0.01, 4, 6), "2 / C(10, 4) = 0.0095")
        #expect(!SignificanceTest.canReach(0.01, 3, 6), "2 / C(9, 3) = 0.024")
    }

    @Test func outlyingRepetitionIsFlaggedAndKept() throws {
        let baseline: [Double] = [1_000, 1_010, 990, 1_005, 995, 1_002, 998, 1_003, 997, 1_000]
        var current = baseline
        current[3] = 600
        let figure = try compare(baseline, current)
        #expect(figure.notes == [.outliers(baseline: [], current: [600])])
        #expect(figure.status == .warning)
        #expect(figure.currentSamples == 10, "the outlier stays in the sample")
        #expect(figure.current == Statistics.median(current))
    }

    @Test func outlierRuleFallsBackToMeanDeviationWhenMostValuesAreEqual() {
        #expect(OutlierRule.outliers(in: [10, 10, 10, 10, 10, 10, 10, 10, 10, 50]) == [50])
        #expect(OutlierRule.outliers(in: [100, 100, 100, 104]) == [])
        #expect(OutlierRule.outliers(in: [5, 5, 5]) == [])
        #expect(OutlierRule.outliers(in: [1, 100]) == [], "two values have no 'rest' to lie far from")
    }

    @Test func hostFiguresWithoutTrialsAreJudgedByTheThresholdAlone() throws {
        let row = CheckFixtures.Row(throughput: [1_000, 1_001, 1_002, 1_003, 1_004], p99LatencyMs: [10, 10, 10, 10, 10])
        var slower = row
        slower.p99LatencyMs = [12, 12, 12, 12, 12]
        let report = try RegressionCheck(options: CheckOptions(metrics: [.throughput, .p99LatencyMs])).compare(
            baseline: CheckFixtures.results([row], keepTrials: false), current: CheckFixtures.results([slower]))
        let figures = try #require(report.rows.first).metrics
        #expect(figures.map(\.method) == [.significance, .thresholdOnly], "throughput samples live in the summary")
        #expect(figures[1].notes == [.noRepetitionFigures(.baseline)])
        #expect(figures[1].status == .regression)
    }

    @Test func wallLatencyRisingSignificantlyIsARegression() throws {
        let row = CheckFixtures.Row(throughput: Array(repeating: 1_000, count: 6),
                                    p99LatencyMs: CheckFixtures.normal(count: 6, mean: 10, stddev: 0.1, seed: 3))
        var slower = row
        slower.p99LatencyMs = CheckFixtures.normal(count: 6, mean: 11, stddev: 0.1, seed: 4)
        let report = try RegressionCheck(options: CheckOptions(metrics: [.p99LatencyMs])).compare(
            baseline: CheckFixtures.results([row]), current: CheckFixtures.results([slower]))
        let figure = try #require(report.rows.first?.metrics.first)
        #expect(figure.status == .regression)
        #expect(figure.effectSize == 1, "every current repetition is slower")
        #expect(report.exitCode == 1)
    }
}
