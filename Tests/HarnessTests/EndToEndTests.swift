import Foundation
import Measurement
import Report
import Testing

/// The built executable, run as a user would, on tiny scenarios.
@Suite(.serialized)
struct EndToEndTests {
    static let tiny = """
    {"name": "tiny", "seed": 3,
     "issues": {"counts": [40], "pageSize": 10, "bodyBytes": {"fixed": 300}, "commentsPerIssue": {"fixed": 1}},
     "api": {"latencyMs": {"fixed": 1}, "errors": {"rate": 0.05}},
     "work": {"reads": ["issue", "comments"], "writes": ["label"]},
     "runs": {"warmup": 0, "repetitions": 2, "clock": "virtual"}}
    """

    @Test func runWritesResultsAndPrintsJSONWithEveryRowVerified() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let scenario = try cli.file("tiny.json", Self.tiny)
        let out = try cli.run(["run", scenario, "--out", "out", "--format", "json", "--set", "phase1.retryDelayMs=10"])
        #expect(out.status == 0, "stderr: \(out.stderr)")
        let results = try ResultsFile(jsonData: Data(out.stdout.utf8), source: "stdout")
        #expect(results.schemaVersion == 1)
        #expect(results.environment.clock == "virtual")
        #expect(results.summaries.map(\.engine) == ["phase1", "phase2", "phase3"])
        for summary in results.summaries {
            #expect(summary.issues == 40)
            #expect(summary.verified, "\(summary.engine): \(summary.failures)")
            #expect(summary.repetitions == 2)
            #expect(summary.throughput.median > 0)
            #expect(summary.bound != nil)
        }
        // Measured trials in child processes: real memory figures, two per row.
        #expect(results.trials.count == 6)
        #expect(results.trials.allSatisfy { $0.peakRSSBytes > 0 && $0.hostWallSeconds > 0 })
        let files = cli.contents(of: "out")
        #expect(files.count == 3)
        #expect(files.contains { $0.hasPrefix("tiny-") && $0.hasSuffix(".json") })
        #expect(files.contains { $0.hasPrefix("tiny-") && $0.hasSuffix(".md") })
        #expect(files.contains { $0.hasPrefix("tiny-") && $0.hasSuffix(".jsonl") })
    }

    @Test func virtualResultsAreIdenticalRunToRun() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let scenario = try cli.file("tiny.json", Self.tiny)
        func figures() throws -> [String] {
            let out = try cli.run(["run", scenario, "--out", "out", "--format", "json", "--repetitions", "1"])
            let results = try ResultsFile(jsonData: Data(out.stdout.utf8), source: "stdout")
            return results.trials.map { "\($0.engine) \($0.wallSeconds) \($0.latencyMs) \($0.api)" }
        }
        #expect(try figures() == figures())
    }

    @Test func aWrongEngineFailsTheRunWithExitOne() throws {
        // phase1 with a single attempt cannot get through a 100 % error rate: the trial fails,
        // the table says so, and the run exits 1.
        let cli = try CLIHarness()
        defer { cli.remove() }
        let scenario = try cli.file("broken.json", """
        {"name": "broken", "issues": {"counts": [5]}, "api": {"errors": {"rate": 1}},
         "engines": {"phase1": {"maxAttempts": 1}}, "runs": {"warmup": 0, "repetitions": 1, "clock": "virtual"}}
        """)
        let out = try cli.run(["run", scenario, "--out", "out"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("✗"))
        #expect(out.stderr.contains("trial failed: broken phase1 × 5: engine failed: gave up on GET /issues?page=1 after 1 attempt"))
    }
}
