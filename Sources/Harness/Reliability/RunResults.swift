import Foundation
import Measurement
import Report

/// Turns a plan and the records of the trials that completed into results files: one per scenario
/// with at least one completed trial, holding the summaries of the rows that ran (a row without a
/// trial is left out, not shown as failed), the claims judged on them, and every record.
///
/// The runner uses it at the end of a run, interrupted or not; `JSONLResults` on a run's journal,
/// so that a partial run reads exactly as the same run stopped there would have written it.
enum RunResults {
    /// `records[i]` are row i's records, warm-ups included, in the order they ran.
    static func files(plan: RunPlan, records: [[TrialRecord]], machine: MachineInfo, build: String,
                      createdAt: String, command: [String]) -> [ResultsFile] {
        let summaries = Summarizer.summaries(of: plan, records: records, cores: machine.cores)
        let ran = summaries.indices.filter { !records[$0].isEmpty }.map { summaries[$0] }
        let allRecords = records.flatMap { $0 }
        return plan.scenarios.compactMap { entry -> ResultsFile? in
            let mine = ran.filter { $0.scenario == entry.scenario.name }
            guard !mine.isEmpty else { return nil }
            return ResultsFile(
                createdAt: createdAt, command: command,
                environment: Environment(machine: machine, build: build, clock: entry.scenario.runs.clock.rawValue),
                scenarios: [ScenarioInfo(entry.scenario, file: entry.file)],
                summaries: mine,
                claims: ClaimEvaluator.evaluate(entry.scenario.claims, summaries: mine),
                trials: allRecords.filter { $0.scenario == entry.scenario.name })
        }
    }

    /// One file holding several: scenarios, summaries, claims and trials one after another; the
    /// clock is theirs when they share one, else "mixed". `nil` for none.
    static func merged(_ files: [ResultsFile]) -> ResultsFile? {
        guard var merged = files.first else { return nil }
        for file in files.dropFirst() {
            merged.scenarios += file.scenarios
            merged.summaries += file.summaries
            merged.claims += file.claims
            merged.trials += file.trials
            if file.environment.clock != merged.environment.clock { merged.environment.clock = "mixed" }
        }
        return merged
    }
}
