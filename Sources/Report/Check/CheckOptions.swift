import Contract
import Scenario

/// How strict the regression gate is: what counts as a change, and what as noise.
public struct CheckOptions: Sendable, Equatable {
    public static let defaultMaxRegressionPercent = 5.0
    public static let defaultAlpha = 0.01

    /// Relative change, in percent, a figure may move without counting as changed where no
    /// per-metric threshold applies (`--max-regression PCT`); `nil` when not given, so that a
    /// scenario's `maxRegression.default` applies, else `defaultMaxRegressionPercent`.
    public var maxRegressionPercent: Double?
    /// Per metric (`--threshold METRIC=PCT`): beats every other threshold, as the command line
    /// overrides files.
    public var metricThresholds: [Metric: Double]
    /// Significance level of the two-sided Mann–Whitney U test on figures measured on the host.
    public var alpha: Double
    /// The metrics compared, in the order every rendering shows them.
    public var metrics: [Metric]

    public init(maxRegressionPercent: Double? = nil, metricThresholds: [Metric: Double] = [:],
                alpha: Double = defaultAlpha, metrics: [Metric] = Metric.allCases) {
        self.maxRegressionPercent = maxRegressionPercent
        self.metricThresholds = metricThresholds
        self.alpha = alpha
        self.metrics = metrics
    }

    /// The relative threshold, in percent, for `metric` in a scenario with `scenario`'s relative
    /// thresholds. The most specific wins, and between equally specific ones the command line
    /// wins: `--threshold METRIC=PCT`, the scenario's own for the metric, `--max-regression`,
    /// the scenario's `default`, then 5 %.
    public func thresholdPercent(for metric: Metric, scenario: RelativeThresholds) -> Double {
        metricThresholds[metric] ?? scenario.percents[metric] ?? maxRegressionPercent ?? scenario.defaultPercent
            ?? Self.defaultMaxRegressionPercent
    }

    /// Rejects what no comparison can use; the option names are the command line's.
    func validate() throws(CheckError) {
        if let maxRegressionPercent { try Self.checkPercent(maxRegressionPercent, option: "--max-regression") }
        for (metric, percent) in metricThresholds.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try Self.checkPercent(percent, option: "--threshold \(metric.rawValue)")
        }
        guard alpha > 0, alpha < 1 else {
            throw .invalidOption(option: "--alpha", expected: Self.alphaForm, found: format(alpha))
        }
        guard !metrics.isEmpty else {
            throw .invalidOption(option: "--metrics", expected: Self.metricsForm, found: "")
        }
    }

    static let percentForm = "a percentage >= 0, such as 5 or 2.5%"
    static let alphaForm = "a significance level between 0 and 1, such as 0.01"
    static let metricsForm = "a comma-separated list of \(Metric.names)"

    private static func checkPercent(_ percent: Double, option: String) throws(CheckError) {
        guard percent.isFinite, percent >= 0 else {
            throw .invalidOption(option: option, expected: percentForm, found: format(percent))
        }
    }
}
