/// One figure of one row, baseline against current, and the verdict on it.
public struct MetricComparison: Codable, Sendable, Equatable {
    /// How the verdict was reached.
    public enum Method: String, Codable, Sendable {
        /// A figure on the virtual clock: deterministic, so the change is compared with the
        /// threshold exactly.
        case exact
        /// The change must exceed the threshold and be significant by a two-sided Mann–Whitney U
        /// test over the repetitions.
        case significance
        /// No usable test (too few repetitions, or none kept): the threshold alone, with a warning.
        case thresholdOnly = "threshold only"
    }

    public var metric: Metric
    /// Medians over each side's passing repetitions, in the metric's unit (efficiency as a fraction).
    public var baseline: Double
    public var current: Double
    /// (current − baseline) / baseline × 100; `nil` when the baseline is 0 and the current is not.
    public var changePercent: Double?
    /// The relative threshold applied, in percent.
    public var thresholdPercent: Double
    public var method: Method
    /// Repetitions with a figure on each side.
    public var baselineSamples: Int
    public var currentSamples: Int
    /// Two-sided Mann–Whitney U p-value of current against baseline, when the test was run.
    public var pValue: Double?
    /// Rank-biserial correlation of current against baseline, in -1...1: +1 when every current
    /// repetition is above every baseline one, whichever direction is better.
    public var effectSize: Double?
    public var notes: [CheckNote]
    public var status: CheckStatus

    public init(metric: Metric, baseline: Double, current: Double, changePercent: Double?, thresholdPercent: Double,
                method: Method, baselineSamples: Int, currentSamples: Int, pValue: Double?, effectSize: Double?,
                notes: [CheckNote], status: CheckStatus) {
        self.metric = metric
        self.baseline = baseline
        self.current = current
        self.changePercent = changePercent
        self.thresholdPercent = thresholdPercent
        self.method = method
        self.baselineSamples = baselineSamples
        self.currentSamples = currentSamples
        self.pValue = pValue
        self.effectSize = effectSize
        self.notes = notes
        self.status = status
    }
}
