#if canImport(Glibc)
import Glibc
#endif

extension Statistics {
    /// The two-sided Mann–Whitney U test of `first` against `second`, as scipy's
    /// `mannwhitneyu(first, second)` computes it by default.
    ///
    /// Exact when one sample has at most 8 values and there are no ties (scipy's "auto" rule);
    /// otherwise the normal approximation with tie correction and continuity correction. One
    /// departure from scipy: when counting the orderings overflows 63 bits (8 values against
    /// about 700 or more, far beyond any count of repetitions) this uses the approximation, which
    /// is close for ordinary p-values and conservative (larger) far in the tail, e.g. 0.0008 for
    /// an exact 0.0003.
    public static func mannWhitneyU(_ first: [Double], _ second: [Double]) -> MannWhitneyResult {
        let n1 = checked(first).count, n2 = checked(second).count
        let ranked = Ranking(first + second)
        let rankSum = ranked.ranks[..<n1].reduce(0, +)
        let u1 = rankSum - Double(n1 * (n1 + 1)) / 2
        let pairs = Double(n1 * n2)
        let u = Swift.max(u1, pairs - u1)

        let pValue: Double
        let method: MannWhitneyResult.Method
        if Swift.min(n1, n2) <= 8, !ranked.hasTies, let null = MannWhitneyDistribution(n1, n2) {
            pValue = 2 * null.probability(ofAtLeast: Int(u))
            method = .exact
        } else {
            let n = Double(n1 + n2)
            let variance = pairs / 12 * ((n + 1) - ranked.tieTerm / (n * (n - 1)))
            // All values tied: no evidence of a difference at all.
            pValue = variance > 0 ? erfc((u - pairs / 2 - 0.5) / variance.squareRoot() / 2.squareRoot()) : 1
            method = .asymptotic
        }
        return MannWhitneyResult(u: u1, pValue: Swift.min(pValue, 1), method: method,
                                 rankBiserial: 2 * u1 / pairs - 1,
                                 hodgesLehmannShift: median(first.flatMap { x in second.map { x - $0 } }))
    }
}

/// Ranks of a pooled sample, tied values sharing the mean of their ranks.
private struct Ranking {
    /// 1-based midranks, in the order of the input.
    var ranks: [Double]
    /// Σ (t³ - t) over groups of t tied values: the variance correction for ties.
    var tieTerm: Double = 0
    var hasTies: Bool { tieTerm > 0 }

    init(_ values: [Double]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            let midrank = Double(start + 1 + end) / 2
            for i in start..<end { ranks[order[i]] = midrank }
            let t = Double(end - start)
            tieTerm += t * t * t - t
            start = end
        }
    }
}
