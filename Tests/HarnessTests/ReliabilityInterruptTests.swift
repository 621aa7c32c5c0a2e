import Foundation
@testable import Harness
import Measurement
import Testing

/// SIGINT and SIGTERM in the middle of a run or a sweep: the trial in progress is killed, no other
/// starts, the results of what finished are written (tables, and a run's journal), and the
/// command exits 130.
struct ReliabilityInterruptTests {
    /// phase1 finishes in moments; then the faulty engine hangs on the wall clock for up to a
    /// minute, which only the signal can cut short. (The sweep runs only the faulty engine.)
    static let scenario = """
    {"name": "interrupted", "seed": 3,
     "issues": {"counts": [20], "pageSize": 10, "bodyBytes": {"fixed": 300}, "commentsPerIssue": {"fixed": 1}},
     "work": {"reads": ["issue", "comments"], "writes": ["label"]},
     "engines": {"phase1": {}, "faulty": {"mode": 3}, "phase3": {}},
     "runs": {"warmup": 0, "repetitions": 1, "clock": "wall", "timeoutSeconds": 60}}
    """

    /// Starts a run, waits for its journal to hold a finished trial, sends `signal`, and reports
    /// the run's exit status on the last line of stdout.
    static let runScript = """
    "$0" run interrupted.json --out out --format json >stdout 2>stderr &
    pid=$!
    tries=0
    until grep -q '"kind":"trial"' out/*.jsonl 2>/dev/null || [ $tries -ge 1200 ]; do tries=$((tries + 1)); sleep 0.05; done
    kill -$1 $pid
    wait $pid
    echo "exit $?"
    """

    /// Starts a sweep of the hanging faulty engine over three timeouts — at 1 s its trial fails,
    /// at 60 s it hangs until the signal, the third never starts — waits until the first trial
    /// has failed and the second one's process is running, sends `signal`, and reports the
    /// sweep's exit status on the last line of stdout.
    static let sweepScript = """
    "$0" sweep interrupted.json --engines faulty --vary runs.timeoutSeconds=1,60,61 --out out --format json >stdout 2>stderr &
    pid=$!
    tries=0
    until { grep -q 'trial failed' stderr && [ -n "$(cat /proc/$pid/task/*/children)" ]; } 2>/dev/null || [ $tries -ge 1200 ]
    do tries=$((tries + 1)); sleep 0.05; done
    kill -$1 $pid
    wait $pid
    echo "exit $?"
    """

    @Test(arguments: ["INT", "TERM"])
    func aSignalStopsTheRunAndKeepsWhatFinished(signal: String) throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let (base, written) = try interrupt(cli, Self.runScript, with: signal)
        #expect(cli.contents(of: "out") == ["\(base).json", "\(base).jsonl", "\(base).md"])
        #expect(written.trials.map(\.engine) == ["phase1"])
        #expect(written.summaries.map(\.engine) == ["phase1"])
        #expect(written.summaries.allSatisfy { $0.verified })

        let journal = try String(contentsOfFile: cli.path("out/\(base).jsonl"), encoding: .utf8)
        let lines = journal.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.last == #"{"completed":1,"interrupted":true,"kind":"end"}"#)
        #expect(try JSONLResults.read(cli.path("out/\(base).jsonl")) == written)
    }

    @Test(arguments: ["INT", "TERM"])
    func aSignalStopsTheSweepAndKeepsWhatFinished(signal: String) throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let (base, written) = try interrupt(cli, Self.sweepScript, with: signal)
        #expect(base.hasPrefix("interrupted-sweep-"))
        #expect(cli.contents(of: "out") == ["\(base).csv", "\(base).json", "\(base).md"])
        #expect(written.summaries.map(\.workload) == [["runs.timeoutSeconds": "1"]])
        #expect(written.trials.map(\.failure) == ["timed out after 1 s (the engine was still running)"])
    }

    /// Runs `script` with `signal` in `cli`'s folder, beside the scenario, and checks what every
    /// command a signal stopped does: exits 130, says on stderr that it stopped and how far it
    /// got, and prints on stdout the results it wrote to `out`. Returns their file's base name
    /// and the results.
    private func interrupt(_ cli: CLIHarness, _ script: String, with signal: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> (base: String, written: ResultsFile) {
        try cli.file("interrupted.json", Self.scenario)
        // Well under the hung trial's 60 s: the signal must end it.
        let out = try cli.shell(script, arguments: [signal], timeout: 40)
        #expect(out.stdout == "exit 130\n", sourceLocation: sourceLocation)
        let stderr = try String(contentsOfFile: cli.path("stderr"), encoding: .utf8)
        #expect(stderr.contains("SIG\(signal): stopping the trial in progress and starting no more (again to stop at once)"),
                sourceLocation: sourceLocation)
        #expect(stderr.contains("interrupted: 1 of 3 trials finished; their results are written above"), sourceLocation: sourceLocation)

        let base = try #require(cli.contents(of: "out").first { $0.hasSuffix(".json") }?.dropLast(5), sourceLocation: sourceLocation)
        let written = try ResultsFile(jsonData: Data(contentsOf: URL(fileURLWithPath: cli.path("out/\(base).json"))), source: "json")
        let printed = try ResultsFile(jsonData: Data(contentsOf: URL(fileURLWithPath: cli.path("stdout"))), source: "stdout")
        #expect(printed == written, sourceLocation: sourceLocation)
        return (String(base), written)
    }
}
