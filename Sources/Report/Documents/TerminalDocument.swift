import Measurement

/// A results file as the terminal shows it after a run: machine, then a table per scenario, then claims.
enum TerminalDocument {
    static func render(_ results: ResultsFile, useColor: Bool) -> String {
        func bold(_ text: String) -> String { useColor ? TerminalColor.bold(text) : text }
        var parts: [String] = []
        if results.environment.isDebugBuild {
            let banner = "*** \(Environment.debugWarning) ***"
            parts.append(useColor ? TerminalColor.bold(TerminalColor.paint(banner, .bad)) : banner)
        }
        parts.append(results.environment.summaryLine + "\n")
        for section in results.sections {
            let heading = section.description.isEmpty ? section.name : "\(section.name) — \(section.description)"
            parts.append(bold(heading))
            parts.append(ReportTable.comparison(section.summaries).terminal(useColor: useColor))
        }
        if !results.claims.isEmpty {
            parts.append(bold("Claims"))
            parts.append(ReportTable.claims(results.claims).terminal(useColor: useColor))
        }
        return parts.joined(separator: "\n")
    }
}
