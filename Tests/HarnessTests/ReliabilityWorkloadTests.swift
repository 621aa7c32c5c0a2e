import Foundation
@testable import Harness
import Measurement
import Scenario
import Testing

/// Every shipped engine against a troubled API, on the virtual clock, checked by the harness's own
/// verifier (a trial run in this process exactly as its child process would run it): every issue
/// delivered exactly once, correct, labelled once — or the trial failed, saying why. Nothing is
/// dropped silently.
struct ReliabilityWorkloadTests {
    static let engines = ["phase1", "phase2", "phase3"]

    /// 300 issues in pages of 50 with up to 3 comments, each read with its comments and labelled;
    /// lognormal latency around 5 ms, 20 ms to connect; `api` adds the trouble.
    static func scenario(_ name: String, api: String) -> String {
        """
        {"name": "\(name)", "seed": 17,
         "issues": {"counts": [300], "pageSize": 50, "bodyBytes": {"fixed": 300}, "commentsPerIssue": {"uniform": {"min": 0, "max": 3}},
                    "commentBytes": {"fixed": 100}},
         "api": {"latencyMs": {"lognormal": {"median": 5, "p99": 40}}, "connectMs": {"fixed": 20}, \(api)},
         "work": {"reads": ["issue", "comments"], "writes": ["label"]},
         "runs": {"warmup": 0, "repetitions": 1, "clock": "virtual", "timeoutSeconds": 120}}
        """
    }

    /// Runs one trial of `engine` in this process, as `issuebench __trial` would.
    static func trial(_ engine: String, _ text: String) async throws -> TrialRecord {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("issuebench-workload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let spec = TrialSpec(scenarioFile: path, engine: engine, overrides: [:], issues: 300, repetition: 0,
                             isWarmup: false, clock: .virtual, timeoutSeconds: 120, maxRSSMiB: nil)
        return try await TrialExecution(spec: spec).run()
    }

    /// Exactly once, correct, each label written once: what `verified` means, spelt out.
    static func expectExactlyOnce(_ record: TrialRecord, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record.verified, "\(what): \(record.failure ?? "")", sourceLocation: sourceLocation)
        #expect(record.delivered == 300, "\(what)", sourceLocation: sourceLocation)
        #expect(record.api.duplicateWrites == 0, "\(what)", sourceLocation: sourceLocation)
    }

    /// One request in five fails with a 502, each engine with its default retry budget.
    @Test(arguments: engines)
    func twentyPercentTransientErrors(engine: String) async throws {
        let record = try await Self.trial(engine, Self.scenario("errors", api: #""errors": {"rate": 0.2}"#))
        Self.expectExactlyOnce(record, engine)
        #expect(record.api.transientErrors > 150)
    }

    static let longOutage = #""endpoints": ["primary", "backup"], "outages": [{"endpoint": "primary", "atSeconds": 0.05, "forSeconds": 600}]"#

    @Test func anOutageLongerThanTheRetryBudgetPhase3FailsOverToTheBackup() async throws {
        let record = try await Self.trial("phase3", Self.scenario("outage", api: Self.longOutage))
        Self.expectExactlyOnce(record, "phase3")
        #expect(record.api.outageRejections > 0)
        // It did not wait the outage out.
        #expect(record.wallSeconds < 60)
    }

    /// phase1 and phase2 use the primary only: past their budget they fail the trial, loudly, with
    /// what they gave up on.
    @Test(arguments: [("phase1", 5), ("phase2", 8)])
    func anOutageLongerThanTheRetryBudgetFailsPhase1And2WithTheReason(engine: String, attempts: Int) async throws {
        let record = try await Self.trial(engine, Self.scenario("outage", api: Self.longOutage))
        #expect(!record.verified)
        let failure = try #require(record.failure)
        #expect(failure.hasPrefix("engine failed: gave up on "), "\(failure)")
        #expect(failure.hasSuffix(" after \(attempts) attempts: 503 Service Unavailable"), "\(failure)")
        #expect(record.delivered < 300)
    }

    /// An outage within the budget is waited out by every engine.
    @Test(arguments: engines)
    func anOutageWithinTheRetryBudgetIsRiddenOut(engine: String) async throws {
        let api = #""endpoints": ["primary", "backup"], "outages": [{"endpoint": "primary", "atSeconds": 0.05, "forSeconds": 1.5}]"#
        let record = try await Self.trial(engine, Self.scenario("blip", api: api))
        Self.expectExactlyOnce(record, engine)
        #expect(record.api.outageRejections > 0)
    }

    /// 906 requests or more against 400 a minute, in a window that starts half spent: the engines
    /// must wait for two resets, neither failing nor hammering the API.
    @Test(arguments: engines)
    func thePrimaryWindowRunsOutMidRun(engine: String) async throws {
        let api = #""rateLimit": {"limit": 400, "windowSeconds": 60, "remaining": 200, "resetSeconds": 30}"#
        let record = try await Self.trial(engine, Self.scenario("window", api: api))
        Self.expectExactlyOnce(record, engine)
        // 200 requests in the first 30 s, 400 in each minute after: the last of 906 comes after 90 s.
        #expect(record.wallSeconds > 90, "\(record.wallSeconds)")
        #expect(record.api.requests - record.api.rateLimited >= 906)
    }

    /// Four requests in flight at most, 600 points a minute (a label costs 5): rejections by the
    /// hundred, each with retry-after.
    @Test(arguments: engines)
    func secondaryLimitStorms(engine: String) async throws {
        let api = #""secondary": {"maxConcurrent": 4, "pointsPerMinute": 600, "readPoints": 1, "writePoints": 5, "retryAfterSeconds": 1}"#
        let record = try await Self.trial(engine, Self.scenario("storm", api: api))
        Self.expectExactlyOnce(record, engine)
        #expect(record.api.secondaryRateLimited > 0)
    }
}
