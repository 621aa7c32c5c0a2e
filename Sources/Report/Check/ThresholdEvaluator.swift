import Measurement
import Scenario

/// Tests a scenario's absolute thresholds on the rows of a run: `issuebench check` on the current
/// results, and `issuebench run` on what it just measured.
public enum ThresholdEvaluator {
    /// For each threshold, one outcome per row of `scenario` its engine ran (every size and
    /// tuning, by size), or a single failed "no such row" when it ran none.
    public static func evaluate(_ thresholds: [Threshold], scenario: String,
                                against summaries: [Summary]) -> [ThresholdOutcome] {
        thresholds.flatMap { threshold -> [ThresholdOutcome] in
            let rows = ReportTable.comparisonOrder(summaries.filter {
                $0.scenario == scenario && $0.engine == threshold.engine
            })
            guard !rows.isEmpty else {
                return [ThresholdOutcome(scenario: scenario, threshold: threshold.description, row: nil, measured: nil,
                                         problem: .noSuchRow, passed: false)]
            }
            return rows.map { outcome(threshold, on: $0) }
        }
    }

    /// `evaluate` for the thresholds of several scenarios, keyed by scenario name, in name order.
    public static func evaluate(_ thresholds: [String: [Threshold]], against summaries: [Summary]) -> [ThresholdOutcome] {
        thresholds.sorted { $0.key < $1.key }.flatMap { evaluate($0.value, scenario: $0.key, against: summaries) }
    }

    private static func outcome(_ threshold: Threshold, on row: Summary) -> ThresholdOutcome {
        let measured = row.repetitions > 0 ? row.value(of: threshold.metric) : nil
        let problem: ThresholdOutcome.Problem? = row.repetitions == 0 ? .noPassingRepetition
            : (measured == nil ? .noFigure : nil)
        return ThresholdOutcome(scenario: row.scenario, threshold: threshold.description, row: RowKey(row),
                                measured: measured, problem: problem, passed: measured.map(threshold.isMet) ?? false)
    }
}
