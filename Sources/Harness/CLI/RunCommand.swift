import Foundation
import Report

/// `issuebench run SCENARIO...`: plans, runs every trial in its own child process, and prints and
/// writes the comparison. Exit 1 when any trial failed (verification, crash, timeout, memory);
/// 130 when SIGINT or SIGTERM stopped the run (the results of what finished are written).
struct RunCommand {
    static let specs: [OptionSpec] = RunOptions.specs + [
        OptionSpec("--out", value: "DIR", "folder for the result files (default: Results)"),
        OptionSpec("--save-baseline", value: "FILE", "also write the results as a baseline for 'issuebench check'"),
        OptionSpec("--html", value: "FILE", "also write a self-contained HTML report with charts"),
        OptionSpec("--format", value: "table|markdown|json|csv", "what to print on stdout (default: table)"),
        OptionSpec("--help", "show this help"),
    ]
    static let help = helpText(
        usage: "issuebench run SCENARIO... [options]",
        summary: """
        Runs each scenario's engines at each size: warm-ups, then measured repetitions, every trial in
        its own child process. Prints the comparison (throughput, bound, efficiency, latency, peak RSS,
        API calls, rate limiting, verification) and writes Results/<scenario>-<UTC time>.json and .md.
        Each finished trial is appended at once to Results/<scenario>-<UTC time>.jsonl (<run>-… for
        several scenarios), which 'issuebench report' reads even when the run was cut short.
        A trial that crashes, hangs past runs.timeoutSeconds or exceeds runs.maxRSSMiB is recorded as
        failed with its reason and the run goes on. Ctrl-C (SIGINT) or SIGTERM stops the run: the
        trial in progress is killed, the results of those that finished are written, exit 130.
        """,
        specs: specs,
        footer: "Example: issuebench run Scenarios/seed-phase-comparison.json --engines phase1,phase3 --set phase3.maxConnections=8")

    let arguments: Arguments

    init(_ words: [String]) throws(HarnessError) {
        arguments = try Arguments(words, command: "run", specs: Self.specs)
    }

    func execute() async throws(HarnessError) -> ExitCode {
        if arguments.has("--help") {
            print(Self.help)
            return .success
        }
        let options = try RunOptions(arguments, command: "run")
        let format = try OutputFormat(arguments, command: "run")
        let plan = try RunPlan(options)
        let outputs = try RunOutputs(arguments, format: format)
        let startedAt = Date()
        let journal = try RunJournal(directory: outputs.writer.directory,
                                     base: plan.scenarios.count == 1 ? plan.scenarios[0].scenario.name : "run",
                                     startedAt: startedAt)
        printError("journal: \(journal.path)")
        let outcome = try await Runner(plan: plan, command: outputs.commandLine, startedAt: startedAt, journal: journal).run()
        try outputs.writeResults(of: outcome)
        if outcome.interrupted { return outputs.interrupted(outcome) }
        let thresholds = outcome.thresholdOutcomes(plan)
        if !thresholds.isEmpty { printError(ThresholdLines.render(thresholds)) }
        try outputs.writeReports(outcome.results)
        return outcome.allVerified && thresholds.allSatisfy(\.passed) ? .success : .failure
    }
}
