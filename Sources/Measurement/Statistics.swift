/// Descriptive statistics of a small sample, e.g. one figure over a row's repetitions.
///
/// Every function takes at least one finite value: callers summarise only what was measured, so an
/// empty or NaN input is a bug upstream and stops the program with a message instead of becoming a
/// plausible-looking 0.
public enum Statistics {
    public static func min(_ values: [Double]) -> Double { checked(values).min()! }

    public static func max(_ values: [Double]) -> Double { checked(values).max()! }

    public static func mean(_ values: [Double]) -> Double {
        checked(values).reduce(0, +) / Double(values.count)
    }

    /// The middle value; the mean of the two middle values for an even count.
    public static func median(_ values: [Double]) -> Double { percentile(values, 50) }

    /// The `p`-th percentile, `p` in 0...100, interpolated linearly between the two nearest ranks
    /// (numpy's default, Hyndman–Fan type 7), so `percentile(x, 50)` is the median.
    ///
    /// Interpolation rather than the nearest rank `LatencyHistogram` uses, because here the samples
    /// are few (repetitions) and a nearest rank would jump from one repetition to the next.
    public static func percentile(_ values: [Double], _ p: Double) -> Double {
        precondition((0...100).contains(p), "percentile \(p) is outside 0...100")
        return percentile(sorted: checked(values).sorted(), p)
    }

    /// The median of the absolute deviations from the median: a spread that, unlike the standard
    /// deviation, one outlying repetition cannot inflate. Unscaled; multiply by 1.4826 to estimate
    /// the standard deviation of normally distributed data.
    public static func medianAbsoluteDeviation(_ values: [Double]) -> Double {
        let center = median(values)
        return median(values.map { abs($0 - center) })
    }

    static func percentile(sorted: [Double], _ p: Double) -> Double {
        let position = Double(sorted.count - 1) * p / 100
        let lower = Int(position.rounded(.down))
        guard lower + 1 < sorted.count else { return sorted[lower] }
        return sorted[lower] + (position - Double(lower)) * (sorted[lower + 1] - sorted[lower])
    }

    static func checked(_ values: [Double]) -> [Double] {
        precondition(!values.isEmpty, "statistics of no values")
        precondition(values.allSatisfy(\.isFinite), "statistics of non-finite values: \(values)")
        return values
    }
}
