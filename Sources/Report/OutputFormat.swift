import Measurement

/// What `--format` asks for.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a person at a terminal.
    case table
    /// A Markdown document with GitHub tables, for a pull request or the `.md` results file.
    case markdown
    /// The results file itself.
    case json
    /// One row per summary, raw numbers.
    case csv
}

/// A results file written in `format`; `useColor` only matters for `.table`
/// (decide it with `TerminalColor.shouldUse()`).
public func render(_ results: ResultsFile, as format: OutputFormat, useColor: Bool) throws(ReportError) -> String {
    switch format {
    case .table: TerminalDocument.render(results, useColor: useColor)
    case .markdown: MarkdownDocument.render(results)
    case .json: String(decoding: try results.jsonData(), as: UTF8.self) + "\n"
    case .csv: SummaryCSV.render(results.summaries)
    }
}
