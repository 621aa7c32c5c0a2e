import Foundation
import Measurement
import Report
import Scenario

/// `issuebench check --baseline FILE (--current RESULTS... | SCENARIO...)`: compares results with a
/// committed baseline and exits 1 on a regression, a failed threshold or a failed verification.
struct CheckCommand {
    static let specs: [OptionSpec] = [
        OptionSpec("--baseline", value: "FILE", "the baseline to compare with (written by 'run --save-baseline')"),
        OptionSpec("--current", value: "RESULTS", repeatable: true, "results file(s) to check, instead of running SCENARIO..."),
        OptionSpec("--max-regression", value: "PCT",
                   "relative change that counts as a regression where no per-metric threshold applies "
                   + "(default: the scenario's maxRegression.default, else 5)"),
        OptionSpec("--threshold", value: "METRIC=PCT", repeatable: true,
                   "per-metric relative threshold, e.g. p99LatencyMs=10; beats the scenario's maxRegression"),
        OptionSpec("--alpha", value: "A", "significance level of the Mann–Whitney test on wall-clock rows (default 0.01)"),
        OptionSpec("--metrics", value: "a,b", "metrics to compare (default: \(Metric.allCases.map(\.rawValue).joined(separator: ",")))"),
        OptionSpec("--format", value: "table|markdown|json|csv", "what to print on stdout (default: table)"),
    ] + RunOptions.specs + [OptionSpec("--help", "show this help")]

    static let help = helpText(
        usage: "issuebench check --baseline FILE (--current RESULTS... | SCENARIO... [run options])",
        summary: """
        Compares each row (scenario × size × engine) and metric with the baseline, in the metric's
        direction. On the virtual clock results are deterministic and compared exactly with the
        threshold; on the wall clock a row regresses only when the change exceeds the threshold and
        a two-sided Mann–Whitney U test over the repetitions finds it significant. A metric's
        relative threshold is, first found: --threshold METRIC=PCT, the scenario's
        maxRegression.METRIC, --max-regression, the scenario's maxRegression.default, 5 % (the
        scenario's as recorded in the current results). Absolute thresholds of the scenarios are
        tested too. With $GITHUB_STEP_SUMMARY set, a Markdown summary is appended to it. Exit 0: no
        regression; 1: a regression, failed threshold or failed verification; 2: bad input
        (different workload, clock mode or rows); 130: SIGINT or SIGTERM stopped the run of
        SCENARIO... (nothing is checked).
        """,
        specs: specs)

    let arguments: Arguments

    init(_ words: [String]) throws(HarnessError) {
        arguments = try Arguments(words, command: "check", specs: Self.specs)
    }

    func execute() async throws(HarnessError) -> ExitCode {
        if arguments.has("--help") {
            print(Self.help)
            return .success
        }
        guard let baselinePath = arguments.value("--baseline") else {
            throw .usage(command: "check", message: "--baseline FILE is required; see 'issuebench check --help'")
        }
        let options = try checkOptions()
        let format = try OutputFormat(arguments, command: "check")
        let baseline = try BaselineFile.read(baselinePath)
        let currentPaths = arguments.all("--current")
        let current: [ResultsFile]
        var thresholds: [String: [Threshold]] = [:]
        switch (currentPaths.isEmpty, arguments.positionals.isEmpty) {
        case (false, false):
            throw .usage(command: "check", message: "give either --current RESULTS or SCENARIO files, not both")
        case (true, true):
            throw .usage(command: "check", message: "expected --current RESULTS or SCENARIO files to check, found neither")
        case (false, true):
            var files: [ResultsFile] = []
            for path in currentPaths { files += try BaselineFile.read(path) }
            current = files
        case (true, false):
            let plan = try RunPlan(RunOptions(arguments, command: "check"))
            do {
                try RegressionCheck.checkComparable(
                    baseline: baseline,
                    workloads: Dictionary(plan.scenarios.map { ($0.scenario.name, $0.scenario.workloadHash) },
                                          uniquingKeysWith: { first, _ in first }),
                    clocks: Set(plan.scenarios.map(\.scenario.runs.clock.rawValue)))
            } catch {
                throw .usage(command: "check", message: error.description)
            }
            let command = ["issuebench"] + CommandLine.arguments.dropFirst()
            let outcome = try await Runner(plan: plan, command: command).run()
            if outcome.interrupted {
                printError("interrupted: \(outcome.completed) of \(outcome.planned) trials finished; nothing was checked")
                return .interrupted
            }
            current = outcome.results
            for entry in plan.scenarios where !entry.scenario.thresholds.isEmpty {
                thresholds[entry.scenario.name] = entry.scenario.thresholds
            }
        }
        let report: CheckReport
        do {
            report = try RegressionCheck(options: options).compare(baseline: baseline, current: current, thresholds: thresholds)
        } catch {
            throw .usage(command: "check", message: error.description)
        }
        do {
            print(try report.rendered(as: format, useColor: format == .table && TerminalColor.shouldUse()), terminator: "")
        } catch {
            throw .io(path: "stdout", message: "cannot render the check: \(error)")
        }
        appendToStepSummary(report.markdown())
        return report.exitCode == 0 ? .success : .failure
    }

    private func checkOptions() throws(HarnessError) -> CheckOptions {
        var options = CheckOptions()
        do {
            if let text = arguments.value("--max-regression") { options.maxRegressionPercent = try CheckOptions.parsePercent(text) }
            for text in arguments.all("--threshold") {
                let (metric, percent) = try CheckOptions.parseMetricThreshold(text)
                options.metricThresholds[metric] = percent
            }
            if let text = arguments.value("--alpha") { options.alpha = try CheckOptions.parseAlpha(text) }
            if let text = arguments.value("--metrics") { options.metrics = try CheckOptions.parseMetrics(text) }
        } catch {
            throw .usage(command: "check", message: error.description)
        }
        return options
    }

    /// GitHub Actions shows `$GITHUB_STEP_SUMMARY` on the run's page. A summary that cannot be
    /// written is a warning, not a failed check: the verdict is the exit code. The file is created
    /// when missing, so the same variable works outside GitHub too.
    private func appendToStepSummary(_ markdown: String) {
        guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        do {
            let url = URL(fileURLWithPath: path)
            if !FileManager.default.fileExists(atPath: path) { try Data().write(to: url) }
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((markdown + "\n").utf8))
            try handle.close()
        } catch {
            printError("warning: cannot append to $GITHUB_STEP_SUMMARY (\(path)): \((error as NSError).localizedFailureReason ?? "\(error)")")
        }
    }
}
