import Measurement
import Scenario

extension Summary {
    /// The figure an absolute threshold (and the regression gate) tests, `nil` when the row has
    /// none: efficiency without a bound.
    public func value(of metric: Threshold.Metric) -> Double? {
        switch metric {
        case .throughput: throughput.median
        case .efficiency: efficiency
        case .p50LatencyMs: latencyMs.p50
        case .p95LatencyMs: latencyMs.p95
        case .p99LatencyMs: latencyMs.p99
        case .peakRSSMiB: Self.mebibytes(peakRSSBytes)
        case .cpuSeconds: cpuSeconds
        case .wallSeconds: wallSeconds
        case .apiCalls: Double(apiCalls)
        case .rateLimited: Double(rateLimited)
        case .retries: Double(retries)
        }
    }

    static func mebibytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }
}
