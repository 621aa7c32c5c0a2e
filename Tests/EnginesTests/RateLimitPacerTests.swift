import Contract
@testable import Engines
import Testing

@Suite struct RateLimitPacerTests {
    static func headers(remaining: Int, reset: Moment) -> RateLimitHeaders {
        RateLimitHeaders(limit: 100, remaining: remaining, used: 100 - remaining, reset: reset)
    }

    @Test func neverPacesAnAPIWithoutLimitHeaders() {
        let pacer = RateLimitPacer()
        let clock = StubClock()
        pacer.observe(nil)
        #expect((0..<1000).allSatisfy { _ in pacer.admit(clock: clock) == nil })
    }

    @Test func aBudgetThatCoversTheDemandIsNotPaced() {
        let pacer = RateLimitPacer()
        let clock = StubClock()
        pacer.observe(Self.headers(remaining: 50, reset: .origin + .seconds(1)))
        pacer.expect(50)
        #expect((0..<50).allSatisfy { _ in pacer.admit(clock: clock) == nil })
    }

    @Test func demandBeyondTheBudgetIsSpreadEvenlyUntilTheReset() {
        let pacer = RateLimitPacer()
        let clock = StubClock()
        let reset = Moment.origin + .seconds(1)
        pacer.observe(Self.headers(remaining: 50, reset: reset))
        pacer.expect(1000)
        let slots = (0..<3).map { _ in pacer.admit(clock: clock) }
        let expected: [Moment?] = [nil, .origin + .milliseconds(20), .origin + .milliseconds(40)]
        #expect(slots == expected)
    }

    @Test func aSpentBudgetWaitsForTheNextWindowThenGoesUntilNewHeadersArrive() {
        let pacer = RateLimitPacer()
        let clock = StubClock()
        let reset = Moment.origin + .seconds(1)
        pacer.observe(Self.headers(remaining: 0, reset: reset))
        pacer.expect(1000)
        #expect(pacer.admit(clock: clock) == reset)
        clock.set(reset)
        #expect(pacer.admit(clock: clock) == nil)
        pacer.observe(Self.headers(remaining: 98, reset: reset + .seconds(1)))
        let paced = (0..<2).map { _ in pacer.admit(clock: clock) }
        #expect(paced[0] == nil && paced[1] != nil)
    }

    @Test func requestsInFlightCountAgainstTheReportedBudget() {
        let pacer = RateLimitPacer()
        let clock = StubClock()
        let reset = Moment.origin + .seconds(1)
        pacer.observe(Self.headers(remaining: 10, reset: reset))
        pacer.expect(5)
        for _ in 0..<5 { #expect(pacer.admit(clock: clock) == nil) }
        // An answer reports 9 left while four requests are still out: 5 remain.
        pacer.observe(Self.headers(remaining: 9, reset: reset))
        pacer.expect(100)
        clock.set(.origin + .milliseconds(500))
        let paced = (0..<5).map { _ in pacer.admit(clock: clock) }
        #expect(paced.allSatisfy { $0 == nil || $0! < reset })
        #expect(pacer.admit(clock: clock) == reset)
    }
}
