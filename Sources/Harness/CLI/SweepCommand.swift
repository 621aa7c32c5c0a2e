import Foundation
import Report

/// `issuebench sweep SCENARIO --vary ...`: runs one scenario over a grid of engine tunables and
/// workload values, and prints a table per metric with each engine's best and knee. Exit 1 when
/// any trial failed verification; 130, as `run`, when SIGINT or SIGTERM stopped the sweep (the
/// results of the trials that finished are written).
struct SweepCommand {
    static let specs: [OptionSpec] = [
        OptionSpec("--vary", value: "NAME=VALUES", repeatable: true,
                   "what to vary and its values: phase3.maxConnections=1,2,4 or api.latencyMs.fixed=1:100:10"),
    ] + RunOptions.specs + [
        OptionSpec("--out", value: "DIR", "folder for the result files (default: Results)"),
        OptionSpec("--html", value: "FILE", "also write a self-contained HTML report with the sweep's charts"),
        OptionSpec("--format", value: "table|markdown|json|csv", "what to print on stdout (default: table)"),
        OptionSpec("--help", "show this help"),
    ]
    static let help = helpText(
        usage: "issuebench sweep SCENARIO --vary NAME=VALUES [--vary ...] [options]",
        summary: """
        Runs SCENARIO at every point of the grid its --vary options span (their full product, at most
        \(SweepGrid.maxPoints) points). NAME is ENGINE.PARAM for an engine's tunable (see 'issuebench list')
        or a JSON path into the scenario for a workload value; issues.counts takes issue counts. VALUES
        is a comma-separated list of values and inclusive start:stop:step ranges: 1,2,4,8 or 10:100:10
        or "virtual" (JSON). Engines no --vary names run with their defaults once per workload point,
        for comparison (--engines leaves them out). Prints a table per metric (throughput beside the
        bound, p99 latency, peak RSS) with each engine's best value and knee (the smallest value
        within 5 % of the best), and writes Results/<scenario>-sweep-<UTC time>.json, .md and .csv.
        Ctrl-C (SIGINT) or SIGTERM stops the sweep: the trial in progress is killed, the results of
        those that finished are written, exit 130.
        """,
        specs: specs,
        footer: "Example: issuebench sweep Scenarios/phase3-connections-sweep.json --vary phase3.maxConnections=1,2,4,8,16,32,64")

    let arguments: Arguments

    init(_ words: [String]) throws(HarnessError) {
        arguments = try Arguments(words, command: "sweep", specs: Self.specs)
    }

    func execute() async throws(HarnessError) -> ExitCode {
        if arguments.has("--help") {
            print(Self.help)
            return .success
        }
        let options = try RunOptions(arguments, command: "sweep")
        guard options.scenarioPaths.count == 1 else {
            throw .usage(command: "sweep", message: "expected one scenario file, found \(options.scenarioPaths.count): \(options.scenarioPaths.joined(separator: ", "))")
        }
        let format = try OutputFormat(arguments, command: "sweep")
        var axes: [SweepAxis] = []
        for text in arguments.all("--vary") { axes.append(try SweepAxis(parsing: text)) }
        let plan = try RunPlan(options, sweeping: try SweepGrid(axes))
        let outputs = try RunOutputs(arguments, format: format)
        let outcome = try await Runner(plan: plan, command: outputs.commandLine).run()
        try outputs.writeResults(of: outcome, tag: "sweep", alsoCSV: true)
        if outcome.interrupted { return outputs.interrupted(outcome) }
        try outputs.writeReports(outcome.results)
        return outcome.allVerified ? .success : .failure
    }
}
