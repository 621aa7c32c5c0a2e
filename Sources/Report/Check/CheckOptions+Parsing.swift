/// The check's command-line values, parsed here so that the metric names and the accepted forms
/// live in one place; every error names the option and quotes the value.
extension CheckOptions {
    /// `--max-regression PCT`: "5", "2.5", "5%".
    public static func parsePercent(_ text: String, option: String = "--max-regression") throws(CheckError) -> Double {
        let number = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let percent = Double(number.trimmingSpaces()), percent.isFinite, percent >= 0 else {
            throw .invalidOption(option: option, expected: percentForm, found: text)
        }
        return percent
    }

    /// `--threshold METRIC=PCT`: "p99LatencyMs=10", "throughput=3%".
    public static func parseMetricThreshold(_ text: String) throws(CheckError) -> (metric: Metric, percent: Double) {
        let form = "METRIC=PCT with METRIC one of \(Metric.names)"
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let metric = Metric(rawValue: String(parts[0]).trimmingSpaces()) else {
            throw .invalidOption(option: "--threshold", expected: form, found: text)
        }
        return (metric, try parsePercent(String(parts[1]), option: "--threshold \(metric.rawValue)"))
    }

    /// `--alpha A`, strictly between 0 and 1.
    public static func parseAlpha(_ text: String) throws(CheckError) -> Double {
        guard let alpha = Double(text.trimmingSpaces()), alpha > 0, alpha < 1 else {
            throw .invalidOption(option: "--alpha", expected: alphaForm, found: text)
        }
        return alpha
    }

    /// `--metrics a,b`: the metrics to compare, in the order given.
    public static func parseMetrics(_ text: String) throws(CheckError) -> [Metric] {
        var metrics: [Metric] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let metric = Metric(rawValue: String(name).trimmingSpaces()) else {
                throw .invalidOption(option: "--metrics", expected: metricsForm, found: text)
            }
            if !metrics.contains(metric) { metrics.append(metric) }
        }
        return metrics
    }
}

private extension String {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
