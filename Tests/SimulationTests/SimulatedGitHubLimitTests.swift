import Contract
import Scenario
import Testing
@testable import Simulation

@Suite struct SimulatedGitHubLimitTests {
    func primaryLimit(_ limit: Int, windowSeconds: Double, _ configure: @escaping (inout RateLimitSpec) -> Void = { _ in })
        -> (inout Scenario) -> Void {
        { scenario in
            var spec = RateLimitSpec(limit: limit, windowSeconds: windowSeconds)
            configure(&spec)
            scenario.api.rateLimit = spec
        }
    }

    @Test func primaryWindowRunsOutThenComesBackWhenItResets() async throws {
        let clock = InstantClock()
        clock.advance(by: .seconds(5))  // the window starts at the first request, not at the origin
        let api = SimulatedGitHub(clock: clock, primaryLimit(3, windowSeconds: 60))
        for used in 1...3 {
            let response = try await api.send(.getIssue(used))
            #expect(response.status == 200)
            #expect(response.rate == RateLimitHeaders(limit: 3, remaining: 3 - used, used: used, reset: .seconds(65)))
        }
        let rejected = try await api.send(.getIssue(4))
        #expect(rejected == APIResponse(status: 403, rate: RateLimitHeaders(limit: 3, remaining: 0, used: 3, reset: .seconds(65)),
                                        retryAfter: nil, payload: .failure("API rate limit exceeded")))
        #expect(rejected.isPrimaryExhausted)

        clock.advance(by: .seconds(60))
        let renewed = try await api.send(.getIssue(4))
        #expect(renewed.status == 200)
        #expect(renewed.rate == RateLimitHeaders(limit: 3, remaining: 2, used: 1, reset: .seconds(125)))
        #expect(api.counters().primaryRateLimited == 1 && api.counters().retries == 1)
    }

    @Test func firstWindowCanStartHalfSpentAndResetEarly() async throws {
        let clock = InstantClock()
        let api = SimulatedGitHub(clock: clock, primaryLimit(100, windowSeconds: 3600) {
            $0.remaining = 1
            $0.resetSeconds = 10
        })
        #expect(try await api.send(.getIssue(1)).rate == RateLimitHeaders(limit: 100, remaining: 0, used: 100, reset: .seconds(10)))
        #expect(try await api.send(.getIssue(2)).isPrimaryExhausted)
        clock.advance(by: .seconds(10))
        #expect(try await api.send(.getIssue(2)).rate == RateLimitHeaders(limit: 100, remaining: 99, used: 1, reset: .seconds(3610)))
    }

    @Test func primaryRejectionUses429WhenTheScenarioSaysSo() async throws {
        let api = SimulatedGitHub(primaryLimit(1, windowSeconds: 60) { $0.status = 429 })
        _ = try await api.send(.getIssue(1))
        let rejected = try await api.send(.getIssue(2))
        #expect(rejected.status == 429 && rejected.isPrimaryExhausted)
    }

    @Test func requestsBeyondMaxConcurrentAreTurnedAwayWithoutSpendingBudget() async throws {
        let clock = ManualClock()
        let api = SimulatedGitHub(clock: clock) {
            $0.api.latencyMs = .fixed(10)
            $0.api.rateLimit = RateLimitSpec(limit: 10, windowSeconds: 60)
            var secondary = SecondaryLimitSpec()
            secondary.maxConcurrent = 2
            secondary.retryAfterSeconds = 1.5
            $0.api.secondary = secondary
        }
        try await withThrowingTaskGroup(of: APIResponse.self) { group in
            group.addTask { try await api.send(.getIssue(1)) }
            group.addTask { try await api.send(.getIssue(2)) }
            await clock.waitForSleepers(2)

            let rejected = try await api.send(.getIssue(3))
            #expect(rejected == APIResponse(
                status: 403, rate: RateLimitHeaders(limit: 10, remaining: 8, used: 2, reset: .seconds(60)),
                retryAfter: .seconds(1.5), payload: .failure("You have exceeded a secondary rate limit")))
            #expect(!rejected.isPrimaryExhausted)

            clock.advance(to: .milliseconds(10))
            for try await response in group { #expect(response.status == 200) }
        }
        clock.advance(to: .milliseconds(20))
        async let retried = api.send(.getIssue(3))
        await clock.waitForSleepers(1)
        clock.advance(to: .milliseconds(30))
        #expect(try await retried.rate?.remaining == 7)

        let counters = api.counters()
        #expect(counters.secondaryRateLimited == 1 && counters.peakInFlight == 2 && counters.retries == 1)
        #expect(counters.requests == 4 && counters.successes == 3)
        #expect(clock.sleeperCount == 0)
    }

    @Test func pointsPerMinuteChargeWritesMoreAndSayWhenTheMinuteEnds() async throws {
        let clock = InstantClock()
        let api = SimulatedGitHub(clock: clock) {
            var secondary = SecondaryLimitSpec()
            secondary.pointsPerMinute = 11
            $0.api.secondary = secondary
        }
        clock.advance(by: .seconds(1))
        #expect(try await api.send(.getIssue(1)).status == 200)
        #expect(try await api.send(.addLabel(1, label: "bug")).status == 201)
        #expect(try await api.send(.addLabel(2, label: "bug")).status == 201)
        clock.advance(by: .seconds(20))
        let rejected = try await api.send(.getIssue(2))
        #expect(rejected.status == 403 && rejected.retryAfter == .seconds(40))
        #expect(rejected.payload == .failure("You have exceeded a secondary rate limit"))
        #expect(rejected.rate == nil)
        clock.advance(by: .seconds(40))
        #expect(try await api.send(.getIssue(2)).status == 200)
        #expect(api.counters().secondaryRateLimited == 1)
    }

    @Test func outageTakesDownOnlyItsEndpointForItsWindow() async throws {
        let clock = InstantClock()
        clock.advance(by: .seconds(2))  // outages are timed from the first request
        let api = SimulatedGitHub(clock: clock) {
            $0.api.endpoints = ["primary", "replica"]
            $0.api.outages = [OutageSpec(endpoint: "primary", atSeconds: 1, forSeconds: 0.5)]
        }
        #expect(try await api.send(.getIssue(1)).status == 200)
        clock.advance(by: .seconds(1.2))
        let down = try await api.send(.getIssue(1))
        #expect(down == APIResponse(status: 503, rate: nil, retryAfter: nil, payload: .failure("Service Unavailable")))
        #expect(try await api.send(.getIssue(1), endpoint: 1).status == 200)
        clock.advance(by: .seconds(0.3))
        #expect(try await api.send(.getIssue(1)).status == 200)
        #expect(api.counters().outageRejections == 1 && api.counters().retries == 3)
    }

    @Test func transientErrorsComeAtTheirRateAndStillSpendBudget() async throws {
        let api = SimulatedGitHub(count: 5000) {
            $0.api.errors = ErrorSpec(rate: 0.2)
            $0.api.rateLimit = RateLimitSpec(limit: 100_000, windowSeconds: 3600)
        }
        var failed: [Int] = []
        for id in 1...5000 {
            let response = try await api.send(.getIssue(id))
            if response.status == 502 {
                #expect(response.payload == .failure("Bad Gateway"))
                failed.append(id)
            }
        }
        #expect((900...1100).contains(failed.count), "\(failed.count) errors in 5000 at 20 %")
        var failedAgain = 0
        for id in failed where try await api.send(.getIssue(id)).status == 502 { failedAgain += 1 }
        #expect((100...300).contains(failedAgain), "a retry draws afresh: \(failedAgain) of \(failed.count)")

        let counters = api.counters()
        #expect(counters.transientErrors == failed.count + failedAgain)
        #expect(counters.retries == failed.count)
        #expect(counters.successes == 5000 + failed.count - counters.transientErrors)
        #expect(try await api.send(.getIssue(1)).rate?.used == 5000 + failed.count + 1)
    }

    @Test func everyAcceptedRequestFailsAtRateOne() async throws {
        let api = SimulatedGitHub { $0.api.errors = ErrorSpec(rate: 1) }
        let response = try await api.send(.addLabel(1, label: "bug"))
        #expect(response.status == 502)
        #expect(api.counters().writes == 0 && api.ledger()[1] == APILedger.Entry())
    }
}
