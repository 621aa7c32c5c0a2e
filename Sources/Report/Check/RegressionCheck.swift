import Measurement
import Scenario

/// The regression gate: compares current results with a baseline, row by row and metric by metric.
///
/// A pure function of its inputs, so `issuebench check` and the tests reach the same verdicts.
/// A figure on the virtual clock is deterministic and is compared with its threshold exactly; a
/// figure measured on the host regresses only when the change exceeds its threshold *and* a
/// two-sided Mann–Whitney U test over the repetitions finds it significant, so noise does not
/// fail the build. The thresholds are the options' and those the current results record for
/// their scenario (`CheckOptions.thresholdPercent` says which wins); the baseline's are not read,
/// since the scenario as it is now says how much its figures may move. Input that cannot be
/// compared honestly (another workload or clock mode, rows missing on either side) throws instead
/// of producing a verdict.
public struct RegressionCheck: Sendable {
    public var options: CheckOptions

    public init(options: CheckOptions = CheckOptions()) {
        self.options = options
    }

    /// Compares one baseline file with one current file; `thresholds` are the scenarios' absolute
    /// thresholds by scenario name, tested on the current rows.
    public func compare(baseline: ResultsFile, current: ResultsFile,
                        thresholds: [String: [Threshold]] = [:]) throws(CheckError) -> CheckReport {
        try compare(baseline: [baseline], current: [current], thresholds: thresholds)
    }

    /// Compares the rows of several baseline files with those of several current files; each
    /// side's files together must hold each row once.
    public func compare(baseline: [ResultsFile], current: [ResultsFile],
                        thresholds: [String: [Threshold]] = [:]) throws(CheckError) -> CheckReport {
        try options.validate()
        let old = try MergedResults(baseline, side: .baseline)
        let new = try MergedResults(current, side: .current)
        try Self.checkClocks(old.clocks, new.clocks)
        try Self.checkWorkloads(old.workloads, new.workloads)
        let pairs = try Self.pairs(old, new)
        let labels = Self.labels(new)
        var rows: [RowComparison] = []
        var warnings: [CheckNote] = []
        for (before, now) in pairs {
            guard before.summary.clock == now.summary.clock else {
                throw .clockChanged(row: now.key, baseline: before.summary.clock, current: now.summary.clock)
            }
            for note in Self.environmentNotes(before.environment, now.environment) where !warnings.contains(note) {
                warnings.append(note)
            }
            rows.append(compare(before, now, label: labels[now.key] ?? now.key.engine,
                                scenario: new.relativeThresholds[now.key.scenario] ?? RelativeThresholds()))
        }
        let outcomes = ThresholdEvaluator.evaluate(thresholds, against: new.rows.map(\.summary))
        return CheckReport(alpha: options.alpha, rows: rows, thresholds: outcomes, warnings: warnings)
    }

    /// Refuses, before anything runs, scenarios that cannot be compared with `baseline`: another
    /// workload (`workloads`: scenario name → workload hash of what is about to run) or another
    /// clock mode (`clocks`: the modes it will run on). The same tests as `compare`, made early so
    /// that `check SCENARIO...` does not spend a whole run on a comparison it must then refuse.
    public static func checkComparable(baseline: [ResultsFile], workloads: [String: String],
                                       clocks: Set<String>) throws(CheckError) {
        let old = try MergedResults(baseline, side: .baseline)
        try checkClocks(old.clocks, clocks)
        try checkWorkloads(old.workloads, workloads)
    }

    /// Each current row's label in its scenario's tables.
    private static func labels(_ side: MergedResults) -> [RowKey: String] {
        var labels: [RowKey: String] = [:]
        for scenario in side.scenarioOrder {
            let rows = side.rows.filter { $0.key.scenario == scenario }
            for (row, label) in zip(rows, ReportTable.engineLabels(rows.map(\.summary))) { labels[row.key] = label }
        }
        return labels
    }

    /// What differs between the machines or builds two rows were measured on.
    static func environmentNotes(_ baseline: Environment, _ current: Environment) -> [CheckNote] {
        func machine(_ e: Environment) -> String { "\(e.machine.host) (\(e.machine.cpuModel))" }
        var notes: [CheckNote] = []
        if baseline.machine.host != current.machine.host || baseline.machine.cpuModel != current.machine.cpuModel {
            notes.append(.differentMachine(baseline: machine(baseline), current: machine(current)))
        }
        if baseline.build != current.build {
            notes.append(.differentBuild(baseline: baseline.build, current: current.build))
        }
        return notes
    }
}
