import Contract
@testable import Engines
import Testing

@Suite struct CircuitBreakerTests {
    static func at(_ ms: Double) -> Moment { .origin + .milliseconds(ms) }

    @Test func opensAfterConsecutiveFailuresAndASuccessResetsTheCount() {
        var breaker = CircuitBreaker(threshold: 3, cooldown: .milliseconds(100))
        breaker.recordFailure(at: Self.at(0))
        breaker.recordFailure(at: Self.at(1))
        breaker.recordSuccess()
        breaker.recordFailure(at: Self.at(2))
        breaker.recordFailure(at: Self.at(3))
        #expect(breaker.state == .closed(failures: 2))
        breaker.recordFailure(at: Self.at(4))
        #expect(breaker.state == .open(until: Self.at(104)))
        let early = breaker.allowsRequest(at: Self.at(50))
        #expect(!early)
    }

    @Test func afterTheCooldownOneProbeGoesAndItsAnswerDecides() {
        var breaker = CircuitBreaker(threshold: 1, cooldown: .milliseconds(100))
        breaker.recordFailure(at: Self.at(0))
        var allowed = [breaker.allowsRequest(at: Self.at(100))]
        #expect(breaker.state == .halfOpen)
        allowed += [breaker.allowsRequest(at: Self.at(101))]
        breaker.recordFailure(at: Self.at(110))
        #expect(breaker.state == .open(until: Self.at(210)))
        allowed += [breaker.allowsRequest(at: Self.at(210))]
        breaker.recordSuccess()
        #expect(breaker.isPristine)
        allowed += [breaker.allowsRequest(at: Self.at(211))]
        #expect(allowed == [true, false, true, true])
    }
}
