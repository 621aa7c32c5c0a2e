import Measurement

/// Which repetitions lie far from the rest of their side: flagged for the reader, never dropped,
/// since a slow repetition is data about the engine too.
///
/// A modified z-score after Iglewicz and Hoaglin: |x − median| / (1.4826 × MAD). MAD, unlike the
/// standard deviation, is not inflated by the outlier it is meant to find. Where more than half
/// the values are equal MAD is 0, and the scale falls back to 1.253314 × the mean absolute
/// deviation from the median, as they recommend. The cutoff is 5 rather than their 3.5, because
/// MAD from a handful of repetitions is itself noisy: of normally distributed samples of 10, 3.5
/// flags some value in about 12 %, 5 in about 3 % (of samples of 5: 20 % and 11 %), while a
/// disturbed repetition 30 % off amid 3 % noise scores about 10 either way.
enum OutlierRule {
    static let cutoff = 5.0

    /// The outlying values, in their order; none for fewer than 3 values or no spread at all.
    static func outliers(in values: [Double]) -> [Double] {
        guard values.count >= 3 else { return [] }
        let center = Statistics.median(values)
        let mad = Statistics.medianAbsoluteDeviation(values)
        let scale = mad > 0 ? 1.4826 * mad : 1.253314 * Statistics.mean(values.map { abs($0 - center) })
        guard scale > 0 else { return [] }
        return values.filter { abs($0 - center) > cutoff * scale }
    }
}
