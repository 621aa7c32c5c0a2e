import Testing
@testable import Scenario

/// `"maxRegression"`: the regression gate's relative thresholds for a scenario's rows, decoded as
/// strictly as every other field, and the form results files carry them in.
struct RelativeThresholdsTests {
    static let keys = "default, throughput, efficiency, p50LatencyMs, p95LatencyMs, p99LatencyMs, peakRSSMiB, cpuSeconds"
    static let form = #"an object of percentages by metric, such as {"default": 10, "p99LatencyMs": 25}"#

    @Test func defaultAndPerMetricPercentagesAreRead() throws {
        let decoded = try Fixtures.decode(Fixtures.minimal(
            #""maxRegression": {"default": 10, "p50LatencyMs": 15, "p99LatencyMs": 25.5, "cpuSeconds": 5e1}"#))
        #expect(decoded.maxRegression == RelativeThresholds(
            defaultPercent: 10, percents: [.p50LatencyMs: 15, .p99LatencyMs: 25.5, .cpuSeconds: 50]))
    }

    @Test func eitherPartMayBeLeftOut() throws {
        #expect(try Fixtures.decode(Fixtures.minimal(#""maxRegression": {"throughput": 3}"#)).maxRegression
            == RelativeThresholds(percents: [.throughput: 3]))
        #expect(try Fixtures.decode(Fixtures.minimal(#""maxRegression": {"default": 0.5}"#)).maxRegression
            == RelativeThresholds(defaultPercent: 0.5))
        #expect(try Fixtures.decode(Fixtures.minimal(#""maxRegression": {}"#)).maxRegression.isEmpty)
    }

    @Test func keysAreTheCheckMetricsAndDefault() {
        #expect(RelativeThresholds.keys.joined(separator: ", ") == Self.keys)
        #expect(RelativeThresholds.Metric.allCases.allSatisfy { Threshold.Metric(rawValue: $0.rawValue) != nil },
                "every compared metric is also an absolute threshold's")
    }

    static let rejections: [(json: String, message: String)] = [
        (#""maxRegression": {"p99Latency": 25}"#,
         "s.json: maxRegression.p99Latency: unknown key; expected one of \(keys) (did you mean 'p99LatencyMs'?)"),
        (#""maxRegression": {"wallSeconds": 25}"#,
         "s.json: maxRegression.wallSeconds: unknown key; expected one of \(keys)"),
        (#""maxRegression": {"Default": 10}"#,
         "s.json: maxRegression.Default: unknown key; expected one of \(keys) (did you mean 'default'?)"),
        (#""maxRegression": 10"#, "s.json: maxRegression: expected \(form), found 10"),
        (#""maxRegression": [10]"#, "s.json: maxRegression: expected \(form), found an array"),
        (#""maxRegression": {"default": 0}"#, "s.json: maxRegression.default: expected a number > 0, found 0"),
        (#""maxRegression": {"cpuSeconds": -5}"#, "s.json: maxRegression.cpuSeconds: expected a number > 0, found -5"),
        (#""maxRegression": {"throughput": "10%"}"#,
         #"s.json: maxRegression.throughput: expected a number > 0, found a string "10%""#),
        (#""maxRegression": {"default": null}"#, "s.json: maxRegression.default: expected a number > 0, found null"),
        (#""maxRegression": {"default": 1e400}"#, "s.json: maxRegression.default: expected a finite number, found 1e400"),
    ]

    @Test(arguments: rejections)
    func badInputIsRejectedNamingPathExpectationAndFinding(_ json: String, _ message: String) {
        #expect(Fixtures.message(Fixtures.minimal(json)) == message)
    }

    // MARK: - As results files carry them

    @Test func recordedFormUsesTheScenarioKeysAndReadsBack() throws {
        let thresholds = RelativeThresholds(defaultPercent: 10, percents: [.p99LatencyMs: 25, .cpuSeconds: 50])
        let recorded = try #require(thresholds.recorded)
        #expect(recorded == ["default": 10, "p99LatencyMs": 25, "cpuSeconds": 50])
        #expect(RelativeThresholds(recorded: recorded) == thresholds)
    }

    @Test func noThresholdsAreRecordedAsNothing() {
        #expect(RelativeThresholds().recorded == nil)
        #expect(RelativeThresholds(recorded: [:]) == RelativeThresholds())
    }

    @Test(arguments: [["p99Latency": 25.0], ["default": 0], ["cpuSeconds": -1], ["default": .infinity], ["throughput": .nan]])
    func recordedFormThatNoScenarioCouldHoldIsRefused(_ recorded: [String: Double]) {
        #expect(RelativeThresholds(recorded: recorded) == nil)
    }
}
