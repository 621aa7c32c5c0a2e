import Foundation
import Measurement
import Report

/// `issuebench sweep SCENARIO --vary ...`: runs one scenario over a grid of engine tunables and
/// workload values, and prints a table per metric with each engine's best and knee. Exit 1 when
/// any trial failed verification.
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
        let writer = try ResultsWriter(directory: arguments.value("--out") ?? "Results")
        let html = try arguments.value("--html").map { path throws(HarnessError) in try OutputFile(path: path, option: "--html") }
        let command = ["issuebench"] + CommandLine.arguments.dropFirst()
        let outcome = try await Runner(plan: plan, command: command).run()
        for results in outcome.results {
            // A scenario made for sweeping, named "…-sweep", is not written "…-sweep-sweep-…".
            // The scenario's name is checked where every result file is named (ResultFileName).
            let name = results.scenarios[0].name
            let stamp = ResultsWriter.fileTimestamp(outcome.startedAt)
            let tail = name.hasSuffix("-sweep") ? stamp : "sweep-\(stamp)"
            func file(_ suffix: String) throws(HarnessError) -> String {
                try ResultFileName.make(name, timestamp: tail, extension: suffix)
            }
            let json = try writer.write(ReportCommand.printable([results], as: .json), to: file("json"))
            try writer.write(ReportCommand.printable([results], as: .markdown), to: file("md"))
            try writer.write(ReportCommand.printable([results], as: .csv), to: file("csv"))
            print(try ReportCommand.printable([results], as: format), terminator: "")
            printError("results: \(json) (and .md, .csv)")
        }
        if let html {
            try html.write(renderHTML(outcome.results))
            printError("report: \(html.path)")
        }
        return outcome.allVerified ? .success : .failure
    }
}
