import Contract
@testable import Engines
import Scenario
import Simulation
import Testing

/// When the retry budget is spent, an engine throws and says on what and why.
@Suite struct GivingUpTests {
    static let broken = EngineTrial.scenario("broken") { $0.errors = ErrorSpec(rate: 1) }

    @Test(arguments: ExactlyOnceTests.engineNames)
    func anAPIThatAlwaysFailsMakesTheEngineGiveUpOnTheFirstPage(engine name: String) throws {
        // Phase3 lists no page on a guess here, so that page 1 is the one it gives up on.
        let overrides: [String: Double] = name == "phase3" ? ["maxAttempts": 3, "speculativePages": 0] : ["maxAttempts": 3]
        let trial = EngineTrial(engine: EngineRegistry.named(name)!, overrides: overrides, scenario: Self.broken, issues: 10)
        let outcome = try trial.runOnVirtualClock()
        #expect(outcome.failure as? EngineFailure
                == EngineFailure("gave up on GET /issues?page=1 after 3 attempts: 502 Bad Gateway"))
        #expect(outcome.delivered.isEmpty)
    }

    @Test func phase1WaitsItsFixedDelayBetweenAttempts() throws {
        let trial = EngineTrial(engine: Phase1.self, overrides: ["maxAttempts": 4, "retryDelayMs": 250],
                                scenario: Self.broken, issues: 10)
        let outcome = try trial.runOnVirtualClock()
        #expect(outcome.counters.requests == 4)
        #expect(outcome.endedAt == .origin + .milliseconds(750))
    }
}
