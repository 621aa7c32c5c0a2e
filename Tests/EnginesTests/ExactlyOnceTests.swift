import Contract
@testable import Engines
import Scenario
import Simulation
import Testing

/// Every engine, on workloads that fail, reject and slow down requests, still delivers every
/// issue exactly once with the right result and applies every write exactly once.
@Suite struct ExactlyOnceTests {
    static let engines: [any IssueEngine.Type] = EngineRegistry.all
    /// A closure, not `\.name`: a key path on the metatype crashes the 6.3.1 compiler in `@Test(arguments:)`.
    static let engineNames = EngineRegistry.all.map { $0.name }

    /// Short waits, so that wall-clock runs stay fast; enough attempts to ride out a 20 % error rate.
    static func quickRetries(_ engine: any IssueEngine.Type) -> [String: Double] {
        switch engine.name {
        case "phase1": return ["retryDelayMs": 2, "maxAttempts": 12]
        case "phase3": return ["baseBackoffMs": 1, "maxBackoffMs": 10, "maxAttempts": 12, "breakerCooldownMs": 10]
        default: return ["baseBackoffMs": 1, "maxBackoffMs": 10, "maxAttempts": 12]
        }
    }

    static let wallScenarios: [Scenario] = [
        EngineTrial.scenario("plain"),
        EngineTrial.scenario("errors") { $0.errors = ErrorSpec(rate: 0.2) },
        EngineTrial.scenario("outage") { api in
            api.endpoints = ["primary", "replica"]
            // Shorter than phase1's 12 attempts 2 ms apart.
            api.outages = [OutageSpec(endpoint: "primary", atSeconds: 0, forSeconds: 0.01)]
        },
    ]

    @Test(arguments: wallScenarios)
    func everyEngineDeliversEachIssueOnceOnTheWallClock(scenario: Scenario) async throws {
        for engine in Self.engines {
            let trial = EngineTrial(engine: engine, overrides: Self.quickRetries(engine), scenario: scenario, issues: 300)
            let outcome = try await trial.runOnWallClock()
            let problems = trial.problems(in: outcome)
            #expect(problems.isEmpty, "\(engine.name) on \(scenario.name): \(problems.prefix(5))")
        }
    }

    /// Latency, errors, an outage of the primary, a tight primary window and both secondary limits
    /// at once: an hour's worth of trouble that the virtual clock runs in moments.
    static let troubled = EngineTrial.scenario("troubled") { api in
        api.latencyMs = .lognormal(median: 5, p99: 40)
        api.connectMs = .fixed(20)
        api.endpoints = ["primary", "replica"]
        api.errors = ErrorSpec(rate: 0.2)
        api.outages = [OutageSpec(endpoint: "primary", atSeconds: 0.5, forSeconds: 2)]
        api.rateLimit = RateLimitSpec(limit: 200, windowSeconds: 1)
        var secondary = SecondaryLimitSpec()
        secondary.maxConcurrent = 6
        secondary.pointsPerMinute = 4000
        secondary.retryAfterSeconds = 0.5
        api.secondary = secondary
    }

    static let virtualScenarios: [Scenario] = [
        troubled,
        EngineTrial.scenario("primary-limit") { $0.rateLimit = RateLimitSpec(limit: 200, windowSeconds: 1) },
        EngineTrial.scenario("batch") { api in
            api.latencyMs = .fixed(10)
            api.batch = BatchSpec(maxItems: 20, latencyPerItemMs: 0.5)
            api.errors = ErrorSpec(rate: 0.1)
        },
    ]

    @Test(arguments: virtualScenarios)
    func everyEngineDeliversEachIssueOnceOnTheVirtualClock(scenario: Scenario) throws {
        for engine in Self.engines {
            let trial = EngineTrial(engine: engine, overrides: ["maxAttempts": 12], scenario: scenario, issues: 300)
            let outcome = try trial.runOnVirtualClock()
            let problems = trial.problems(in: outcome)
            #expect(problems.isEmpty, "\(engine.name) on \(scenario.name): \(problems.prefix(5))")
        }
    }

    @Test(arguments: engineNames)
    func aRunOnTheVirtualClockIsTheSameEveryTime(engine name: String) throws {
        let trial = EngineTrial(engine: EngineRegistry.named(name)!, overrides: ["maxAttempts": 12],
                                scenario: Self.troubled, issues: 300)
        let first = try trial.runOnVirtualClock()
        let second = try trial.runOnVirtualClock()
        #expect(first.failure == nil)
        #expect(first.delivered.map(\.id) == second.delivered.map(\.id))
        #expect(first.counters == second.counters)
        #expect(first.endedAt == second.endedAt)
    }
}
