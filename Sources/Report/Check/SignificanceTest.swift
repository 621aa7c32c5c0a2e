import Measurement

/// What the Mann–Whitney U test can and cannot show with few repetitions.
///
/// The smallest p-value the test can give for two sample sizes is that of two samples that do not
/// overlap at all; with 4 repetitions a side it is 2 / C(8, 4) ≈ 0.029, so at α = 0.01 no
/// difference, however large, is significant. Computed with the test itself, so the two can never
/// disagree about it.
enum SignificanceTest {
    static func smallestPValue(_ n1: Int, _ n2: Int) -> Double {
        guard n1 > 0, n2 > 0 else { return 1 }
        return Statistics.mannWhitneyU((0..<n1).map(Double.init), (n1..<n1 + n2).map(Double.init)).pValue
    }

    /// Whether some pair of samples of these sizes is significant at `alpha`.
    static func canReach(_ alpha: Double, _ n1: Int, _ n2: Int) -> Bool { smallestPValue(n1, n2) < alpha }

    /// The fewest repetitions per side that can be significant at `alpha` (in 0 < α < 1).
    static func repetitionsNeeded(for alpha: Double) -> Int {
        var n = 1
        while !canReach(alpha, n, n) { n += 1 }
        return n
    }
}
