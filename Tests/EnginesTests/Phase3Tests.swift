import Contract
@testable import Engines
import Scenario
import Simulation
import Testing

/// Phase3's scheduling, pacing and compression, on the virtual clock where time is exact.
@Suite struct Phase3Tests {
    /// 2,000 issues in pages of 100, one read each, 10 ms per request, at most 20 in flight: the
    /// bound is ceil(2020 / 20) = 101 rounds = 1.01 s. Listing pages on a guess while the first is
    /// out fills the first round too, so phase3 takes exactly that.
    @Test func keepsEveryAllowedSlotBusyIncludingWhileListing() throws {
        var scenario = EngineTrial.scenario("slots", issues: 2000) { api in
            api.latencyMs = .fixed(10)
            var secondary = SecondaryLimitSpec()
            secondary.maxConcurrent = 20
            api.secondary = secondary
        }
        scenario.issues.pageSize = 100
        scenario.work.reads = [.issue]
        scenario.work.writes = []
        let trial = EngineTrial(engine: Phase3.self, overrides: ["maxConnections": 20], scenario: scenario, issues: 2000)
        let outcome = try trial.runOnVirtualClock()
        #expect(trial.problems(in: outcome).isEmpty)
        #expect(outcome.endedAt == .origin + .milliseconds(1010))
        #expect(outcome.counters.requests == 2020)
        #expect(outcome.counters.secondaryRateLimited == 0)
        #expect(outcome.counters.peakInFlight == 20)
    }

    /// Two pages of 50; with 8 connections, pages 2...8 are listed alongside the first.
    @Test func guessedPagesAreCappedByThePoolAndThoseBeyondTheEndCostOneRequestEach() throws {
        var scenario = EngineTrial.scenario("guess", issues: 100) { $0.latencyMs = .fixed(10) }
        scenario.work.reads = [.issue]
        scenario.work.writes = []
        let trial = EngineTrial(engine: Phase3.self, overrides: ["maxConnections": 8], scenario: scenario, issues: 100)
        let outcome = try trial.runOnVirtualClock()
        #expect(trial.problems(in: outcome).isEmpty)
        #expect(outcome.counters.requests == 8 + 100)

        let cautious = EngineTrial(engine: Phase3.self, overrides: ["maxConnections": 8, "speculativePages": 0],
                                   scenario: scenario, issues: 100)
        #expect(try cautious.runOnVirtualClock().counters.requests == 2 + 100)
    }

    /// 1,206 requests against 200 per second: the pacer spreads them so none is rejected.
    @Test func pacingSpendsThePrimaryBudgetWithoutRejections() throws {
        let scenario = EngineTrial.scenario("primary") { api in
            api.latencyMs = .fixed(2)
            api.rateLimit = RateLimitSpec(limit: 200, windowSeconds: 1)
        }
        let trial = EngineTrial(engine: Phase3.self, overrides: ["speculativePages": 0], scenario: scenario, issues: 300)
        let outcome = try trial.runOnVirtualClock()
        #expect(trial.problems(in: outcome).isEmpty)
        #expect(outcome.counters.primaryRateLimited == 0)
        #expect(outcome.counters.requests == 1206)
        // Six full windows, the last request in the seventh.
        #expect(outcome.endedAt > .origin + .seconds(6) && outcome.endedAt < .origin + .seconds(7))
    }

    /// With a buffer of 16 KiB, pages of ~20 KB that wait behind another are compressed, and every
    /// issue still comes out exactly once.
    @Test func pagesWaitingInAFullBufferAreCompressedAndStillDeliveredOnce() throws {
        let scenario = EngineTrial.scenario("compress") { $0.latencyMs = .fixed(5) }
        let trial = EngineTrial(engine: Phase3.self, overrides: ["bufferBytes": 16384, "prefetchPages": 4],
                                scenario: scenario, issues: 300)
        let outcome = try trial.runOnVirtualClock()
        #expect(trial.problems(in: outcome).isEmpty)
        #expect(outcome.compression.raw > 0)
        #expect(outcome.compression.compressed * 2 < outcome.compression.raw)

        let raw = EngineTrial(engine: Phase3.self, overrides: ["bufferBytes": 16384, "prefetchPages": 4, "compress": 0],
                              scenario: scenario, issues: 300)
        #expect(try raw.runOnVirtualClock().compression.raw == 0)
    }

    /// A listing of 8 pages through a buffer that holds one: back-pressure, not a stall.
    @Test func aBufferSmallerThanOnePageStillLetsTheStreamThrough() throws {
        let scenario = EngineTrial.scenario("tiny-buffer", issues: 400) { $0.latencyMs = .fixed(3) }
        let trial = EngineTrial(engine: Phase3.self, overrides: ["bufferBytes": 0, "speculativePages": 0],
                                scenario: scenario, issues: 400)
        let outcome = try trial.runOnVirtualClock()
        #expect(trial.problems(in: outcome).isEmpty)
    }
}
