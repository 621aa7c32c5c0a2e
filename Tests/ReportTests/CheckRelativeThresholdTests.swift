import Foundation
import Measurement
@testable import Report
import Scenario
import Testing

/// Relative thresholds from three places — the command line, the scenario (as the current results
/// record it) and the built-in 5 % — and which one a figure is judged by.
struct CheckRelativeThresholdTests {
    private typealias Row = CheckFixtures.Row

    private func check(_ baseline: Row, _ current: Row, clock: String = "virtual", options: CheckOptions,
                       baselineThresholds: [String: Double]? = nil,
                       currentThresholds: [String: Double]?) throws -> CheckReport {
        try RegressionCheck(options: options).compare(
            baseline: CheckFixtures.results([baseline], clock: clock, maxRegression: baselineThresholds),
            current: CheckFixtures.results([current], clock: clock, maxRegression: currentThresholds))
    }

    // MARK: - Precedence

    @Test func commandLineMetricBeatsScenarioMetricBeatsMaxRegressionBeatsScenarioDefaultBeatsFivePercent() {
        let scenario = RelativeThresholds(defaultPercent: 10, percents: [.p99LatencyMs: 25])
        let none = CheckOptions()
        let maxRegression = CheckOptions(maxRegressionPercent: 7)
        let both = CheckOptions(maxRegressionPercent: 7, metricThresholds: [.p99LatencyMs: 12])
        #expect(none.thresholdPercent(for: .throughput, scenario: RelativeThresholds()) == 5, "built in")
        #expect(none.thresholdPercent(for: .throughput, scenario: scenario) == 10, "the scenario's default")
        #expect(maxRegression.thresholdPercent(for: .throughput, scenario: scenario) == 7,
                "--max-regression beats the scenario's default")
        #expect(maxRegression.thresholdPercent(for: .p99LatencyMs, scenario: scenario) == 25,
                "the scenario's own for the metric beats --max-regression")
        #expect(both.thresholdPercent(for: .p99LatencyMs, scenario: scenario) == 12, "--threshold beats everything")
        #expect(both.thresholdPercent(for: .throughput, scenario: scenario) == 7)
    }

    // MARK: - In a check

    @Test(arguments: [
        (nil, nil, 5.0, CheckStatus.regression),
        (["default": 10.0], nil, 10, .pass),
        (["throughput": 10], nil, 10, .pass),
        (["default": 10], 5.0, 5, .regression),
        (["throughput": 10], 5, 10, .pass),
        (["default": 10, "throughput": 3], nil, 3, .regression),
    ] as [([String: Double]?, Double?, Double, CheckStatus)])
    func virtualFigureIsJudgedByTheThresholdInEffect(_ recorded: [String: Double]?, _ maxRegression: Double?,
                                                     _ expected: Double, _ status: CheckStatus) throws {
        let report = try check(Row(throughput: [1_000]), Row(throughput: [920]),
                               options: CheckOptions(maxRegressionPercent: maxRegression, metrics: [.throughput]),
                               currentThresholds: recorded)
        let throughput = try #require(report.rows.first?.metrics.first)
        #expect(throughput.thresholdPercent == expected)
        #expect(throughput.status == status, "−8 % against \(expected) %")
    }

    @Test func scenarioThresholdKeepsSignificantDriftOfAWallClockFigureOut() throws {
        let baseline = Row(throughput: Array(repeating: 1_000, count: 5), cpuSeconds: [1.00, 1.01, 1.02, 1.03, 1.04])
        var current = baseline
        current.cpuSeconds = [1.30, 1.31, 1.32, 1.33, 1.34]
        let options = CheckOptions(metrics: [.cpuSeconds])
        let alarmed = try #require(try check(baseline, current, clock: "wall", options: options, currentThresholds: nil)
            .rows.first?.metrics.first)
        #expect(alarmed.status == .regression && alarmed.method == .significance, "+30 %, p = 0.008, beyond 5 %")
        let quiet = try #require(try check(baseline, current, clock: "wall", options: options,
                                           currentThresholds: ["default": 10, "cpuSeconds": 50]).rows.first?.metrics.first)
        #expect(quiet.status == .pass && quiet.thresholdPercent == 50 && quiet.notes.isEmpty)
        #expect(quiet.pValue == alarmed.pValue, "the test is the same; only the threshold moved")
    }

    @Test func outputShowsTheThresholdInEffect() throws {
        let report = try check(Row(throughput: [1_000]), Row(throughput: [800]),
                               options: CheckOptions(metrics: [.throughput]), currentThresholds: ["default": 10])
        #expect(report.failureLines == ["gate · phase3 · 1,000 issues: throughput 1,000 → 800 issues/s (−20.0 %, threshold 10 %)"])
        #expect(report.markdown().contains(
            "| ❌ regression | 1,000 | phase3 | throughput (issues/s) | 1,000 → 800 | −20.0 % | 10 % | exact | — |  |"))
        let csv = report.csv().split(separator: "\r\n")
        let column = try #require(CheckReport.csvColumns.firstIndex(of: "thresholdPercent"))
        #expect(csv.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[column] } == ["10.0"])
    }

    @Test func baselineThresholdsAreNotRead() throws {
        let report = try check(Row(throughput: [1_000]), Row(throughput: [920]), options: CheckOptions(metrics: [.throughput]),
                               baselineThresholds: ["default": 50], currentThresholds: nil)
        #expect(report.rows.first?.metrics.first?.thresholdPercent == 5)
        #expect(report.exitCode == 1)
    }

    @Test func thresholdsApplyToTheirScenarioOnly() throws {
        let before = [Row(scenario: "loose", throughput: [1_000]), Row(scenario: "strict", throughput: [1_000])]
        let report = try RegressionCheck(options: CheckOptions(metrics: [.throughput])).compare(
            baseline: [CheckFixtures.results(before, clock: "virtual")],
            current: [CheckFixtures.results([Row(scenario: "loose", throughput: [920])], clock: "virtual",
                                            maxRegression: ["default": 10]),
                      CheckFixtures.results([Row(scenario: "strict", throughput: [920])], clock: "virtual")])
        #expect(report.rows.map { $0.metrics.first?.thresholdPercent } == [10, 5])
        #expect(report.rows.map(\.status) == [.pass, .regression])
    }

    // MARK: - What results files carry

    @Test func resultsWithoutRecordedThresholdsReadAsBefore() throws {
        let plain = CheckFixtures.results([Row(throughput: [1_000])])
        let json = String(decoding: try plain.jsonData(), as: UTF8.self)
        #expect(!json.contains("maxRegression"), "nothing recorded, nothing written")
        let recorded = CheckFixtures.results([Row(throughput: [1_000])], maxRegression: ["default": 10, "cpuSeconds": 50])
        let read = try ResultsFile(jsonData: try recorded.jsonData(), source: "r.json")
        #expect(read.scenarios.first?.maxRegression == ["default": 10, "cpuSeconds": 50])
        #expect(try ResultsFile(jsonData: Data(json.utf8), source: "old.json").scenarios.first?.maxRegression == nil)
    }

    @Test func unreadableRecordedThresholdsAreAnError() {
        let row = Row(throughput: [1_000])
        let error = #expect(throws: CheckError.self) {
            try self.check(row, row, options: CheckOptions(), currentThresholds: ["default": 10, "latency": 20])
        }
        #expect(error == .unreadableThresholds(.current, scenario: "gate", recorded: ["default": 10, "latency": 20]))
        #expect(error?.description == "scenario 'gate' in the current results records relative thresholds the check "
            + "cannot read (maxRegression {default: 10, latency: 20}): expected keys default, throughput, efficiency, "
            + "p50LatencyMs, p95LatencyMs, p99LatencyMs, peakRSSMiB, cpuSeconds with percentages > 0")
    }

    @Test func oneScenarioWithTwoSetsOfThresholdsOnOneSideIsAnError() {
        let row = Row(throughput: [1_000])
        let error = #expect(throws: CheckError.self) {
            try RegressionCheck().compare(
                baseline: [CheckFixtures.results([row])],
                current: [CheckFixtures.results([row], maxRegression: ["default": 10]),
                          CheckFixtures.results([Row(issues: 100, throughput: [1])])])
        }
        #expect(error == .conflictingThresholds(.current, scenario: "gate", recorded: [["default": 10], [:]]))
        #expect(error?.description == "scenario 'gate' appears in the current results with different relative "
            + "thresholds (maxRegression {default: 10} and {}); check results of one scenario file")
    }
}
