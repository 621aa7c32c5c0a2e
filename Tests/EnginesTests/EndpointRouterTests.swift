import Contract
@testable import Engines
import Testing

@Suite struct EndpointRouterTests {
    static let unavailable = APIResponse(status: 503, rate: nil, retryAfter: nil, payload: .failure("Service Unavailable"))
    static let ok = APIResponse(status: 200, rate: nil, retryAfter: nil, payload: .accepted)
    static let limited = APIResponse(status: 403, rate: nil, retryAfter: .seconds(1), payload: .failure("secondary"))

    @Test func failsOverToTheBackupAndProbesThePrimaryAfterTheCooldown() {
        let clock = StubClock()
        let router = EndpointRouter(endpoints: 2, failures: 2, cooldown: .milliseconds(100))
        #expect(router.route(clock: clock) == 0)
        router.record(Self.unavailable, from: 0, clock: clock)
        #expect(router.route(clock: clock) == 0)
        router.record(Self.unavailable, from: 0, clock: clock)
        #expect(router.route(clock: clock) == 1)
        router.record(Self.ok, from: 1, clock: clock)
        clock.advance(.milliseconds(100))
        #expect(router.route(clock: clock) == 0)
        #expect(router.route(clock: clock) == 1)
        router.record(Self.ok, from: 0, clock: clock)
        #expect(router.states == [.closed(failures: 0), .closed(failures: 0)])
        #expect(router.route(clock: clock) == 0)
    }

    @Test func aRateLimitRejectionIsNotAFailureOfTheEndpoint() {
        let clock = StubClock()
        let router = EndpointRouter(endpoints: 2, failures: 1, cooldown: .seconds(1))
        router.record(Self.limited, from: 0, clock: clock)
        #expect(router.route(clock: clock) == 0)
    }

    @Test func withEveryBreakerOpenThePrimaryStillGetsTheRequest() {
        let clock = StubClock()
        let router = EndpointRouter(endpoints: 1, failures: 1, cooldown: .seconds(1))
        router.record(Self.unavailable, from: 0, clock: clock)
        #expect(router.states == [.open(until: .origin + .seconds(1))])
        #expect(router.route(clock: clock) == 0)
    }
}
