import Testing
@testable import Scenario

struct ScenarioDecodingTests {
    @Test func decodingTheFullExampleSetsEverySection() throws {
        var issues = IssueSpec(counts: [100, 500, 1000])
        issues.bodyBytes = .lognormal(median: 1500, p99: 20000)
        issues.commentsPerIssue = .uniform(min: 0, max: 8)
        issues.commentBytes = .normal(mean: 400, stddev: 50)
        issues.pageSize = 50

        var api = APISpec()
        api.latencyMs = .exponential(mean: 8)
        api.connectMs = .fixed(30)
        api.endpoints = ["primary", "replica"]
        var rateLimit = RateLimitSpec(limit: 5000, windowSeconds: 3600)
        rateLimit.remaining = 60
        rateLimit.resetSeconds = 2
        rateLimit.status = 429
        api.rateLimit = rateLimit
        var secondary = SecondaryLimitSpec()
        secondary.maxConcurrent = 100
        secondary.pointsPerMinute = 900
        secondary.readPoints = 2
        secondary.writePoints = 5
        secondary.retryAfterSeconds = 60
        api.secondary = secondary
        var errors = ErrorSpec(rate: 0.01)
        errors.status = 503
        api.errors = errors
        api.outages = [OutageSpec(endpoint: "replica", atSeconds: 1, forSeconds: 0.5)]
        api.batch = BatchSpec(maxItems: 50, latencyPerItemMs: 0.5)

        var work = WorkSpec()
        work.reads = [.comments, .issue]
        work.writes = [.label, .comment]
        work.analysisMicros = 50

        var runs = RunSpec()
        runs.warmup = 2
        runs.repetitions = 7
        runs.clock = .virtual
        runs.timeoutSeconds = 30.5
        runs.maxRSSMiB = 512

        var expected = Scenario(
            name: "full-example", description: "Every section, every key", seed: .max, issues: issues, api: api,
            work: work,
            engines: [EngineSelection(engine: "phase3", overrides: ["maxConnections": 20]),
                      EngineSelection(engine: "phase1"),
                      EngineSelection(engine: "phase2", overrides: ["maxConcurrency": 16, "minConcurrency": 2])],
            runs: runs,
            thresholds: [Threshold(engine: "phase3", metric: .throughput, op: .atLeast, value: 200),
                         Threshold(engine: "phase3", metric: .p99LatencyMs, op: .below, value: 500)],
            claims: [Claim(engine: "phase3", issues: 1000, metric: .throughput, value: 846.1,
                           source: "Phase 3 completion report"),
                     Claim(engine: "phase1", issues: nil, metric: .speedup, value: 1, source: "r")])
        expected.maxRegression = RelativeThresholds(defaultPercent: 10, percents: [.p99LatencyMs: 25, .cpuSeconds: 50])

        let decoded = try Fixtures.decode(Fixtures.full)
        #expect(decoded == expected)
        #expect(decoded.thresholds.map(\.description) == ["phase3.throughput >= 200", "phase3.p99LatencyMs<500"])
    }

    @Test func absentSectionsTakeTheModelDefaults() throws {
        let decoded = try Fixtures.decode(Fixtures.minimal)
        #expect(decoded == Scenario(name: "t", issues: IssueSpec(counts: [1])))
        #expect(decoded.seed == 42)
        #expect(decoded.description == "")
        #expect(decoded.api.rateLimit == nil && decoded.api.errors == nil && decoded.api.batch == nil)
        #expect(decoded.engines == nil)
        #expect(decoded.runs == RunSpec())
        #expect(decoded.maxRegression.isEmpty)
    }

    @Test func absentKeysInsidePresentSectionsTakeTheirDefaults() throws {
        let decoded = try Fixtures.decode(Fixtures.minimal(#"""
            "api": {"rateLimit": {"limit": 10, "windowSeconds": 1}, "errors": {"rate": 0}, "secondary": {}},
            "runs": {"clock": "virtual"}, "work": {"writes": []}
            """#))
        #expect(decoded.api.rateLimit == RateLimitSpec(limit: 10, windowSeconds: 1))
        #expect(decoded.api.rateLimit?.status == 403)
        #expect(decoded.api.errors?.status == 502)
        #expect(decoded.api.secondary == SecondaryLimitSpec())
        #expect(decoded.runs.repetitions == 5 && decoded.runs.clock == .virtual)
        #expect(decoded.work.reads == [.issue, .comments] && decoded.work.writes == [])
    }

    @Test func integersMayBeWrittenInAnyExactJSONForm() throws {
        let decoded = try Fixtures.decode(#"{"name": "t", "issues": {"counts": [1e3, 2000.0, 3E+1, 400e-2, 1]}}"#)
        #expect(decoded.issues.counts == [1000, 2000, 30, 4, 1])
    }

    @Test func schemaVersionOneIsAccepted() throws {
        #expect(try Fixtures.decode(Fixtures.minimal(#""schemaVersion": 1"#)).name == "t")
    }

    @Test func enginesKeepTheirOrder() throws {
        let decoded = try Fixtures.decode(Fixtures.minimal(#""engines": {"b": {}, "a": {}, "c": {"x": 1.5}}"#))
        #expect(decoded.engines?.map(\.engine) == ["b", "a", "c"])
        #expect(decoded.engines?.last?.overrides == ["x": 1.5])
    }
}
