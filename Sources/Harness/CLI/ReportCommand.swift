import Foundation
import Measurement
import Report

/// `issuebench report RESULTS...`: renders results files (or baselines) that earlier runs and
/// sweeps wrote, as tables on stdout and, with `--html`, as one self-contained HTML page.
struct ReportCommand {
    static let specs: [OptionSpec] = [
        OptionSpec("--html", value: "FILE", "write one self-contained HTML report with charts of every file"),
        OptionSpec("--format", value: "table|markdown|json|csv", "what to print on stdout (default: table)"),
        OptionSpec("--help", "show this help"),
    ]
    static let help = helpText(
        usage: "issuebench report RESULTS... [--html FILE] [--format table|markdown|json|csv]",
        summary: """
        Reads results files written by 'run' or 'sweep' (Results/*.json) or baselines written by
        'run --save-baseline', and prints their tables; a sweep's file gets a table per metric with
        each engine's best and knee. --html writes every file into one HTML page: charts as inline
        SVG, no scripts, nothing fetched from elsewhere. --format json prints one file as it is, or
        several as a JSON array (a baseline); --format csv prints every row under one header.
        """,
        specs: specs,
        footer: "Example: issuebench report Results/phase3-connections-sweep-*.json --html sweep.html")

    let arguments: Arguments

    init(_ words: [String]) throws(HarnessError) {
        arguments = try Arguments(words, command: "report", specs: Self.specs)
    }

    func execute() throws(HarnessError) -> ExitCode {
        if arguments.has("--help") {
            print(Self.help)
            return .success
        }
        guard !arguments.positionals.isEmpty else {
            throw .usage(command: "report", message: "expected one or more results files, found none; see 'issuebench report --help'")
        }
        let format = try OutputFormat(arguments, command: "report")
        let html = try arguments.value("--html").map { path throws(HarnessError) in try OutputFile(path: path, option: "--html") }
        var files: [ResultsFile] = []
        for path in arguments.positionals { files += try Self.read(path) }
        print(try Self.printable(files, as: format), terminator: "")
        if let html {
            try html.write(renderHTML(files))
            printError("report: \(html.path)")
        }
        return .success
    }

    /// The results in one file. The one place a path becomes results: a results file, a
    /// baseline, or a run's journal (`.jsonl`, a trial per line, complete or cut short).
    static func read(_ path: String) throws(HarnessError) -> [ResultsFile] {
        path.hasSuffix(".jsonl") ? [try JSONLResults.read(path)] : try BaselineFile.read(path)
    }

    /// `files` as stdout shows them: tables one file after another; JSON as the file itself, or
    /// an array of several; CSV as every row under one header.
    static func printable(_ files: [ResultsFile], as format: OutputFormat) throws(HarnessError) -> String {
        do {
            switch (format, files.count) {
            case (.json, 1), (.table, _), (.markdown, _):
                let useColor = format == .table && TerminalColor.shouldUse()
                var parts: [String] = []
                for file in files { parts.append(try render(file, as: format, useColor: useColor)) }
                return parts.joined(separator: "\n")
            case (.json, _):
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                return String(decoding: try encoder.encode(files), as: UTF8.self) + "\n"
            case (.csv, _):
                return SummaryCSV.render(files.flatMap(\.summaries))
            }
        } catch {
            throw .io(path: "stdout", message: "cannot render results: \(error)")
        }
    }
}
