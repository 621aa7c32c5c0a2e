import Measurement
import Scenario

/// A figure the regression gate compares between a baseline and a current run, with its direction.
///
/// The cases are declared in the Scenario module, where a scenario's `maxRegression` names them;
/// what each means to the check is here. The names are those of absolute thresholds
/// (`Threshold.Metric`), so `--threshold p99LatencyMs=10` and `"phase3.p99LatencyMs < 500"` speak
/// one vocabulary. Correctness is not a metric: a row that fails verification fails the gate
/// whatever its figures (see `RowComparison`).
public typealias Metric = RelativeThresholds.Metric

extension Metric {
    /// Whether a larger figure is better (throughput, efficiency) rather than a smaller one.
    public var prefersLarger: Bool { self == .throughput || self == .efficiency }

    /// Whether the figure is read on the trial's clock, and so is deterministic under the virtual
    /// clock; peak RSS and CPU time are measured on the host under either clock, so they are noisy
    /// (and machine-dependent) even when time is virtual.
    public var isOnTrialClock: Bool { self != .peakRSSMiB && self != .cpuSeconds }

    /// The unit the figure is shown in.
    public var unit: String {
        switch self {
        case .throughput: "issues/s"
        case .efficiency: "%"
        case .p50LatencyMs, .p95LatencyMs, .p99LatencyMs: "ms"
        case .peakRSSMiB: "MiB"
        case .cpuSeconds: "s"
        }
    }

    /// The absolute threshold metric of the same name, which knows where the figure lives in a summary.
    public var thresholdMetric: Threshold.Metric {
        switch self {
        case .throughput: .throughput
        case .efficiency: .efficiency
        case .p50LatencyMs: .p50LatencyMs
        case .p95LatencyMs: .p95LatencyMs
        case .p99LatencyMs: .p99LatencyMs
        case .peakRSSMiB: .peakRSSMiB
        case .cpuSeconds: .cpuSeconds
        }
    }

    /// The row's figure (a median over its repetitions), `nil` where it has none.
    func value(of summary: Summary) -> Double? { summary.value(of: thresholdMetric) }

    /// The figure of each passing measured repetition of the row, in the summary's unit; `trials`
    /// are the row's passing measured trials. Throughput comes from `throughputSamples`, which a
    /// results file keeps even without its trials.
    func samples(of summary: Summary, trials: [TrialRecord]) -> [Double] {
        switch self {
        case .throughput: summary.throughputSamples
        case .efficiency: summary.bound.map { bound in summary.throughputSamples.map { $0 / bound } } ?? []
        case .p50LatencyMs: trials.map(\.latencyMs.p50)
        case .p95LatencyMs: trials.map(\.latencyMs.p95)
        case .p99LatencyMs: trials.map(\.latencyMs.p99)
        case .peakRSSMiB: trials.map { Summary.mebibytes($0.peakRSSBytes) }
        case .cpuSeconds: trials.map(\.cpuSeconds)
        }
    }

    /// `"throughput, efficiency, …"`, for messages that list what is accepted.
    static let names = allCases.map(\.rawValue).joined(separator: ", ")
}
