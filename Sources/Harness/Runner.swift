import Foundation
import Measurement
import Report
import Scenario

/// Runs a plan's trials one after another, each in its own child process, and gathers results.
public struct Runner: Sendable {
    public struct Outcome: Sendable {
        public var startedAt: Date
        /// One results file per scenario, in plan order.
        public var results: [ResultsFile]
        public var allVerified: Bool
    }

    public var plan: RunPlan
    public var command: [String]
    public var progress: ProgressLine

    public init(plan: RunPlan, command: [String], progress: ProgressLine = ProgressLine()) {
        self.plan = plan
        self.command = command
        self.progress = progress
    }

    public func run() async throws(HarnessError) -> Outcome {
        let startedAt = Date()
        let launcher = try TrialLauncher()
        let machine = EnvironmentProbe.machine()
        if EnvironmentProbe.build == "debug" {
            printError("DEBUG BUILD — figures are not performance figures; build with 'swift build -c release' (make bench does).")
        }
        let trials = plan.trials
        var records: [[TrialRecord]] = Array(repeating: [], count: plan.rows.count)
        for (index, (row, spec)) in trials.enumerated() {
            let what = spec.isWarmup ? "warm-up \(spec.repetition + 1)" : "repetition \(spec.repetition - warmups(spec) + 1)"
            progress.show("[\(index + 1)/\(trials.count)] \(name(of: spec)) \(spec.engine) × \(spec.issues) issues, \(what)")
            let record = launcher.launch(spec, scenario: name(of: spec))
            if !record.verified {
                progress.clear()
                printError("trial failed: \(name(of: spec)) \(spec.engine) × \(spec.issues): \(record.failure ?? "not verified")")
            }
            records[row].append(record)
        }
        progress.clear()

        let summaries = Summarizer.summaries(of: plan, records: records, cores: machine.cores)
        let allRecords = records.flatMap { $0 }
        let results = plan.scenarios.map { entry -> ResultsFile in
            let mine = summaries.filter { $0.scenario == entry.scenario.name }
            return ResultsFile(
                createdAt: ISO8601DateFormatter().string(from: startedAt), command: command,
                environment: Environment(machine: machine, build: EnvironmentProbe.build,
                                         clock: entry.scenario.runs.clock.rawValue),
                scenarios: [ScenarioInfo(name: entry.scenario.name, description: entry.scenario.description,
                                         file: entry.file, workloadHash: entry.scenario.workloadHash)],
                summaries: mine,
                claims: ClaimEvaluator.evaluate(entry.scenario.claims, summaries: mine),
                trials: allRecords.filter { $0.scenario == entry.scenario.name })
        }
        return Outcome(startedAt: startedAt, results: results, allVerified: allRecords.allSatisfy(\.verified))
    }

    private func name(of spec: TrialSpec) -> String {
        plan.scenarios.first { $0.file == spec.scenarioFile }?.scenario.name ?? spec.scenarioFile
    }

    private func warmups(_ spec: TrialSpec) -> Int {
        plan.scenarios.first { $0.file == spec.scenarioFile }?.scenario.runs.warmup ?? 0
    }
}

extension Runner.Outcome {
    /// The scenarios' absolute thresholds (`phase3.throughput >= 200`) tested on this run.
    public func thresholdOutcomes(_ plan: RunPlan) -> [ThresholdOutcome] {
        var thresholds: [String: [Threshold]] = [:]
        for entry in plan.scenarios where !entry.scenario.thresholds.isEmpty {
            thresholds[entry.scenario.name] = entry.scenario.thresholds
        }
        return ThresholdEvaluator.evaluate(thresholds, against: results.flatMap(\.summaries))
    }
}
