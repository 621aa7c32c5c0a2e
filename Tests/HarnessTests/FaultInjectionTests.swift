import Foundation
import Measurement
import Testing

/// The built executable against the test-only faulty engine: every kind of fault is a failed
/// record that says why, the trial after it still runs and passes, and the run exits 1.
struct FaultInjectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var mode: Int
        var clock: String
        var runs = ""
        /// What the faulty trial's failure must say, exactly; or its start and end where the middle
        /// (a source line) may change.
        var failure: String
        var failureEnd: String?
        var testDescription: String { "mode \(mode) on the \(clock) clock" }

        func matches(_ text: String?) -> Bool {
            guard let text else { return false }
            guard let failureEnd else { return text == failure }
            return text.hasPrefix(failure) && text.hasSuffix(failureEnd)
        }
    }

    /// What a Swift runtime trap raises.
    #if arch(x86_64)
    static let trapSignal = "SIGILL"
    #else
    static let trapSignal = "SIGTRAP"
    #endif

    static let cases: [Case] = [
        Case(mode: 1, clock: "wall", failure: "crashed: killed by \(trapSignal): ",
             failureEnd: "Fatal error: faulty engine: trap at issue 1"),
        Case(mode: 2, clock: "virtual", failure: "crashed: killed by SIGSEGV"),
        Case(mode: 3, clock: "wall", failure: "timed out after 1 s (the engine was still running)"),
        Case(mode: 4, clock: "wall", failure: "timed out after 1 s (the engine was still running)"),
        Case(mode: 4, clock: "virtual", failure: "hung: virtual clock stalled at t=0.001s: no task is runnable and none is "
             + "sleeping on the harness clock, but the trial has not finished (an engine waited outside the harness clock, "
             + "e.g. on Task.sleep, or on a continuation nobody resumes)"),
        Case(mode: 5, clock: "virtual", failure: "verification failed: 1 wrong result(s) (ids 1)"),
        Case(mode: 6, clock: "virtual", failure: "verification failed: 1 duplicate deliveries (ids 1)"),
        Case(mode: 7, clock: "virtual", failure: "verification failed: 1 issue(s) never delivered (ids 1)"),
        Case(mode: 8, clock: "virtual", failure: "engine failed: faulty engine: failed on purpose at issue 1"),
        Case(mode: 9, clock: "virtual", runs: #", "maxRSSMiB": 256"#,
             failure: "memory limit (256 MiB) exceeded: Fatal error: failed to allocate 16777248 bytes of memory with alignment 8"),
    ]

    static func scenario(_ c: Case) -> String {
        """
        {"name": "faults", "seed": 3,
         "issues": {"counts": [20], "pageSize": 10, "bodyBytes": {"fixed": 300}, "commentsPerIssue": {"fixed": 1}},
         "api": {"latencyMs": {"fixed": 1}},
         "work": {"reads": ["issue", "comments"], "writes": ["label"]},
         "engines": {"faulty": {"mode": \(c.mode)}, "phase1": {}},
         "runs": {"warmup": 0, "repetitions": 1, "clock": "\(c.clock)", "timeoutSeconds": 1\(c.runs)}}
        """
    }

    @Test(arguments: cases)
    func aFaultIsRecordedWithItsReasonAndTheNextTrialStillRuns(_ c: Case) throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("faults.json", Self.scenario(c))
        let out = try cli.runWithTestEngines(["run", "faults.json", "--out", "out", "--format", "json"], timeout: 60)
        #expect(out.status == 1, "stderr: \(out.stderr)")
        let results = try ResultsFile(jsonData: Data(out.stdout.utf8), source: "stdout")
        #expect(results.trials.map(\.engine) == ["faulty", "phase1"])
        #expect(c.matches(results.trials.first?.failure), "\(results.trials.first?.failure ?? "no failure")")
        #expect(results.trials.first?.verified == false)
        #expect(results.trials.last?.verified == true, "\(results.trials.last?.failure ?? "")")
        #expect(out.stderr.contains("trial failed: faults faulty × 20: "))
    }

    @Test func withoutTheVariableTheFaultyEngineIsUnknown() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("faults.json", Self.scenario(Self.cases[0]))
        let out = try cli.run(["run", "faults.json", "--out", "out"])
        #expect(out.status == 2)
        #expect(out.stderr == "error: faults.json: engines: unknown engine 'faulty'; expected one of phase1, phase2, phase3\n")
    }

    @Test func exhaustingMemoryRefusesToStartWithoutALimit() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("faults.json", Self.scenario(Case(mode: 9, clock: "virtual", failure: "")))
        let out = try cli.runWithTestEngines(["run", "faults.json", "--out", "out", "--format", "json"])
        let results = try ResultsFile(jsonData: Data(out.stdout.utf8), source: "stdout")
        #expect(results.trials.first?.failure
                == "engine failed: faulty engine: mode exhaustMemory needs runs.maxRSSMiB, so that it cannot take the machine's memory")
    }
}
