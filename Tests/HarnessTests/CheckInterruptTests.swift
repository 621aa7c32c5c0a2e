import Foundation
import Testing

/// SIGINT and SIGTERM while `check SCENARIO...` runs its scenarios: the trial in progress is
/// killed, nothing is compared, and the check exits 130 like `run`.
struct CheckInterruptTests {
    /// The faulty engine hangs on the wall clock for up to a minute, which only the signal can cut
    /// short; phase1 makes the baseline, of the same workload, in moments.
    static let scenario = """
    {"name": "interrupted-check", "seed": 3,
     "issues": {"counts": [20], "pageSize": 10, "bodyBytes": {"fixed": 300}, "commentsPerIssue": {"fixed": 1}},
     "work": {"reads": ["issue", "comments"], "writes": ["label"]},
     "engines": {"phase1": {}, "faulty": {"mode": 3}},
     "runs": {"warmup": 0, "repetitions": 1, "clock": "wall", "timeoutSeconds": 60}}
    """

    /// Records a baseline of phase1, starts a check of the faulty engine, waits for its trial's
    /// child process to exist (the check has no journal to watch; its other child, `git` asked for
    /// the commit, comes before the signals are handled), sends `signal`, and reports the check's
    /// exit status on the last line of stdout.
    static let script = """
    "$0" run s.json --engines phase1 --out out --save-baseline base.json >/dev/null 2>run.err || { echo "run failed"; exit 0; }
    "$0" check --baseline base.json s.json --engines faulty >check.out 2>check.err &
    pid=$!
    trial() { for child in $(cat /proc/$pid/task/*/children 2>/dev/null); do grep -q __trial /proc/$child/cmdline 2>/dev/null && return 0; done; return 1; }
    tries=0
    until trial || [ $tries -ge 1200 ]; do tries=$((tries + 1)); sleep 0.05; done
    kill -$1 $pid
    wait $pid
    echo "exit $?"
    """

    @Test(arguments: ["INT", "TERM"])
    func aSignalStopsTheCheckWithExit130AndComparesNothing(signal: String) throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("s.json", Self.scenario)
        // Well under the hung trial's 60 s: the signal must end it.
        let out = try cli.shell(Self.script, arguments: [signal], timeout: 40)
        #expect(out.stdout == "exit 130\n")
        let stderr = try String(contentsOfFile: cli.path("check.err"), encoding: .utf8)
        #expect(stderr.contains("SIG\(signal): stopping the trial in progress and starting no more (again to stop at once)"))
        #expect(stderr.hasSuffix("interrupted: 0 of 1 trials finished; nothing was checked\n"))
        #expect(try String(contentsOfFile: cli.path("check.out"), encoding: .utf8).isEmpty, "no verdict is printed")
    }
}
