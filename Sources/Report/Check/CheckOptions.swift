import Contract

/// How strict the regression gate is: what counts as a change, and what as noise.
public struct CheckOptions: Sendable, Equatable {
    public static let defaultMaxRegressionPercent = 5.0
    public static let defaultAlpha = 0.01

    /// Relative change, in percent, a figure may move without counting as changed, where no more
    /// specific threshold applies (`--max-regression PCT`).
    public var maxRegressionPercent: Double
    /// Per metric (`--threshold METRIC=PCT`): beats both the scenario's and the default threshold,
    /// as the command line overrides files.
    public var metricThresholds: [Metric: Double]
    /// Per scenario name and metric, as a scenario file may set them: beats the default threshold.
    public var scenarioThresholds: [String: [Metric: Double]]
    /// Significance level of the two-sided Mann–Whitney U test on figures measured on the host.
    public var alpha: Double
    /// The metrics compared, in the order every rendering shows them.
    public var metrics: [Metric]

    public init(maxRegressionPercent: Double = defaultMaxRegressionPercent, metricThresholds: [Metric: Double] = [:],
                scenarioThresholds: [String: [Metric: Double]] = [:], alpha: Double = defaultAlpha,
                metrics: [Metric] = Metric.allCases) {
        self.maxRegressionPercent = maxRegressionPercent
        self.metricThresholds = metricThresholds
        self.scenarioThresholds = scenarioThresholds
        self.alpha = alpha
        self.metrics = metrics
    }

    /// The relative threshold, in percent, for `metric` in `scenario`.
    public func thresholdPercent(for metric: Metric, scenario: String) -> Double {
        metricThresholds[metric] ?? scenarioThresholds[scenario]?[metric] ?? maxRegressionPercent
    }

    /// Rejects what no comparison can use; the option names are the command line's.
    func validate() throws(CheckError) {
        try Self.checkPercent(maxRegressionPercent, option: "--max-regression")
        for (metric, percent) in metricThresholds.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try Self.checkPercent(percent, option: "--threshold \(metric.rawValue)")
        }
        for (scenario, thresholds) in scenarioThresholds.sorted(by: { $0.key < $1.key }) {
            for (metric, percent) in thresholds.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                try Self.checkPercent(percent, option: "scenario '\(scenario)' threshold \(metric.rawValue)")
            }
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
