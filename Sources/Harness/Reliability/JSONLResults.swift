import Contract
import Foundation
import Measurement
import Scenario

/// Reads a run's journal (`Results/<run>.jsonl`, see `JournalLine`) back into results, for
/// `issuebench report`: the plan is rebuilt from the header (each scenario from the text the run
/// used, not from the file as it is now), each finished trial goes back to its row, and the
/// summaries, bounds and claims are computed again by the same code the run uses (`RunResults`,
/// `Summarizer`). A journal of an interrupted or killed run gives the tables of what finished;
/// its last line, if a crash cut it short, is left out.
public enum JSONLResults {
    /// The results of the journal at `path`, every scenario of the run in one file (the clock is
    /// "mixed" when the scenarios ran on different clocks).
    public static func read(_ path: String) throws(HarnessError) -> ResultsFile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .io(path: path, message: "cannot read: \((error as NSError).localizedFailureReason ?? "\(error)")")
        }
        return try parse(Array(data), path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws(HarnessError) -> ResultsFile {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A complete journal ends with a newline; anything after the last one is a line that a
        // crash cut short.
        lines.removeLast()
        guard let first = lines.first else {
            throw .io(path: path, message: "expected a run's journal starting with its header line, found no complete line")
        }
        let header = try decode(JournalLine.Header.self, first, line: 1, path: path)
        guard header.schemaVersion == JournalLine.schemaVersion else {
            throw .io(path: path, message: "line 1: expected journal schema version \(JournalLine.schemaVersion), found \(header.schemaVersion)")
        }
        let plan = try RunPlan(replaying: header, path: path)
        var records: [[TrialRecord]] = Array(repeating: [], count: plan.rows.count)
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let kind = try decode(JournalLine.Kind.self, line, line: number, path: path).kind
            switch kind {
            case "trial":
                let trial = try decode(JournalLine.Trial.self, line, line: number, path: path)
                guard records.indices.contains(trial.row) else {
                    throw .io(path: path, message: "line \(number): expected a row in 0..<\(records.count), found \(trial.row)")
                }
                records[trial.row].append(trial.record)
            case "end":
                continue
            default:
                throw .io(path: path, message: "line \(number): expected a line of kind trial or end, found '\(kind)'")
            }
        }
        let files = RunResults.files(plan: plan, records: records, machine: header.machine, build: header.build,
                                     createdAt: header.createdAt, command: header.command)
        return RunResults.merged(files) ?? ResultsFile(
            createdAt: header.createdAt, command: header.command,
            environment: Environment(machine: header.machine, build: header.build,
                                     clock: header.scenarios.first?.clock.rawValue ?? "wall"),
            scenarios: header.scenarios.map(\.info), summaries: [], claims: [], trials: [])
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ line: ArraySlice<UInt8>, line number: Int,
                                             path: String) throws(HarnessError) -> T {
        do { return try JSONDecoder().decode(type, from: Data(line)) } catch {
            throw .io(path: path, message: "line \(number): expected a journal line (\(T.self)), found something else: \(error)")
        }
    }
}

extension RunPlan {
    /// The plan a journal's header describes: each scenario decoded from the text the run read,
    /// with each row's patches, and the run's `runs` settings laid over it.
    init(replaying header: JournalLine.Header, path: String) throws(HarnessError) {
        var scenarios: [(scenario: Scenario, file: String)] = []
        for entry in header.scenarios {
            scenarios.append((try Self.scenario(entry, patches: [], path: path), entry.info.file))
        }
        var rows: [Row] = []
        for (index, row) in header.rows.enumerated() {
            guard header.scenarios.indices.contains(row.scenario) else {
                throw .io(path: path, message: "line 1: rows[\(index)]: expected a scenario in 0..<\(header.scenarios.count), found \(row.scenario)")
            }
            let entry = header.scenarios[row.scenario]
            let scenario = row.patches.isEmpty ? scenarios[row.scenario].scenario
                : try Self.scenario(entry, patches: row.patches, path: path)
            rows.append(Row(scenario: scenario, file: entry.info.file, engine: row.engine,
                            tuning: Self.tuning(row.tuning, engine: row.engine), issues: row.issues, patches: row.patches))
        }
        self.scenarios = scenarios
        self.rows = rows
    }

    private static func scenario(_ entry: JournalLine.ScenarioEntry, patches: [WorkloadPatch],
                                 path: String) throws(HarnessError) -> Scenario {
        var scenario: Scenario
        let decodedPatches = try WorkloadPatch.decoded(patches)
        do throws(ScenarioError) {
            scenario = try Scenario.decode(Array(entry.source.utf8), file: entry.info.file, patches: decodedPatches)
        } catch {
            throw .io(path: path, message: "line 1: the scenario the run used no longer decodes: \(error)")
        }
        scenario.runs.clock = entry.clock
        scenario.runs.warmup = entry.warmup
        scenario.runs.repetitions = entry.repetitions
        return scenario
    }

    /// The tuning a row recorded, as it was: every value taken as given, whether or not the engine
    /// (which may have changed since, or be the test-only one) still declares it so.
    private static func tuning(_ values: [String: Double], engine: String) -> Tuning {
        let parameters = values.map { name, value in
            ParameterSpec(name, default: value, range: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
                          integer: false, "as recorded")
        }
        do { return try Tuning(engine: engine, parameters: parameters, overrides: [:]) } catch {
            preconditionFailure("a tuning without overrides cannot be wrong: \(error)")
        }
    }
}
