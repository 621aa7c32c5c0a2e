import Contract
@testable import Engines
import Testing

@Suite struct BackoffTests {
    static let backoff = Backoff.exponential(base: .milliseconds(100), cap: .milliseconds(1000), seed: 42)

    @Test func exponentialDelayStaysBetweenHalfAndAllOfTheCappedStep() {
        for failures in 1...12 {
            let step = min(100 << (failures - 1), 1000)
            for key in UInt64(0)..<50 {
                let delay = Self.backoff.delay(afterFailure: failures, key: key)
                #expect(delay >= .milliseconds(Double(step) / 2) && delay <= .milliseconds(Double(step)))
            }
        }
    }

    @Test func jitterIsTheSameForTheSameRequestAndSpreadsAcrossRequests() {
        let first = (0..<20).map { Self.backoff.delay(afterFailure: 3, key: UInt64($0)) }
        let again = (0..<20).map { Self.backoff.delay(afterFailure: 3, key: UInt64($0)) }
        #expect(first == again)
        #expect(Set(first).count > 15)
        let otherSeed = Backoff.exponential(base: .milliseconds(100), cap: .milliseconds(1000), seed: 43)
        #expect((0..<20).map { otherSeed.delay(afterFailure: 3, key: UInt64($0)) } != first)
    }

    @Test func hugeFailureCountsHitTheCapWithoutOverflow() {
        let delay = Self.backoff.delay(afterFailure: 1000, key: 1)
        #expect(delay >= .milliseconds(500) && delay <= .milliseconds(1000))
    }

    @Test func fixedAndZeroWaitsAreExact() {
        #expect(Backoff.fixed(.milliseconds(250)).delay(afterFailure: 4, key: 9) == .milliseconds(250))
        #expect(Backoff.exponential(base: .zero, cap: .seconds(1), seed: 1).delay(afterFailure: 3, key: 9) == .zero)
    }
}
