import Foundation
import Measurement
import Report
import Scenario

/// Runs a plan's trials one after another, each in its own child process, and gathers results.
///
/// A trial that crashes, hangs or runs out of memory is a failed record saying why, and the run
/// goes on. Each finished trial is appended to the run's journal at once (when there is one), so
/// nothing finished is lost. SIGINT or SIGTERM stops the run: the trial in progress is killed and
/// left out, and the outcome holds what finished, flagged `interrupted`.
public struct Runner: Sendable {
    public struct Outcome: Sendable {
        public var startedAt: Date
        /// One results file per scenario with a finished trial, in plan order.
        public var results: [ResultsFile]
        public var allVerified: Bool
        /// SIGINT or SIGTERM stopped the run before every trial ran.
        public var interrupted: Bool
        /// Trials that finished, and trials planned.
        public var completed: Int
        public var planned: Int
    }

    public var plan: RunPlan
    public var command: [String]
    public var progress: ProgressLine
    public var startedAt: Date
    /// Where each finished trial is appended; `nil` for none.
    public var journal: RunJournal?

    public init(plan: RunPlan, command: [String], progress: ProgressLine = ProgressLine(), startedAt: Date = Date(),
                journal: RunJournal? = nil) {
        self.plan = plan
        self.command = command
        self.progress = progress
        self.startedAt = startedAt
        self.journal = journal
    }

    public func run() async throws(HarnessError) -> Outcome {
        let launcher = try TrialLauncher()
        let machine = EnvironmentProbe.machine()
        let createdAt = ISO8601DateFormatter().string(from: startedAt)
        if EnvironmentProbe.build == "debug" {
            printError("DEBUG BUILD — figures are not performance figures; build with 'swift build -c release' (make bench does).")
        }
        let trials = plan.trials
        var log = JournalWriter(journal: journal)
        if journal != nil {
            log.append(try JournalLine.Header(plan: plan, createdAt: createdAt, command: command, machine: machine,
                                              build: EnvironmentProbe.build))
        }
        var records: [[TrialRecord]] = Array(repeating: [], count: plan.rows.count)
        var completed = 0
        let interruption = Interruption()
        try await interruption.watch { () throws(HarnessError) in
            for (index, (row, spec)) in trials.enumerated() {
                if interruption.isInterrupted { break }
                let what = spec.isWarmup ? "warm-up \(spec.repetition + 1)" : "repetition \(spec.repetition - warmups(spec) + 1)"
                progress.show("[\(index + 1)/\(trials.count)] \(name(of: spec)) \(spec.engine) × \(spec.issues) issues, \(what)")
                let killsBefore = interruption.kills
                let record = launcher.launch(spec, scenario: name(of: spec), onStart: interruption.stopIfInterrupted)
                // A trial killed by the interruption did not finish: it is no result.
                if interruption.isInterrupted, interruption.kills > killsBefore { break }
                if !record.verified {
                    progress.clear()
                    printError("trial failed: \(name(of: spec)) \(spec.engine) × \(spec.issues): \(record.failure ?? "not verified")")
                }
                records[row].append(record)
                completed += 1
                log.append(JournalLine.Trial(row: row, record: record))
            }
        }
        progress.clear()
        let interrupted = interruption.isInterrupted
        log.append(JournalLine.End(completed: completed, interrupted: interrupted))

        let results = RunResults.files(plan: plan, records: records, machine: machine, build: EnvironmentProbe.build,
                                       createdAt: createdAt, command: command)
        return Outcome(startedAt: startedAt, results: results, allVerified: records.joined().allSatisfy(\.verified),
                       interrupted: interrupted, completed: completed, planned: trials.count)
    }

    private func name(of spec: TrialSpec) -> String {
        plan.scenarios.first { $0.file == spec.scenarioFile }?.scenario.name ?? spec.scenarioFile
    }

    private func warmups(_ spec: TrialSpec) -> Int {
        plan.scenarios.first { $0.file == spec.scenarioFile }?.scenario.runs.warmup ?? 0
    }
}

/// Appends to a run's journal, if any; a line that cannot be written is reported once and the
/// run goes on: its result files are still written at the end.
private struct JournalWriter {
    let journal: RunJournal?
    var failed = false

    mutating func append(_ line: some Encodable) {
        guard let journal, !failed else { return }
        do { try journal.append(line) } catch {
            failed = true
            printError("warning: \(error); the run goes on, but its journal stops here")
        }
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
