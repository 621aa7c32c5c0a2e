import Foundation
@testable import Harness
import Measurement
import Scenario
import Testing

/// Whole trials on the virtual clock (engine, simulated API, verification) against answers
/// worked out by hand.
@Suite(.serialized)
struct VirtualClockAnswersTests {
    private func trial(_ scenarioJSON: String, engine: String, issues: Int,
                       overrides: [String: Double] = [:]) async throws -> TrialRecord {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let path = try cli.file("s.json", scenarioJSON)
        let spec = TrialSpec(scenarioFile: path, engine: engine, overrides: overrides, issues: issues, repetition: 0,
                             isWarmup: false, clock: .virtual, timeoutSeconds: 60, maxRSSMiB: nil)
        let record = try await TrialExecution(spec: spec).run()
        #expect(record.verified, "\(record.failure ?? "")")
        return record
    }

    @Test func phase1ReadsOneIssueAtATime() async throws {
        // 200 issues in pages of 100, one read each, 25 ms per request, no connection cost:
        // 2 listing calls + 200 reads, one after another = 202 × 25 ms = 5.050 s.
        let record = try await trial("""
            {"name": "p1", "issues": {"counts": [200], "pageSize": 100},
             "api": {"latencyMs": {"fixed": 25}, "connectMs": {"fixed": 0}},
             "work": {"reads": ["issue"], "writes": [], "analysisMicros": 0}}
            """, engine: "phase1", issues: 200)
        #expect(record.wallSeconds == 5.05)
        #expect(record.api.requests == 202)
        #expect(record.clock == "virtual")
        #expect(record.hostWallSeconds > 0)
    }

    @Test func anExhaustedPrimaryWindowIsWaitedOutExactlyUntilItsReset() async throws {
        // 101 requests of 10 ms, 50 per 60 s window from the first request. Requests 1–50 end at
        // 0.5 s; the 51st is refused and waits for the reset at 60 s; 51–100 end at 60.5 s; the
        // 101st is refused, waits for 120 s and ends at 120.01 s.
        let record = try await trial("""
            {"name": "window", "issues": {"counts": [100], "pageSize": 100},
             "api": {"latencyMs": {"fixed": 10}, "rateLimit": {"limit": 50, "windowSeconds": 60}},
             "work": {"reads": ["issue"], "writes": []}}
            """, engine: "phase1", issues: 100)
        #expect(record.wallSeconds == 120.01)
        #expect(record.api.primaryRateLimited == 2)
        #expect(record.api.requests == 103)
    }

    @Test func phase3With20ConnectionsReachesExactlyItsBound() async throws {
        let json = """
            {"name": "slots", "issues": {"counts": [2000], "pageSize": 100},
             "api": {"latencyMs": {"fixed": 10}, "secondary": {"maxConcurrent": 20}},
             "work": {"reads": ["issue"], "writes": []}}
            """
        let record = try await trial(json, engine: "phase3", issues: 2000, overrides: ["maxConnections": 20])
        let scenario = try Scenario.decode(Array(json.utf8), file: "slots.json")
        let bound = try #require(Bound(scenario: scenario, issues: 2000, cores: 1).issuesPerSecond)
        #expect(record.wallSeconds == 1.01)
        #expect(record.throughput == bound)
    }

    @Test func analysisCPUCountsAsVirtualTime() async throws {
        // No latency; 1,000 issues × 500 µs of analysis on the virtual clock's one core = 0.5 s.
        let record = try await trial("""
            {"name": "cpu", "issues": {"counts": [1000]},
             "api": {"latencyMs": {"fixed": 0}},
             "work": {"reads": ["issue"], "writes": [], "analysisMicros": 500}}
            """, engine: "phase3", issues: 1000)
        #expect(record.wallSeconds == 0.5)
    }
}
