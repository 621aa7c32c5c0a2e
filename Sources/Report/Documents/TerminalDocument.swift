import Measurement

/// A results file as the terminal shows it after a run: machine, then a table per scenario (a
/// table per metric for a sweep), then claims.
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
            if let sweep = SweepAnalysis(section.summaries) {
                parts.append("Sweep: " + sweep.caption + "\n")
                for metric in SweepMetric.allCases {
                    parts.append(bold(metric.heading))
                    parts.append(ReportTable.sweep(sweep, metric: metric).terminal(useColor: useColor))
                }
            } else {
                parts.append(ReportTable.comparison(section.summaries).terminal(useColor: useColor))
            }
        }
        if !results.claims.isEmpty {
            parts.append(bold("Claims"))
            parts.append(ReportTable.claims(results.claims).terminal(useColor: useColor))
        }
        return parts.joined(separator: "\n")
    }
}
