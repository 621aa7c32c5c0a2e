extension CheckReport {
    /// A GitHub-flavoured summary, fit to append to `$GITHUB_STEP_SUMMARY` or paste into a pull
    /// request: the verdict, failures and warnings by name, a table per scenario, the thresholds.
    public func markdown() -> String {
        var parts = ["## issuebench check: \(status.symbol(emoji: true)) \(headline)\n",
                     "Figures on the virtual clock are deterministic and compared exactly with their threshold; "
                         + "figures measured on the host regress only when the change exceeds the threshold and a "
                         + "two-sided Mann–Whitney U test finds it significant at α = \(CheckFormat.alpha(alpha)).\n"]
        if !failureLines.isEmpty {
            parts.append("**Regressions**\n\n" + failureLines.map { "- ❌ \(ReportTable.markdownEscaped($0))\n" }.joined())
        }
        if !warnings.isEmpty {
            parts.append("**Warnings**\n\n" + warnings.map { "- ⚠️ \(ReportTable.markdownEscaped($0.description))\n" }.joined())
        }
        for (scenario, rows) in scenarios {
            parts.append("### \(scenario)\n")
            parts.append(ReportTable.check(rows, emoji: true).markdown())
        }
        if !thresholds.isEmpty {
            parts.append("### Thresholds\n")
            parts.append(ReportTable.thresholds(thresholds, emoji: true).markdown())
        }
        return parts.joined(separator: "\n")
    }
}
