import Contract
import Harness
import Scenario
import Testing

/// The bound on workloads whose answer is worked out by hand in each test's comment.
struct BoundTests {
    private func scenario(latencyMs: Double, reads: [WorkSpec.Read] = [.issue], writes: [WorkSpec.Write] = [],
                          pageSize: Int = 100, _ configure: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var issues = IssueSpec(counts: [1])
        issues.pageSize = pageSize
        var s = Scenario(name: "bound", issues: issues)
        s.api.latencyMs = .fixed(latencyMs)
        s.work.reads = reads
        s.work.writes = writes
        configure(&s)
        return s
    }

    @Test func concurrencyLimitWithFixedLatencyGoesInWholeRounds() throws {
        // 2,000 issues in pages of 100: 20 listing calls + 2,000 reads = 2,020 requests, 20 at a
        // time, 10 ms each: ceil(2020 / 20) = 101 rounds = 1.01 s, so 2000 / 1.01 issues/s.
        let s = scenario(latencyMs: 10) { $0.api.secondary = { var x = SecondaryLimitSpec(); x.maxConcurrent = 20; return x }() }
        let bound = Bound(scenario: s, issues: 2000, cores: 2)
        #expect(bound.limitingTerm?.name == "20 requests in flight")
        #expect(abs(bound.limitingTerm!.seconds - 1.01) < 1e-12)
        #expect(abs(bound.issuesPerSecond! - 2000 / 1.01) < 1e-9)
    }

    @Test func withoutLimitsTheCriticalPathBinds() throws {
        // One issue's chain: its page (25 ms), its read (25 ms), its label write (25 ms) = 75 ms.
        let s = scenario(latencyMs: 25, writes: [.label])
        let bound = Bound(scenario: s, issues: 200, cores: 2)
        #expect(bound.limitingTerm?.name == "latency (critical path)")
        #expect(abs(bound.issuesPerSecond! - 200 / 0.075) < 1e-9)
    }

    @Test func connectionSetUpIsOnTheCriticalPath() throws {
        let s = scenario(latencyMs: 25) { $0.api.connectMs = .fixed(30) }
        // 30 ms connect + 25 ms page + 25 ms read.
        #expect(abs(Bound(scenario: s, issues: 80, cores: 2).limitingTerm!.seconds - 0.080) < 1e-12)
    }

    @Test func primaryWindowBindsOnlyWhenTheBudgetRunsOut() throws {
        // 200 issues: 2 pages + 200 reads = 202 requests; 100 per 60 s window. The first window
        // takes 100, the next two take the rest, so the last request goes at 120 s and ends 10 ms
        // later: 120.01 s.
        let s = scenario(latencyMs: 10) { $0.api.rateLimit = RateLimitSpec(limit: 100, windowSeconds: 60) }
        let bound = Bound(scenario: s, issues: 200, cores: 2)
        #expect(bound.limitingTerm?.name == "primary rate limit (100/60s)")
        #expect(abs(bound.limitingTerm!.seconds - 120.01) < 1e-9)
        // 98 issues: 1 page + 98 reads = 99 requests fit in one window: the limit does not bind.
        #expect(Bound(scenario: s, issues: 98, cores: 2).terms.map(\.name) == ["latency (critical path)"])
    }

    @Test func aHalfSpentFirstWindowResetsWhenTold() throws {
        // 60 left, reset at 2 s: 1 page + 100 reads = 101 requests; 41 go after the reset at 2 s.
        let s = scenario(latencyMs: 2) {
            var limit = RateLimitSpec(limit: 5000, windowSeconds: 3600)
            limit.remaining = 60
            limit.resetSeconds = 2
            $0.api.rateLimit = limit
        }
        #expect(abs(Bound(scenario: s, issues: 100, cores: 2).limitingTerm!.seconds - 2.002) < 1e-9)
    }

    @Test func pointsPerMinuteCountWritesAtTheirWeight() throws {
        // 1,000 issues in pages of 100, issue + comments read, label written:
        // (10 + 2,000) reads × 1 + 1,000 writes × 5 = 7,010 points; 900 a minute → 8 minutes,
        // the last starting at 420 s, plus 10 ms for its request.
        let s = scenario(latencyMs: 10, reads: [.issue, .comments], writes: [.label]) {
            var secondary = SecondaryLimitSpec()
            secondary.pointsPerMinute = 900
            $0.api.secondary = secondary
        }
        let bound = Bound(scenario: s, issues: 1000, cores: 2)
        #expect(bound.limitingTerm?.name == "900 points/min")
        #expect(abs(bound.limitingTerm!.seconds - 420.01) < 1e-9)
    }

    @Test func theBatchEndpointIsUsedWhenItDoesBetter() throws {
        // Plain: 10 pages + 2,000 reads = 2,010 requests, 10 at a time, 10 ms: 201 rounds = 2.01 s.
        // Batched (50 per call, +0.5 ms per item): 10 pages + 20 batches, in flight for
        // 30 × 10 ms + 1,000 × 0.5 ms = 0.8 s, over 10 slots = 0.08 s.
        let s = scenario(latencyMs: 10, reads: [.issue, .comments]) {
            var secondary = SecondaryLimitSpec()
            secondary.maxConcurrent = 10
            $0.api.secondary = secondary
            $0.api.batch = BatchSpec(maxItems: 50, latencyPerItemMs: 0.5)
        }
        let bound = Bound(scenario: s, issues: 1000, cores: 2)
        #expect(abs(bound.limitingTerm!.seconds - 0.08) < 1e-12)
        #expect(abs(bound.issuesPerSecond! - 12_500) < 1e-6)
    }

    @Test func analysisCPUIsSharedByTheCores() throws {
        // 10,000 issues × 100 µs on 2 cores = 0.5 s, more than the 0 ms latency chain.
        let s = scenario(latencyMs: 0) { $0.work.analysisMicros = 100 }
        #expect(abs(Bound(scenario: s, issues: 10_000, cores: 2).issuesPerSecond! - 20_000) < 1e-6)
    }

    @Test func nothingTakesTimeMeansNoBound() throws {
        #expect(Bound(scenario: scenario(latencyMs: 0), issues: 1000, cores: 2).issuesPerSecond == nil)
    }
}
