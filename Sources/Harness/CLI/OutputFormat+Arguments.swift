import Report

extension OutputFormat {
    /// The `--format` option (default: table).
    init(_ arguments: Arguments, command: String) throws(HarnessError) {
        let text = arguments.value("--format") ?? "table"
        guard let format = OutputFormat(rawValue: text) else {
            throw .usage(command: command, message: "--format: expected one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
        }
        self = format
    }
}
