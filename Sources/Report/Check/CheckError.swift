import Contract
import Scenario

/// Why two sets of results cannot be compared (exit 2): each message names the row, scenario or
/// option at fault and what would make the comparison valid.
public enum CheckError: Error, Equatable, CustomStringConvertible {
    /// A command-line value the check cannot use.
    case invalidOption(option: String, expected: String, found: String)
    case noRows(CheckSide)
    /// Rows of a scenario the side's `scenarios` list does not describe, so its workload is unknown.
    case missingWorkloadHash(CheckSide, scenario: String)
    /// One side holds a scenario twice, with different workloads.
    case conflictingWorkloads(CheckSide, scenario: String, hashes: [String])
    /// A scenario's relative thresholds as a results file records them (`scenarios[].maxRegression`),
    /// with a key or value no scenario file could have held.
    case unreadableThresholds(CheckSide, scenario: String, recorded: [String: Double])
    /// One side holds a scenario twice, with different relative thresholds.
    case conflictingThresholds(CheckSide, scenario: String, recorded: [[String: Double]])
    case duplicateRow(CheckSide, RowKey)
    case workloadChanged(scenario: String, baseline: String, current: String)
    /// Different clock modes, for the whole files (`row == nil`) or for one row.
    case clockChanged(row: RowKey?, baseline: String, current: String)
    /// Rows on one side with no counterpart on the other.
    case missingRows(fromCurrent: [RowKey], fromBaseline: [RowKey])

    public var description: String {
        switch self {
        case let .invalidOption(option, expected, found):
            return "\(option): expected \(expected), found '\(found)'"
        case .noRows(let side):
            return "no rows to compare in \(side.noun)"
        case let .missingWorkloadHash(side, scenario):
            return "rows of scenario '\(scenario)' in \(side.noun) have no workload hash "
                + "(no entry in the file's scenarios list)"
        case let .conflictingWorkloads(side, scenario, hashes):
            return "scenario '\(scenario)' appears in \(side.noun) with different workloads "
                + "(workload hashes \(hashes.joined(separator: ", ")))"
        case let .unreadableThresholds(side, scenario, recorded):
            return "scenario '\(scenario)' in \(side.noun) records relative thresholds the check cannot read "
                + "(maxRegression \(Self.listed(recorded))): expected keys \(RelativeThresholds.keys.joined(separator: ", ")) "
                + "with percentages > 0"
        case let .conflictingThresholds(side, scenario, recorded):
            return "scenario '\(scenario)' appears in \(side.noun) with different relative thresholds "
                + "(maxRegression \(recorded.map(Self.listed).joined(separator: " and "))); check results of one scenario file"
        case let .duplicateRow(side, row):
            return "row \(row) appears twice in \(side.noun)"
        case let .workloadChanged(scenario, baseline, current):
            return "scenario '\(scenario)': the workload differs from the baseline's (workload hash \(baseline) "
                + "in the baseline, \(current) now); compare runs of one workload, or record a new baseline"
        case let .clockChanged(row, baseline, current):
            let subject = row.map { "\($0): the baseline row" } ?? "the baseline"
            return "\(subject) was measured on the \(baseline) clock, the current results on the \(current) clock; "
                + "compare runs of one clock mode"
        case let .missingRows(fromCurrent, fromBaseline):
            let lines = fromCurrent.map { "row \($0) of the baseline is missing from the current results" }
                + fromBaseline.map { "row \($0) of the current results is not in the baseline" }
            return lines.joined(separator: "\n")
        }
    }

    /// Recorded thresholds in key order, as the scenario would write them: `{cpuSeconds: 50, default: 10}`.
    private static func listed(_ recorded: [String: Double]) -> String {
        "{" + recorded.sorted { $0.key < $1.key }.map { "\($0.key): \(format($0.value))" }.joined(separator: ", ") + "}"
    }
}
