#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Scenario
import Testing
@testable import Simulation

@Suite struct DistributionSamplingTests {
    /// `count` samples from a stream seeded with `seed`.
    func samples(_ distribution: Distribution, count: Int = 20_000, seed: UInt64 = 42) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in distribution.sample(using: &random) }
    }

    func average(_ samples: [Double]) -> Double { samples.reduce(0, +) / Double(samples.count) }

    @Test func fixedDrawsNothingAndIsFixed() {
        var random = SeededRandom(seed: 1), untouched = SeededRandom(seed: 1)
        #expect(Distribution.fixed(30).sample(using: &random) == 30)
        #expect(random.next() == untouched.next())
        #expect(Distribution.fixed(30).isFixed)
        #expect(Distribution.fixed(30).mean == 30)
        #expect(!Distribution.uniform(min: 1, max: 1).isFixed)
    }

    @Test func lognormalHitsItsMedianAndP99() {
        let values = samples(.lognormal(median: 1500, p99: 20000), count: 100_000).sorted()
        let median = values[values.count / 2], p99 = values[values.count * 99 / 100]
        #expect(abs(median / 1500 - 1) < 0.02, "median \(median)")
        #expect(abs(p99 / 20000 - 1) < 0.05, "p99 \(p99)")
    }

    @Test func lognormalMeanIsAnalytic() {
        let distribution = Distribution.lognormal(median: 8, p99: 40)
        let sigma = 1.6094379124341003 / 2.3263478740408408  // ln(40/8) / z99
        #expect(abs(distribution.mean - 8 * exp(sigma * sigma / 2)) < 1e-9)
        #expect(abs(average(samples(distribution, count: 100_000)) / distribution.mean - 1) < 0.02)
    }

    @Test func uniformStaysInRangeAroundItsMean() {
        let values = samples(.uniform(min: 2, max: 10))
        #expect(values.allSatisfy { $0 >= 2 && $0 < 10 })
        #expect(Distribution.uniform(min: 2, max: 10).mean == 6)
        #expect(abs(average(values) - 6) < 0.05)
    }

    @Test func exponentialMeanMatches() {
        let values = samples(.exponential(mean: 5), count: 50_000)
        #expect(values.allSatisfy { $0 >= 0 })
        #expect(Distribution.exponential(mean: 5).mean == 5)
        #expect(abs(average(values) / 5 - 1) < 0.02)
    }

    @Test func normalHasItsMeanAndStddevAndIsClampedAtZero() {
        let values = samples(.normal(mean: 100, stddev: 15))
        let mean = average(values)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        #expect(abs(mean - 100) < 0.3)
        #expect(abs(variance.squareRoot() - 15) < 0.3)
        let clamped = samples(.normal(mean: 0, stddev: 10), count: 10_000)
        #expect(clamped.allSatisfy { $0 >= 0 })
        #expect(clamped.count { $0 == 0 } > 4_000)
    }

    @Test func sameSeedSameSamplesDifferentSeedDifferentSamples() {
        let distribution = Distribution.lognormal(median: 10, p99: 100)
        #expect(samples(distribution, count: 1000) == samples(distribution, count: 1000))
        var a = SeededRandom(seed: 1), b = SeededRandom(seed: 2)
        #expect(distribution.sample(using: &a) != distribution.sample(using: &b))
    }
}
