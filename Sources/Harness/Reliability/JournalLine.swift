import Foundation
import Measurement
import Scenario

/// The lines of a run's journal, `Results/<run>.jsonl`: one JSON object per line, each with a
/// `kind`. The first is the header; then one `trial` line per finished trial, appended and flushed
/// as it finishes; last, when the run got that far, an `end` line. A journal cut short by a crash
/// or a kill is still readable: `JSONLResults` rebuilds the tables from what it holds.
enum JournalLine {
    /// Bumped when a line changes incompatibly.
    static let schemaVersion = 1

    /// What the run was: enough to rebuild its plan without the scenario files, which may have
    /// changed or gone since.
    struct Header: Codable, Equatable {
        var kind = "header"
        var schemaVersion = JournalLine.schemaVersion
        /// ISO 8601 UTC time the run started.
        var createdAt: String
        var command: [String]
        var machine: MachineInfo
        /// "debug" or "release".
        var build: String
        var scenarios: [ScenarioEntry]
        var rows: [Row]
        /// Trials planned, warm-ups included.
        var trials: Int
    }

    /// A scenario as the run used it.
    struct ScenarioEntry: Codable, Equatable {
        var info: ScenarioInfo
        /// The file's text when the run started.
        var source: String
        /// `runs` after the command line's `--clock`, `--warmup`, `--repetitions`.
        var clock: ClockMode
        var warmup: Int
        var repetitions: Int
    }

    /// A row of the plan: scenario (an index into `scenarios`) × size × engine × tuning.
    struct Row: Codable, Equatable {
        var scenario: Int
        var engine: String
        var tuning: [String: Double]
        var issues: Int
        var patches: [WorkloadPatch]
    }

    /// A finished trial of row `row` (an index into the header's `rows`).
    struct Trial: Codable, Equatable {
        var kind = "trial"
        var row: Int
        var record: TrialRecord
    }

    /// How the run ended.
    struct End: Codable, Equatable {
        var kind = "end"
        /// Trials that finished and were recorded.
        var completed: Int
        /// SIGINT or SIGTERM stopped the run.
        var interrupted: Bool
    }

    /// Just the `kind`, read first to pick the line's type.
    struct Kind: Decodable {
        var kind: String
    }
}

extension JournalLine.Header {
    /// The header of a run of `plan`; reads each scenario file's text.
    init(plan: RunPlan, createdAt: String, command: [String], machine: MachineInfo, build: String) throws(HarnessError) {
        var scenarios: [JournalLine.ScenarioEntry] = []
        for entry in plan.scenarios {
            let source: String
            do { source = try String(contentsOfFile: entry.file, encoding: .utf8) } catch {
                throw .io(path: entry.file, message: "cannot read the scenario again for the run's journal: \(error.localizedDescription)")
            }
            let s = entry.scenario
            scenarios.append(JournalLine.ScenarioEntry(
                info: ScenarioInfo(s, file: entry.file),
                source: source, clock: s.runs.clock, warmup: s.runs.warmup, repetitions: s.runs.repetitions))
        }
        let rows = plan.rows.map { row in
            JournalLine.Row(scenario: plan.scenarios.firstIndex { $0.file == row.file } ?? 0, engine: row.engine,
                            tuning: row.tuning.values, issues: row.issues, patches: row.patches)
        }
        self.init(createdAt: createdAt, command: command, machine: machine, build: build, scenarios: scenarios,
                  rows: rows, trials: plan.trials.count)
    }
}
