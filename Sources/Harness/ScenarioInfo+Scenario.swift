import Measurement
import Scenario

extension ScenarioInfo {
    /// What a results file and a run's journal record of `scenario`, read from `file`: its
    /// workload, so a baseline is never compared with another, and its relative thresholds, so
    /// `check --current` judges its rows as `check SCENARIO` would.
    init(_ scenario: Scenario, file: String) {
        self.init(name: scenario.name, description: scenario.description, file: file,
                  workloadHash: scenario.workloadHash, maxRegression: scenario.maxRegression.recorded)
    }
}
