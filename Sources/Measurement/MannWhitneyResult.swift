/// The outcome of a two-sided Mann–Whitney U test of two independent samples, `first` and `second`.
///
/// The regression gate asks two things of it: is the difference between baseline and current
/// repetitions more than noise (`pValue`), and how large is it (`rankBiserial`,
/// `hodgesLehmannShift`). The test makes no assumption about the distribution, which suits
/// throughput figures, whose noise is skewed by the occasional slow repetition.
public struct MannWhitneyResult: Sendable, Equatable {
    /// How `pValue` was computed.
    public enum Method: String, Sendable, Equatable {
        /// From the exact null distribution of U: small samples without ties.
        case exact
        /// From the normal approximation with tie and continuity corrections.
        case asymptotic
    }

    /// U of the first sample: the number of pairs (x from first, y from second) with x > y, ties
    /// counting one half; scipy's `mannwhitneyu(first, second).statistic`.
    public var u: Double
    /// Two-sided: the probability, were both samples from one distribution, of a U at least this
    /// far from its mean `n1 * n2 / 2`.
    public var pValue: Double
    public var method: Method
    /// `2 * u / (n1 * n2) - 1`, in -1...1: +1 when every value of `first` exceeds every value of
    /// `second`, -1 for the reverse, 0 for no tendency either way.
    public var rankBiserial: Double
    /// The median of all differences x - y (x from first, y from second): the Hodges–Lehmann
    /// estimate of how far `first` lies above `second`, in the samples' unit.
    public var hodgesLehmannShift: Double

    public init(u: Double, pValue: Double, method: Method, rankBiserial: Double, hodgesLehmannShift: Double) {
        self.u = u
        self.pValue = pValue
        self.method = method
        self.rankBiserial = rankBiserial
        self.hodgesLehmannShift = hodgesLehmannShift
    }
}
