@testable import Report
import Testing

/// The check's command-line values: accepted forms and exact messages.
struct CheckOptionsTests {
    @Test(arguments: [("5", 5.0), ("2.5", 2.5), ("5%", 5), ("0", 0)])
    func percentAcceptsNumbersWithOrWithoutPercentSign(_ text: String, _ expected: Double) throws {
        #expect(try CheckOptions.parsePercent(text) == expected)
    }

    @Test(arguments: ["-1", "five", "", "inf", "nan"])
    func percentRejectsAnythingElse(_ text: String) {
        #expect(throws: CheckError.invalidOption(option: "--max-regression", expected: "a percentage >= 0, such as 5 or 2.5%",
                                                 found: text)) {
            try CheckOptions.parsePercent(text)
        }
    }

    @Test func metricThresholdParsesNameAndPercent() throws {
        let parsed = try CheckOptions.parseMetricThreshold("p99LatencyMs=10%")
        #expect(parsed.metric == .p99LatencyMs && parsed.percent == 10)
    }

    @Test func metricThresholdWithUnknownMetricNamesTheChoices() {
        let error = #expect(throws: CheckError.self) { try CheckOptions.parseMetricThreshold("latency=10") }
        #expect(error?.description == "--threshold: expected METRIC=PCT with METRIC one of throughput, efficiency, "
            + "p50LatencyMs, p95LatencyMs, p99LatencyMs, peakRSSMiB, cpuSeconds, found 'latency=10'")
    }

    @Test func metricThresholdWithBadPercentNamesTheMetric() {
        #expect(throws: CheckError.invalidOption(option: "--threshold throughput",
                                                 expected: "a percentage >= 0, such as 5 or 2.5%", found: "x")) {
            try CheckOptions.parseMetricThreshold("throughput=x")
        }
    }

    @Test func alphaMustLieStrictlyBetweenZeroAndOne() throws {
        #expect(try CheckOptions.parseAlpha("0.05") == 0.05)
        for text in ["0", "1", "-0.1", "a"] {
            #expect(throws: CheckError.invalidOption(option: "--alpha", expected: "a significance level between 0 and 1, "
                + "such as 0.01", found: text)) { try CheckOptions.parseAlpha(text) }
        }
    }

    @Test func metricListKeepsOrderAndDropsRepeats() throws {
        #expect(try CheckOptions.parseMetrics("p99LatencyMs,throughput,p99LatencyMs") == [.p99LatencyMs, .throughput])
        #expect(throws: CheckError.self) { try CheckOptions.parseMetrics("throughput,") }
    }

    @Test func invalidOptionsAreRefusedBeforeComparing() {
        let row = CheckFixtures.Row(throughput: [1])
        #expect(throws: CheckError.invalidOption(option: "--threshold cpuSeconds", expected: "a percentage >= 0, such as 5 or 2.5%",
                                                 found: "-3")) {
            try RegressionCheck(options: CheckOptions(metricThresholds: [.cpuSeconds: -3]))
                .compare(baseline: CheckFixtures.results([row]), current: CheckFixtures.results([row]))
        }
    }
}
