import Testing
@testable import Measurement

@Suite struct StatisticsTests {
    // Reference values from numpy: np.percentile(v, [0, 25, 50, 90, 100]), np.median(v),
    // np.median(np.abs(v - np.median(v))), np.mean(v) with v = [3, 1, 4, 1, 5, 9, 2, 6].
    let values: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]

    @Test func describesASampleAsNumpyDoes() {
        #expect(Statistics.min(values) == 1)
        #expect(Statistics.max(values) == 9)
        #expect(Statistics.mean(values) == 3.875)
        #expect(Statistics.median(values) == 3.5)
        #expect(Statistics.medianAbsoluteDeviation(values) == 2)
    }

    @Test func percentilesInterpolateBetweenRanks() {
        #expect(Statistics.percentile(values, 0) == 1)
        #expect(Statistics.percentile(values, 25) == 1.75)
        #expect(Statistics.percentile(values, 50) == 3.5)
        #expect(abs(Statistics.percentile(values, 90) - 6.9) < 1e-12)
        #expect(Statistics.percentile(values, 100) == 9)
    }

    @Test func oneValueIsItsOwnSummary() {
        #expect(Statistics.median([42]) == 42)
        #expect(Statistics.percentile([42], 99) == 42)
        #expect(Statistics.medianAbsoluteDeviation([42]) == 0)
    }

    @Test func medianAbsoluteDeviationIgnoresOneOutlier() {
        #expect(Statistics.medianAbsoluteDeviation([100, 101, 99, 100, 5000]) == 1)
    }
}
