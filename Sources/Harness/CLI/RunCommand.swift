import Foundation
import Measurement
import Report
import Scenario

/// `issuebench run SCENARIO...`: plans, runs every trial in its own child process, and prints and
/// writes the comparison. Exit 1 when any trial failed verification.
struct RunCommand {
    static let specs: [OptionSpec] = [
        OptionSpec("--engines", value: "a,b", "run only these engines of each scenario"),
        OptionSpec("--sizes", value: "n,m", "issue counts to run, replacing the scenario's issues.counts"),
        OptionSpec("--repetitions", value: "N", "measured repetitions per row (scenario's runs.repetitions)"),
        OptionSpec("--warmup", value: "N", "warm-up trials per row, not measured (scenario's runs.warmup)"),
        OptionSpec("--clock", value: "wall|virtual", "clock to run on (scenario's runs.clock)"),
        OptionSpec("--set", value: "ENGINE.PARAM=VALUE", repeatable: true, "override an engine's tunable"),
        OptionSpec("--out", value: "DIR", "folder for the result files (default: Results)"),
        OptionSpec("--format", value: "table|markdown|json|csv", "what to print on stdout (default: table)"),
        OptionSpec("--help", "show this help"),
    ]
    static let help = helpText(
        usage: "issuebench run SCENARIO... [options]",
        summary: """
        Runs each scenario's engines at each size: warm-ups, then measured repetitions, every trial in
        its own child process. Prints the comparison (throughput, bound, efficiency, latency, peak RSS,
        API calls, rate limiting, verification) and writes Results/<scenario>-<UTC time>.json and .md.
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
        let options = try parseOptions()
        let format = try parseFormat()
        let plan = try RunPlan(options)
        let writer = try ResultsWriter(directory: arguments.value("--out") ?? "Results")
        let command = ["issuebench"] + CommandLine.arguments.dropFirst()
        let outcome = try await Runner(plan: plan, command: command).run()
        for results in outcome.results {
            let stamp = ResultsWriter.fileTimestamp(outcome.startedAt)
            let base = "\(results.scenarios[0].name)-\(stamp)"
            let json = try writer.write(render(results, as: .json), to: base + ".json")
            try writer.write(render(results, as: .markdown), to: base + ".md")
            print(try render(results, as: format), terminator: "")
            printError("results: \(json) (and .md)")
        }
        return outcome.allVerified ? .success : .failure
    }

    private func render(_ results: ResultsFile, as format: OutputFormat) throws(HarnessError) -> String {
        do {
            return try Report.render(results, as: format, useColor: format == .table && TerminalColor.shouldUse())
        } catch {
            throw .io(path: "stdout", message: "cannot render results: \(error)")
        }
    }

    private func parseOptions() throws(HarnessError) -> RunOptions {
        guard !arguments.positionals.isEmpty else {
            throw .usage(command: "run", message: "expected one or more scenario files, found none; see 'issuebench run --help'")
        }
        var options = RunOptions(scenarioPaths: arguments.positionals)
        options.engines = try arguments.list("--engines", command: "run")
        if let sizes = try arguments.list("--sizes", command: "run") {
            options.sizes = try sizes.map { (text: String) throws(HarnessError) -> Int in
                guard let n = Int(text), (1...10_000_000).contains(n) else {
                    throw .usage(command: "run", message: "--sizes: expected issue counts in 1...10000000, found '\(text)'")
                }
                return n
            }
        }
        options.repetitions = try arguments.int("--repetitions", in: 1...1000, command: "run")
        options.warmup = try arguments.int("--warmup", in: 0...100, command: "run")
        if let text = arguments.value("--clock") {
            guard let clock = ClockMode(rawValue: text) else {
                throw .usage(command: "run", message: "--clock: expected one of \(ClockMode.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
            }
            options.clock = clock
        }
        options.overrides = try arguments.all("--set").map { (text: String) throws(HarnessError) in try TunableOverride(parsing: text) }
        return options
    }

    private func parseFormat() throws(HarnessError) -> OutputFormat {
        let text = arguments.value("--format") ?? "table"
        guard let format = OutputFormat(rawValue: text) else {
            throw .usage(command: "run", message: "--format: expected one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
        }
        return format
    }
}
