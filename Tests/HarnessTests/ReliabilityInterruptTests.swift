import Foundation
@testable import Harness
import Measurement
import Testing

/// SIGINT and SIGTERM in the middle of a run: the trial in progress is killed, no other starts,
/// the results of what finished are written (tables and journal), and the run exits 130.
struct ReliabilityInterruptTests {
    /// phase1 finishes in moments; then the faulty engine hangs on the wall clock for up to a
    /// minute, which only the signal can cut short.
    static let scenario = """
    {"name": "interrupted", "seed": 3,
     "issues": {"counts": [20], "pageSize": 10, "bodyBytes": {"fixed": 300}, "commentsPerIssue": {"fixed": 1}},
     "work": {"reads": ["issue", "comments"], "writes": ["label"]},
     "engines": {"phase1": {}, "faulty": {"mode": 3}, "phase3": {}},
     "runs": {"warmup": 0, "repetitions": 1, "clock": "wall", "timeoutSeconds": 60}}
    """

    /// Starts a run, waits for its journal to hold a finished trial, sends `signal`, and reports
    /// the run's exit status on the last line of stdout.
    static let script = """
    "$0" run interrupted.json --out out --format json >run.out 2>run.err &
    pid=$!
    tries=0
    until grep -q '"kind":"trial"' out/*.jsonl 2>/dev/null || [ $tries -ge 1200 ]; do tries=$((tries + 1)); sleep 0.05; done
    kill -$1 $pid
    wait $pid
    echo "exit $?"
    """

    @Test(arguments: ["INT", "TERM"])
    func aSignalStopsTheRunAndKeepsWhatFinished(signal: String) throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("interrupted.json", Self.scenario)
        // Well under the hung trial's 60 s: the signal must end it.
        let out = try cli.shell(Self.script, arguments: [signal], timeout: 40)
        #expect(out.stdout == "exit 130\n")
        let stderr = try String(contentsOfFile: cli.path("run.err"), encoding: .utf8)
        #expect(stderr.contains("SIG\(signal): stopping the trial in progress; writing the results of the trials that finished"))
        #expect(stderr.contains("interrupted: 1 of 3 trials finished; their results are written above"))

        let files = cli.contents(of: "out")
        let base = try #require(files.first { $0.hasSuffix(".jsonl") }?.dropLast(6))
        #expect(files == ["\(base).json", "\(base).jsonl", "\(base).md"])
        let written = try ResultsFile(jsonData: Data(contentsOf: URL(fileURLWithPath: cli.path("out/\(base).json"))), source: "json")
        #expect(written.trials.map(\.engine) == ["phase1"])
        #expect(written.summaries.map(\.engine) == ["phase1"])
        #expect(written.summaries.allSatisfy { $0.verified })
        let printed = try ResultsFile(jsonData: Data(contentsOf: URL(fileURLWithPath: cli.path("run.out"))), source: "stdout")
        #expect(printed == written)

        let journal = try String(contentsOfFile: cli.path("out/\(base).jsonl"), encoding: .utf8)
        let lines = journal.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.last == #"{"completed":1,"interrupted":true,"kind":"end"}"#)
        #expect(try JSONLResults.read(cli.path("out/\(base).jsonl")) == written)
    }
}
