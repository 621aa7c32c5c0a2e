extension CheckReport {
    /// For a person at a terminal: the verdict, failures and warnings by name, then a table per
    /// scenario and the thresholds.
    public func terminal(useColor: Bool) -> String {
        func paint(_ text: String, _ tone: Tone) -> String { useColor ? TerminalColor.paint(text, tone) : text }
        func bold(_ text: String) -> String { useColor ? TerminalColor.bold(text) : text }
        var parts = [bold(paint("issuebench check: \(status.symbol(emoji: false)) \(headline)", status.tone))
                     + " (α = \(CheckFormat.alpha(alpha)))\n"]
        if !failureLines.isEmpty {
            parts.append(bold("Regressions") + "\n"
                         + failureLines.map { paint("  ✗ \($0)", .bad) + "\n" }.joined())
        }
        if !warnings.isEmpty {
            parts.append(bold("Warnings") + "\n" + warnings.map { paint("  ⚠ \($0)", .warning) + "\n" }.joined())
        }
        for (scenario, rows) in scenarios {
            parts.append(bold(scenario) + "\n" + ReportTable.check(rows, emoji: false).terminal(useColor: useColor))
        }
        if !thresholds.isEmpty {
            parts.append(bold("Thresholds") + "\n" + ReportTable.thresholds(thresholds, emoji: false).terminal(useColor: useColor))
        }
        return parts.joined(separator: "\n")
    }

    /// The rows grouped by scenario, in order.
    var scenarios: [(name: String, rows: [RowComparison])] {
        var names: [String] = []
        for row in rows where !names.contains(row.row.scenario) { names.append(row.row.scenario) }
        return names.map { name in (name, rows.filter { $0.row.scenario == name }) }
    }
}
