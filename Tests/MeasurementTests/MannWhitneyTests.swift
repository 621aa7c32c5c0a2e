import Testing
@testable import Measurement

/// Reference U and p-values from scipy 1.17.1: `scipy.stats.mannwhitneyu(x, y)` (two-sided, method
/// "auto", continuity correction on); rank-biserial is 2U/(n1 n2) - 1 and the Hodges–Lehmann shift
/// is `np.median(np.subtract.outer(x, y))`.
@Suite struct MannWhitneyTests {
    func expect(_ x: [Double], _ y: [Double], u: Double, p: Double, method: MannWhitneyResult.Method,
                rankBiserial: Double, shift: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let r = Statistics.mannWhitneyU(x, y)
        #expect(r.u == u, sourceLocation: sourceLocation)
        #expect(abs(r.pValue - p) <= 1e-12 * max(1, p), "p = \(r.pValue)", sourceLocation: sourceLocation)
        #expect(r.method == method, sourceLocation: sourceLocation)
        #expect(abs(r.rankBiserial - rankBiserial) < 1e-12, sourceLocation: sourceLocation)
        #expect(abs(r.hodgesLehmannShift - shift) < 1e-9, sourceLocation: sourceLocation)
    }

    @Test func completelySeparatedSmallSamplesUseTheExactDistribution() {
        // mannwhitneyu([1.1, 2.3, 3.5, 4.2], [5.0, 6.1, 7.7, 8.4, 9.9]) -> (0.0, 0.015873015873015872)
        // = 2 / C(9, 4): only the two most extreme orderings are as extreme.
        expect([1.1, 2.3, 3.5, 4.2], [5.0, 6.1, 7.7, 8.4, 9.9], u: 0, p: 0.015873015873015872,
               method: .exact, rankBiserial: -1, shift: -4.55)
    }

    @Test func overlappingSmallSamplesUseTheExactDistribution() {
        // mannwhitneyu([19, 22, 16, 29, 24], [20, 11, 17, 12]) -> (17.0, 0.1111111111111111)
        expect([19, 22, 16, 29, 24], [20, 11, 17, 12], u: 17, p: 0.1111111111111111,
               method: .exact, rankBiserial: 0.7, shift: 7)
    }

    @Test func oneSmallSampleAgainstALargeOneIsStillExact() {
        // mannwhitneyu([3.1, 7.4, 9.9, 12.2, 15.0], [i + 0.5 for i in range(30)])
        //   -> (47.0, 0.20158209911530592)
        expect([3.1, 7.4, 9.9, 12.2, 15.0], (0..<30).map { Double($0) + 0.5 }, u: 47, p: 0.20158209911530592,
               method: .exact, rankBiserial: -0.3733333333333333, shift: -5.45)
    }

    @Test func exactCountsStayExactNearTheLimitOf63Bits() {
        // C(608, 8) ≈ 4.6e17 orderings; the normal approximation would say 0.000129.
        // mannwhitneyu([450.25, 480.25, 510.25, 530.25, 560.25, 570.25, 590.25, 599.75],
        //              [i + 0.5 for i in range(600)]) -> (4290.0, 1.690362729665764e-05)
        expect([450.25, 480.25, 510.25, 530.25, 560.25, 570.25, 590.25, 599.75], (0..<600).map { Double($0) + 0.5 },
               u: 4290, p: 1.690362729665764e-05, method: .exact, rankBiserial: 0.7875, shift: 236.75)
    }

    @Test func tiesUseTheCorrectedNormalApproximation() {
        // mannwhitneyu([3, 4, 2, 6, 2, 5, 4, 4, 7, 3], [9, 7, 5, 10, 6, 8, 7, 9, 11, 8, 6])
        //   -> (6.5, 0.0006766480799717855)
        expect([3, 4, 2, 6, 2, 5, 4, 4, 7, 3], [9, 7, 5, 10, 6, 8, 7, 9, 11, 8, 6], u: 6.5,
               p: 0.0006766480799717855, method: .asymptotic, rankBiserial: -0.8818181818181818, shift: -4)
    }

    @Test func largerSamplesUseTheNormalApproximation() {
        // mannwhitneyu([101.2, 98.7, 103.4, 99.9, 100.8, 97.6, 102.3, 104.1, 100.1, 99.4],
        //              [96.3, 97.9, 95.1, 98.8, 94.7, 99.0, 96.9, 97.2, 95.8, 98.1, 93.9, 97.7])
        //   -> (113.0, 0.0005366804361047722)
        expect([101.2, 98.7, 103.4, 99.9, 100.8, 97.6, 102.3, 104.1, 100.1, 99.4],
               [96.3, 97.9, 95.1, 98.8, 94.7, 99.0, 96.9, 97.2, 95.8, 98.1, 93.9, 97.7], u: 113,
               p: 0.0005366804361047722, method: .asymptotic, rankBiserial: 0.8833333333333333, shift: 3.85)
    }

    @Test func identicalValuesShowNoDifference() {
        // mannwhitneyu([5, 5, 5], [5, 5, 5, 5]) -> (6.0, 1.0)
        expect([5, 5, 5], [5, 5, 5, 5], u: 6, p: 1, method: .asymptotic, rankBiserial: 0, shift: 0)
    }

    @Test func exactDistributionCountsEveryOrderingOnce() {
        // U for m = 2, n = 3 takes 0...6 with counts 1, 1, 2, 2, 2, 1, 1 (C(5, 2) = 10 orderings).
        let null = MannWhitneyDistribution(2, 3)!
        let tail = (0...7).map { null.probability(ofAtLeast: $0) }
        #expect(tail == [1, 0.9, 0.8, 0.6, 0.4, 0.2, 0.1, 0])
        #expect(MannWhitneyDistribution(8, 2_000) == nil) // C(2008, 8) > 2^63
    }
}
