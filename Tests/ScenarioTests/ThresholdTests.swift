import Testing
import Scenario

struct ThresholdTests {
    @Test(arguments: [
        ("phase3.throughput >= 200", "phase3", Threshold.Metric.throughput, Threshold.Comparison.atLeast, 200.0),
        ("phase3.p99LatencyMs<500", "phase3", .p99LatencyMs, .below, 500),
        ("  my-engine.peakRSSMiB <=  1e3 ", "my-engine", .peakRSSMiB, .atMost, 1000),
        ("a.b.retries == 0", "a.b", .retries, .equal, 0),
        ("phase1.efficiency > -0.5", "phase1", .efficiency, .above, -0.5),
    ])
    func parsesEngineMetricOperatorAndNumber(_ text: String, _ engine: String, _ metric: Threshold.Metric,
                                             _ op: Threshold.Comparison, _ value: Double) throws {
        let threshold = try #require(Threshold(parsing: text))
        #expect(threshold == Threshold(engine: engine, metric: metric, op: op, value: value))
        #expect(threshold.description == text)
    }

    @Test(arguments: ["phase3.throughput", "throughput >= 1", ".throughput >= 1", "phase3.throughput = 1",
                      "phase3.throughput => 1", "phase3.throughput >= x", "phase3.speed >= 1", "phase 3.throughput >= 1",
                      "phase3.throughput >= 1e999", "phase3.throughput >= 1 2", "phase3.throughput >=", ""])
    func rejectsAnythingElse(_ text: String) {
        #expect(Threshold(parsing: text) == nil)
    }

    @Test func checksAMeasuredValue() throws {
        let atLeast = try #require(Threshold(parsing: "e.throughput >= 200"))
        #expect(atLeast.isMet(by: 200) && !atLeast.isMet(by: 199.9))
        let below = try #require(Threshold(parsing: "e.p99LatencyMs < 5"))
        #expect(below.isMet(by: 4.9) && !below.isMet(by: 5))
    }

    @Test func builtThresholdsDescribeThemselvesCanonically() {
        #expect(Threshold(engine: "phase3", metric: .throughput, op: .atLeast, value: 200).description
            == "phase3.throughput >= 200")
    }
}
