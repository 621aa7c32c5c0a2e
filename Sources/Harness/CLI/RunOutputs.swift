import Foundation
import Measurement
import Report

/// Where `run` and `sweep` put what they measured: the format printed on stdout, the results
/// folder, the `--html` report and the `--save-baseline` file (which only `run` accepts). Every
/// path is checked before any trial runs, so that a bad one fails at once, not after an hour of
/// measuring.
struct RunOutputs {
    let format: OutputFormat
    let writer: ResultsWriter
    let baseline: BaselineFile?
    let html: OutputFile?
    /// The command line, as every results file records it.
    let commandLine: [String]

    /// Checks `--out` (creating the folder), `--save-baseline` and `--html`, in that order.
    init(_ arguments: Arguments, format: OutputFormat) throws(HarnessError) {
        self.format = format
        writer = try ResultsWriter(directory: arguments.value("--out") ?? "Results")
        baseline = try arguments.value("--save-baseline").map { path throws(HarnessError) in try BaselineFile(path: path) }
        html = try arguments.value("--html").map { path throws(HarnessError) in try OutputFile(path: path, option: "--html") }
        commandLine = ["issuebench"] + CommandLine.arguments.dropFirst()
    }

    /// Writes each scenario's results as JSON, Markdown and `alsoCSV` CSV, prints them on stdout,
    /// and says where they went — what finished, whether or not a signal cut the run short.
    ///
    /// Files are named `<scenario>-<UTC time>`, or `<scenario>-<tag>-<UTC time>` with a tag; a
    /// scenario whose name already ends with the tag (one made for sweeping, "…-sweep") is not
    /// written "…-sweep-sweep-…". The scenario's name is checked where every result file is named
    /// (`ResultFileName`).
    func writeResults(of outcome: Runner.Outcome, tag: String? = nil, alsoCSV: Bool = false) throws(HarnessError) {
        let stamp = ResultsWriter.fileTimestamp(outcome.startedAt)
        let formats: [(format: OutputFormat, suffix: String)] = [(.json, "json"), (.markdown, "md")] + (alsoCSV ? [(.csv, "csv")] : [])
        for results in outcome.results {
            let name = results.scenarios[0].name
            let timestamp = tag.map { name.hasSuffix("-\($0)") ? stamp : "\($0)-\(stamp)" } ?? stamp
            var paths: [String] = []
            for (format, suffix) in formats {
                let file = try ResultFileName.make(name, timestamp: timestamp, extension: suffix)
                paths.append(try writer.write(ReportCommand.printable([results], as: format), to: file))
            }
            print(try ReportCommand.printable([results], as: format), terminator: "")
            printError("results: \(paths[0]) (and \(formats.dropFirst().map { ".\($0.suffix)" }.joined(separator: ", ")))")
        }
    }

    /// The end of a run that SIGINT or SIGTERM cut short, once `writeResults` has written what
    /// finished: says how far it got and exits 130. No thresholds, report or baseline are drawn
    /// from part of a run.
    func interrupted(_ outcome: Runner.Outcome) -> ExitCode {
        printError("interrupted: \(outcome.completed) of \(outcome.planned) trials finished; their results are written above")
        return .interrupted
    }

    /// Writes the `--html` report and the `--save-baseline` file, where asked for.
    func writeReports(_ results: [ResultsFile]) throws(HarnessError) {
        if let html {
            try html.write(renderHTML(results))
            printError("report: \(html.path)")
        }
        if let baseline {
            try baseline.write(results)
            printError("baseline: \(baseline.path)")
        }
    }
}
