import Measurement
@testable import Report
import Scenario
import Testing

/// Absolute thresholds, tested on the current rows.
struct CheckThresholdTests {
    private typealias Row = CheckFixtures.Row

    private let rows = [Row(engine: "phase1", issues: 100, throughput: [90], p99LatencyMs: [40]),
                        Row(engine: "phase3", issues: 100, throughput: [250], p99LatencyMs: [8], peakRSSMiB: [20]),
                        Row(engine: "phase3", issues: 1_000, throughput: [180], p99LatencyMs: [9], peakRSSMiB: [70])]

    private func threshold(_ text: String) throws -> Threshold { try #require(Threshold(parsing: text)) }

    @Test func eachThresholdIsTestedOnEveryRowOfItsEngineWithTheMeasuredValue() throws {
        let summaries = CheckFixtures.results(rows).summaries
        let outcomes = ThresholdEvaluator.evaluate([try threshold("phase3.throughput >= 200"),
                                                    try threshold("phase3.peakRSSMiB < 64")],
                                                   scenario: "gate", against: summaries)
        #expect(outcomes.map(\.passed) == [true, false, true, false])
        #expect(outcomes.map(\.measured) == [250, 180, 20, 70])
        #expect(outcomes.map { $0.row?.issues } == [100, 1_000, 100, 1_000])
        #expect(outcomes[1].detail == " at 1,000 issues: measured 180")
    }

    @Test func thresholdOnAnEngineThatDidNotRunFailsAsNoSuchRow() throws {
        let outcomes = ThresholdEvaluator.evaluate([try threshold("phase9.throughput >= 1")], scenario: "gate",
                                                   against: CheckFixtures.results(rows).summaries)
        #expect(outcomes == [ThresholdOutcome(scenario: "gate", threshold: "phase9.throughput >= 1", row: nil,
                                              measured: nil, problem: .noSuchRow, passed: false)])
    }

    @Test func thresholdOnARowWithoutPassingRepetitionsFails() throws {
        let failed = CheckFixtures.results([Row(throughput: [], failures: ["crashed"])]).summaries
        let outcome = try #require(ThresholdEvaluator.evaluate([try threshold("phase3.p99LatencyMs < 500")],
                                                               scenario: "gate", against: failed).first)
        #expect(outcome.problem == .noPassingRepetition && !outcome.passed && outcome.measured == nil)
    }

    @Test func efficiencyThresholdWithoutABoundFails() throws {
        let outcome = try #require(ThresholdEvaluator.evaluate([try threshold("phase1.efficiency > 0.5")],
                                                               scenario: "gate",
                                                               against: CheckFixtures.results(rows).summaries).first)
        #expect(outcome.problem == .noFigure && !outcome.passed)
    }

    @Test func failedThresholdFailsTheCheckAndIsNamed() throws {
        let report = try RegressionCheck(options: CheckOptions(metrics: [.throughput])).compare(
            baseline: CheckFixtures.results(rows, clock: "virtual"), current: CheckFixtures.results(rows, clock: "virtual"),
            thresholds: ["gate": [try threshold("phase3.throughput >= 200"), try threshold("phase9.retries == 0")]])
        #expect(report.rows.allSatisfy { $0.status == .pass })
        #expect(report.status == .regression && report.exitCode == 1)
        #expect(report.failureLines == ["gate: phase3.throughput >= 200 failed at 1,000 issues: measured 180",
                                        "gate: phase9.retries == 0 failed: no such row"])
        #expect(report.headline == "2 failed thresholds in 3 rows; 1 of 3 thresholds met")
    }

    @Test func everyThresholdMetricReadsItsSummaryField() {
        let summary = CheckFixtures.summary(Row(throughput: [200], p99LatencyMs: [12], peakRSSMiB: [64], cpuSeconds: [1.5],
                                                bound: 400), clock: "wall")
        let values = Threshold.Metric.allCases.map { summary.value(of: $0) }
        #expect(values == [200, 0.5, 3, 6, 12, 64, 1.5, 5, 2_100, 3, 7])
        #expect(Metric.allCases.map(\.thresholdMetric.rawValue) == Metric.allCases.map(\.rawValue))
    }
}
