import Contract
@testable import Engines
import Scenario
import Simulation
import Testing

/// Ten thousand issues through every kind of trouble at once, on the virtual clock, each engine with
/// its default tunables: still every issue delivered exactly once with the right result, every read
/// made, every label and comment written exactly once.
@Suite struct StressTests {
    static let issues = 10_000

    /// 5 % transient errors, the primary down for three seconds (within every engine's retry
    /// budget: phase1 and phase2 wait it out, phase3 fails over to the replica), a primary
    /// window of 20,000 requests a quarter hour, at most 16 requests in flight and 30,000 points a
    /// minute: some 40,000 requests, so every engine waits for at least two window resets too.
    static let stormy = EngineTrial.scenario("stress", issues: issues) { api in
        api.latencyMs = .lognormal(median: 20, p99: 200)
        api.connectMs = .fixed(30)
        api.endpoints = ["primary", "replica"]
        api.errors = ErrorSpec(rate: 0.05)
        api.outages = [OutageSpec(endpoint: "primary", atSeconds: 30, forSeconds: 3)]
        api.rateLimit = RateLimitSpec(limit: 20_000, windowSeconds: 900)
        var secondary = SecondaryLimitSpec()
        secondary.maxConcurrent = 16
        secondary.pointsPerMinute = 30_000
        api.secondary = secondary
    }

    @Test(arguments: ExactlyOnceTests.engineNames)
    func tenThousandIssuesThroughEveryKindOfTroubleExactlyOnce(engine name: String) throws {
        let trial = EngineTrial(engine: EngineRegistry.named(name)!, scenario: Self.stormy, issues: Self.issues)
        let outcome = try trial.runOnVirtualClock()
        let problems = trial.problems(in: outcome)
        #expect(problems.count == 0, "\(name): first problems \(problems.prefix(5))")
        #expect(outcome.counters.transientErrors > 0 && outcome.counters.outageRejections > 0)
        #expect(outcome.endedAt > .origin + .seconds(900), "\(name) ended at \(outcome.endedAt): no window reset")
    }
}
