/// The check in a few lines: the verdict, then every failure and warning by name, so a CI log
/// says what failed without reading the tables.
extension CheckReport {
    /// "2 regressions, 1 failed threshold in 6 rows" / "no regression in 6 rows, 2 with warnings".
    var headline: String {
        let regressed = rows.filter { $0.status == .regression }.count
        let failedThresholds = thresholds.filter { !$0.passed }.count
        let warned = rows.filter { $0.status == .warning }.count
        let rowCount = Self.counted(rows.count, "row")
        var parts: [String] = []
        if regressed > 0 { parts.append(Self.counted(regressed, "regression")) }
        if failedThresholds > 0 { parts.append(Self.counted(failedThresholds, "failed threshold")) }
        var line = parts.isEmpty ? "no regression in \(rowCount)" : "\(parts.joined(separator: ", ")) in \(rowCount)"
        if warned > 0 { line += ", \(warned) with warnings" }
        if !thresholds.isEmpty { line += "; \(thresholds.count - failedThresholds) of \(thresholds.count) thresholds met" }
        return line
    }

    /// Each regressed figure, failed verification and failed threshold, naming its row.
    var failureLines: [String] {
        var lines: [String] = []
        for row in rows {
            for note in row.notes where note.status == .regression { lines.append("\(row.title): \(note)") }
            for metric in row.metrics where metric.status == .regression {
                let p = metric.pValue.map { ", p = \(CheckFormat.pValue($0))" } ?? ""
                lines.append("\(row.title): \(metric.metric.rawValue) \(metric.formattedValues) \(metric.metric.unit) "
                             + "(\(CheckFormat.change(metric.changePercent))\(p), threshold "
                             + "\(CheckFormat.threshold(metric.thresholdPercent)))")
            }
        }
        for outcome in thresholds where !outcome.passed {
            lines.append("\(outcome.scenario): \(outcome.threshold) failed" + outcome.detail)
        }
        return lines
    }

    static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

extension RowComparison {
    /// "seed · phase2 maxConcurrency=32 · 1,000 issues"
    var title: String { "\(row.scenario) · \(label) · \(NumberFormat.integer(row.issues)) issues" }
}

extension MetricComparison {
    /// "846 → 912", efficiency in percent.
    var formattedValues: String { "\(metric.formatted(baseline)) → \(metric.formatted(current))" }
}

extension Metric {
    /// A figure in the unit `unit` names: efficiency, kept as a fraction, in percent.
    func formatted(_ value: Double) -> String {
        self == .efficiency ? NumberFormat.percent(fraction: value) : NumberFormat.figure(value)
    }
}

extension ThresholdOutcome {
    /// " at 1,000 issues: measured 150" / ": no such row".
    var detail: String {
        let size = row.map { " at \(NumberFormat.integer($0.issues)) issues" } ?? ""
        if let problem { return "\(size): \(problem)" }
        return "\(size): measured \(NumberFormat.figure(measured))"
    }
}
