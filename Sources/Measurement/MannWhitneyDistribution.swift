/// The exact null distribution of the Mann–Whitney U statistic for samples of sizes m and n
/// without ties: how many of the C(m+n, m) equally likely orderings give each value of U.
///
/// The counts are the coefficients of the Gaussian binomial coefficient [m+n choose m](q), built as
/// the product over i = 1...m of (1 - q^(n+i)) / (1 - q^i): each step multiplies by one binomial
/// and divides by another in O(mn), so the whole table costs O(m²n) integer operations instead of
/// the O(m²n²) of the textbook recurrence. Intermediate products have negative coefficients, so the
/// arithmetic wraps modulo 2^64; the final coefficients are exact because they and their sum fit.
struct MannWhitneyDistribution {
    /// `counts[u]`: orderings with U = u, for u in 0...m*n.
    private var counts: [Int64]
    /// C(m+n, m): all orderings.
    private let total: Int64

    /// `nil` when C(m+n, m), or a step of computing it, does not fit in an `Int64`.
    init?(_ n1: Int, _ n2: Int) {
        let m = Swift.min(n1, n2), n = Swift.max(n1, n2)
        precondition(m >= 1, "U of an empty sample")
        var total: Int64 = 1
        for i in 1...m {
            // C(n+i, i) = C(n+i-1, i-1) * (n+i) / i, exact at every step.
            let (product, overflow) = total.multipliedReportingOverflow(by: Int64(n + i))
            guard !overflow else { return nil }
            total = product / Int64(i)
        }
        self.total = total
        counts = [Int64](repeating: 0, count: m * n + 1)
        counts[0] = 1
        for i in 1...m {
            for j in stride(from: counts.count - 1, through: n + i, by: -1) { counts[j] &-= counts[j - n - i] }
            for j in stride(from: i, to: counts.count, by: 1) { counts[j] &+= counts[j - i] }
        }
    }

    /// P(U >= u) under the null hypothesis.
    func probability(ofAtLeast u: Int) -> Double {
        guard u < counts.count else { return 0 }
        return Double(counts[Swift.max(u, 0)...].reduce(0, +)) / Double(total)
    }
}
