import Measurement
import Scenario

/// One side of a comparison, merged from one or more results files: its rows, each with the
/// trials and the environment it came from, and the workload and relative thresholds of each
/// scenario.
struct MergedResults {
    struct Row {
        var key: RowKey
        var summary: Summary
        /// The row's passing measured trials: its per-repetition figures.
        var trials: [TrialRecord]
        var environment: Environment
    }

    var side: CheckSide
    /// In file order.
    var rows: [Row]
    /// Scenario name → workload hash.
    var workloads: [String: String]
    /// Scenario name → its relative thresholds as recorded (empty where none are).
    var relativeThresholds: [String: RelativeThresholds]
    /// Scenario names in the order they first appear.
    var scenarioOrder: [String]
    /// Each file's clock mode.
    var clocks: Set<String>

    init(_ files: [ResultsFile], side: CheckSide) throws(CheckError) {
        self.side = side
        rows = []
        workloads = [:]
        relativeThresholds = [:]
        scenarioOrder = []
        clocks = Set(files.map(\.environment.clock))
        var hashes: [String: [String]] = [:]
        var recorded: [String: [[String: Double]]] = [:]
        var seen: Set<RowKey> = []
        for file in files {
            for info in file.scenarios {
                if !(hashes[info.name] ?? []).contains(info.workloadHash) {
                    hashes[info.name, default: []].append(info.workloadHash)
                }
                let thresholds = info.maxRegression ?? [:]
                if !(recorded[info.name] ?? []).contains(thresholds) {
                    recorded[info.name, default: []].append(thresholds)
                }
            }
            for summary in file.summaries {
                let key = RowKey(summary)
                guard seen.insert(key).inserted else { throw .duplicateRow(side, key) }
                if !scenarioOrder.contains(summary.scenario) { scenarioOrder.append(summary.scenario) }
                let trials = file.trials.filter {
                    !$0.isWarmup && $0.verified && $0.scenario == summary.scenario && $0.engine == summary.engine
                        && $0.issues == summary.issues && $0.tuning == summary.tuning
                }
                rows.append(Row(key: key, summary: summary, trials: trials, environment: file.environment))
            }
        }
        guard !rows.isEmpty else { throw .noRows(side) }
        for (scenario, found) in hashes.sorted(by: { $0.key < $1.key }) {
            guard found.count == 1 else { throw .conflictingWorkloads(side, scenario: scenario, hashes: found) }
            workloads[scenario] = found[0]
        }
        for scenario in scenarioOrder where workloads[scenario] == nil {
            throw .missingWorkloadHash(side, scenario: scenario)
        }
        for (scenario, found) in recorded.sorted(by: { $0.key < $1.key }) {
            guard found.count == 1 else { throw .conflictingThresholds(side, scenario: scenario, recorded: found) }
            guard let thresholds = RelativeThresholds(recorded: found[0]) else {
                throw .unreadableThresholds(side, scenario: scenario, recorded: found[0])
            }
            relativeThresholds[scenario] = thresholds
        }
    }
}
