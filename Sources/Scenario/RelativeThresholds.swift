/// How far, in percent, each figure of a scenario's rows may move from the baseline's before the
/// regression gate counts it as changed: the scenario's `"maxRegression"`,
/// `{"default": 10, "p99LatencyMs": 25, "cpuSeconds": 50}`.
///
/// A wall-clock scenario sets them above the drift between two runs of one build on the machine it
/// runs on; a virtual-clock scenario needs none, its figures being the same run to run. The command
/// line still wins (`--threshold METRIC=PCT` over a metric's own, `--max-regression` over
/// `default`); `RegressionCheck` applies the order.
public struct RelativeThresholds: Sendable, Equatable {
    /// The figures the regression gate compares. The names are those of absolute thresholds
    /// (`Threshold.Metric`), so that `"maxRegression": {"p99LatencyMs": 25}`,
    /// `--threshold p99LatencyMs=25` and `"phase3.p99LatencyMs < 500"` speak one vocabulary. The
    /// list lives here, below the check, so that a scenario can name them; what each means to the
    /// check is in the Report module (`Metric`).
    public enum Metric: String, Codable, Sendable, CaseIterable {
        case throughput, efficiency
        case p50LatencyMs, p95LatencyMs, p99LatencyMs
        case peakRSSMiB, cpuSeconds
    }

    /// For each metric without a threshold of its own (`"default"`); `nil`: the check's.
    public var defaultPercent: Double?
    /// Per metric.
    public var percents: [Metric: Double]

    public init(defaultPercent: Double? = nil, percents: [Metric: Double] = [:]) {
        self.defaultPercent = defaultPercent
        self.percents = percents
    }

    /// Whether the scenario sets none, so the check's own thresholds apply throughout.
    public var isEmpty: Bool { defaultPercent == nil && percents.isEmpty }

    /// The keys `"maxRegression"` accepts, in the order messages list them.
    public static let keys = [defaultKey] + Metric.allCases.map(\.rawValue)

    static let defaultKey = "default"
}
