import Foundation

/// Maps data values to pixels along one axis, with the ticks and labels of that axis.
///
/// Logarithmic when the values span more than `logarithmicSpan` (a bound 100× above the measured
/// throughput would flatten every bar on a linear axis); linear from zero otherwise.
struct Scale {
    enum Kind { case linear, logarithmic }

    /// Largest ratio of the largest to the smallest positive value a linear axis shows legibly.
    static let logarithmicSpan = 50.0

    let kind: Kind
    let lower: Double
    let upper: Double
    var from: Double
    var to: Double
    /// Round values by default; a chart may put them at its data instead (`LineChart` does for a few x values).
    var ticks: [Double]
    /// Distance between linear ticks, which decides how many decimals their labels need.
    private let step: Double

    /// A scale whose domain covers `values` with round ends, drawn from pixel `from` to pixel `to`
    /// (which may be set later: ticks and labels do not depend on them).
    /// `fromZero` keeps a linear domain starting at zero, as bar lengths must.
    init(fitting values: [Double], from: Double = 0, to: Double = 1, fromZero: Bool) {
        self.from = from
        self.to = to
        let finite = values.filter(\.isFinite)
        let positive = finite.filter { $0 > 0 }
        let largest = finite.max() ?? 1
        if let smallest = positive.min(), finite.allSatisfy({ $0 >= 0 }), largest / smallest > Self.logarithmicSpan {
            let low = floor(log10(smallest)), high = max(ceil(log10(largest)), low + 1)
            let upper = pow(10, high)
            let mantissas: [Double] = high - low <= 3 ? [1, 2, 5] : [1]
            kind = .logarithmic
            lower = pow(10, low)
            self.upper = upper
            ticks = stride(from: low, through: high, by: 1).flatMap { e in mantissas.map { $0 * pow(10, e) } }
                .filter { $0 <= upper * 1.000_001 }
            step = 1
        } else {
            var low = fromZero ? min(0, finite.min() ?? 0) : (finite.min() ?? 0)
            var high = largest
            if high <= low { high = low + max(abs(low), 1) }
            // Headroom, so the tallest bar and its whisker do not touch the top of the plot.
            let step = Self.niceStep((high - low) * (fromZero ? 1.04 : 1) / 5)
            low = (low / step).rounded(.down) * step
            high = (high * (fromZero ? 1.04 : 1) / step).rounded(.up) * step
            kind = .linear
            lower = low
            upper = high
            self.step = step
            ticks = stride(from: 0, through: ((high - low) / step).rounded(), by: 1).map { low + $0 * step }
        }
    }

    /// The pixel of `value`; values outside the domain are held at its ends.
    func callAsFunction(_ value: Double) -> Double {
        let t: Double
        switch kind {
        case .linear: t = (value - lower) / (upper - lower)
        case .logarithmic: t = (log10(max(value, lower)) - log10(lower)) / (log10(upper) - log10(lower))
        }
        return from + min(max(t, 0), 1) * (to - from)
    }

    /// A tick's label: as many decimals as the tick spacing needs, thousands grouped.
    func label(_ tick: Double) -> String {
        switch kind {
        case .linear: NumberFormat.fixed(tick, decimals: max(0, -Int(log10(step).rounded(.down))))
        case .logarithmic: tick >= 1 ? NumberFormat.fixed(tick, decimals: 0) : NumberFormat.exact(tick)
        }
    }

    /// 1, 2 or 5 times a power of ten, near `raw`.
    private static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, log10(raw).rounded(.down))
        let fraction = raw / magnitude
        return (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * magnitude
    }
}
