import Foundation
import Harness
import Measurement
import Report
import Scenario
import Testing

/// The CI regression gate as `make gate` runs it: the built executable checking the shipped
/// Scenarios/ci-gate.json against the committed Results/baseline.json. On the virtual clock every
/// run gives the same figures, so these verdicts are exact, and a run takes about a second.
struct GateTests {
    /// The repository: this file is Tests/HarnessTests/GateTests.swift.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scenario = root.appendingPathComponent("Scenarios/ci-gate.json").path
    static let baseline = root.appendingPathComponent("Results/baseline.json").path

    /// `make gate`'s `--metrics`, read from the Makefile, so that these tests check what CI checks.
    static func gateMetrics() throws -> String {
        let makefile = try String(contentsOf: root.appendingPathComponent("Makefile"), encoding: .utf8)
        let prefix = "GATE_METRICS := "
        let line = try #require(makefile.split(separator: "\n").first { $0.hasPrefix(prefix) })
        return String(line.dropFirst(prefix.count))
    }

    /// `issuebench check` against the committed baseline with the gate's metrics.
    static func check(_ arguments: [String], in cli: CLIHarness, environment: [String: String] = [:]) throws
        -> CLIHarness.Outcome {
        try cli.run(["check", "--baseline", baseline, "--metrics", try gateMetrics()] + arguments, environment: environment)
    }

    @Test func gatePassesOnTheUnchangedTree() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let out = try Self.check([Self.scenario], in: cli)
        #expect(out.status == 0, "stdout: \(out.stdout)\nstderr: \(out.stderr)")
        #expect(out.stdout.contains("no regression in 3 rows; 3 of 3 thresholds met"))
        #expect(!out.stdout.contains("✗"))
    }

    /// What the scenario claims to cover, shown by the API's counters in the committed baseline.
    @Test func baselineCoversEveryEngineAndTheLimitErrorAndOutagePaths() throws {
        let files = try BaselineFile.read(Self.baseline)
        #expect(files.map(\.environment.clock) == ["virtual"])
        let trials = files.flatMap(\.trials)
        #expect(Set(trials.map(\.engine)) == ["phase1", "phase2", "phase3"])
        #expect(files.flatMap(\.summaries).allSatisfy { $0.verified && $0.repetitions >= 3 })
        for trial in trials {
            let api = trial.api
            // 12 requests were left in the primary window, which resets 2 s after the first one.
            #expect(api.requests > 12 && trial.wallSeconds > 2, "\(trial.engine) never ran out of its primary window")
            #expect(api.transientErrors > 0, "\(trial.engine) met no transient error")
            #expect(api.outageRejections > 0, "\(trial.engine) never met the outage")
        }
        // phase1 learns of the limits only by being refused; phase2 and phase3 run more requests at
        // once than the secondary limit allows.
        #expect(trials.filter { $0.engine == "phase1" }.allSatisfy { $0.api.primaryRateLimited > 0 })
        #expect(trials.filter { $0.engine != "phase1" }.allSatisfy { $0.api.secondaryRateLimited > 0 })
    }

    @Test func fewerConnectionsForPhase3FailTheGateNamingTheRowAndMetric() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let out = try Self.check([Self.scenario, "--set", "phase3.maxConnections=2", "--repetitions", "1"], in: cli)
        #expect(out.status == 1, "stdout: \(out.stdout)\nstderr: \(out.stderr)")
        #expect(out.stdout.hasPrefix("issuebench check: ✗ 1 regression"))
        let named = try Regex(#"\n  ✗ ci-gate · phase3 · 200 issues: throughput [0-9.,]+ → [0-9.,]+ issues/s \(−[0-9.]+ %, threshold 5 %\)\n"#)
        #expect(out.stdout.contains(named), "\(out.stdout)")
        #expect(!out.stdout.contains("✗ ci-gate · phase1") && !out.stdout.contains("✗ ci-gate · phase2"))
        #expect(out.stdout.contains("⚠ phase3 at 200 issues: tuning differs from the baseline: maxConnections 32 → 2"))
    }

    @Test func anEditedWorkloadIsRefusedBeforeAnythingRuns() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let text = try String(contentsOfFile: Self.scenario, encoding: .utf8)
        let edited = try cli.file("ci-gate.json", text.replacingOccurrences(of: #""errors": {"rate": 0.03"#,
                                                                          with: #""errors": {"rate": 0.04"#))
        let before = try #require(BaselineFile.read(Self.baseline).first?.scenarios.first?.workloadHash)
        let now = try Scenario.load(path: edited).workloadHash
        #expect(before != now)
        let out = try Self.check([edited], in: cli)
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        // Refused at once: no trial ran, so not even the debug build's banner was printed.
        #expect(out.stderr == "error: issuebench check: scenario 'ci-gate': the workload differs from the baseline's "
            + "(workload hash \(before) in the baseline, \(now) now); compare runs of one workload, or record a new baseline\n")
    }

    @Test func anotherClockModeIsRefusedBeforeAnythingRuns() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let out = try Self.check([Self.scenario, "--clock", "wall"], in: cli)
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr == "error: issuebench check: the baseline was measured on the virtual clock, the current "
            + "results on the wall clock; compare runs of one clock mode\n")
    }

    @Test func aRowMissingFromTheRunIsBadInput() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let out = try Self.check([Self.scenario, "--engines", "phase1,phase2", "--repetitions", "1"], in: cli)
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        let error = try #require(out.stderr.split(separator: "\n").last { $0.hasPrefix("error: ") })
        #expect(error.hasPrefix("error: issuebench check: row ci-gate · phase3 ("))
        #expect(error.hasSuffix(") · 200 issues of the baseline is missing from the current results"))
    }

    @Test func aResultsFileIsCheckedWithoutRunningAgain() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let run = try cli.run(["run", Self.scenario, "--repetitions", "1", "--out", "out"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let results = try #require(cli.contents(of: "out").first { $0.hasSuffix(".json") })
        let out = try Self.check(["--current", "out/\(results)"], in: cli)
        #expect(out.status == 0, "stdout: \(out.stdout)\nstderr: \(out.stderr)")
        #expect(out.stdout.contains("no regression in 3 rows"))
        #expect(!out.stderr.contains("DEBUG BUILD"), "nothing may run")
    }

    @Test func theMarkdownSummaryIsAppendedToGitHubStepSummary() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let summary = try cli.file("summary.md", "# an earlier step\n")
        let out = try Self.check(["--current", Self.baseline, "--format", "markdown"], in: cli,
                                 environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(out.status == 0, "stderr: \(out.stderr)")
        #expect(out.stdout.hasPrefix("## issuebench check: ✅ no regression in 3 rows\n"))
        #expect(try String(contentsOfFile: summary, encoding: .utf8) == "# an earlier step\n" + out.stdout + "\n")
    }
}
