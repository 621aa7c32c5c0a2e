import Measurement

/// A results file as the `.md` written beside its `.json`, and as `--format markdown` prints it;
/// a sweep's scenario gets a table per metric instead of the comparison.
enum MarkdownDocument {
    static func render(_ results: ResultsFile) -> String {
        let names = results.sections.map(\.name).joined(separator: ", ")
        var parts = ["# issuebench results: \(names)\n"]
        if results.environment.isDebugBuild {
            parts.append("> **⚠ \(Environment.debugWarning).**\n")
        }
        parts.append("Run at \(results.createdAt) with:\n\n```sh\n\(ShellQuoting.command(results.command))\n```\n")
        parts.append("**Environment:** \(results.environment.summaryLine)\n")
        for section in results.sections {
            parts.append("## \(section.name)\n")
            if !section.description.isEmpty { parts.append(section.description + "\n") }
            if let sweep = SweepAnalysis(section.summaries) {
                parts.append("Sweep: \(sweep.caption)\n")
                for metric in SweepMetric.allCases {
                    parts.append("### \(metric.heading)\n")
                    parts.append(ReportTable.sweep(sweep, metric: metric).markdown())
                }
            } else {
                parts.append(ReportTable.comparison(section.summaries).markdown())
            }
        }
        if !results.claims.isEmpty {
            parts.append("## Claims\n")
            parts.append(ReportTable.claims(results.claims).markdown())
        }
        return parts.joined(separator: "\n")
    }
}
