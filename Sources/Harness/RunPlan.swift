import Contract
import Foundation
import Scenario

/// The trials a run will make: for each scenario, size and engine, warm-ups then repetitions.
/// Everything that can be wrong with the input is found here, before any trial starts.
public struct RunPlan: Sendable {
    /// One row of the eventual comparison: a scenario at one size with one engine and tuning.
    public struct Row: Sendable {
        public var scenario: Scenario
        public var file: String
        public var engine: String
        public var tuning: Tuning
        public var issues: Int
        /// Workload values set by JSON path, for sweeps over the workload.
        public var patches: [WorkloadPatch]
    }

    public var scenarios: [(scenario: Scenario, file: String)]
    public var rows: [Row]

    /// Loads and checks every scenario, applies the options, and checks every engine and tunable,
    /// and that every row fits in this machine's available memory.
    public init(_ options: RunOptions) throws(HarnessError) {
        try self.init(options, availableMemoryBytes: AvailableMemory.bytes(),
                      cores: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// As `init(_:)`, with the memory available (`nil`: unknown, not checked) and the cores given.
    init(_ options: RunOptions, availableMemoryBytes: Int?, cores: Int) throws(HarnessError) {
        let known = EngineCatalog.all.map { $0.name }
        for name in options.engines ?? [] where !known.contains(name) {
            throw .unknownEngine(origin: "--engines", name: name, known: known)
        }
        for o in options.overrides where !known.contains(o.engine) {
            throw .unknownEngine(origin: "--set", name: o.engine, known: known)
        }
        var scenarios: [(Scenario, String)] = []
        var rows: [Row] = []
        for path in options.scenarioPaths {
            var scenario: Scenario
            let patches = try WorkloadPatch.decoded(options.patches)
            do { scenario = try Scenario.load(path: path, patches: patches) } catch { throw .scenario(error) }
            Self.apply(options, to: &scenario)
            let selections = try Self.selections(of: scenario, file: path, options: options, known: known)
            for issues in scenario.issues.counts {
                for selection in selections {
                    let engine = EngineCatalog.named(selection.engine)!
                    let tuning: Tuning
                    do {
                        tuning = try Tuning(engine: engine.name, parameters: engine.parameters,
                                            overrides: selection.overrides)
                    } catch {
                        throw .tuning(origin: "\(path): engines.\(engine.name)", error)
                    }
                    rows.append(Row(scenario: scenario, file: path, engine: engine.name, tuning: tuning, issues: issues,
                                    patches: options.patches))
                }
            }
            scenarios.append((scenario, path))
        }
        for row in rows {
            try Self.checkFits(MemoryEstimate(row, cores: cores), file: row.file,
                               maxRSSMiB: row.scenario.runs.maxRSSMiB, availableMemoryBytes: availableMemoryBytes)
        }
        self.scenarios = scenarios
        self.rows = rows
    }

    /// Refuses a row whose estimate exceeds the memory available, or the address space
    /// `runs.maxRSSMiB` allows: better a clear refusal now than a machine swapping, or a trial
    /// killed an hour into the run (or unable even to start under too tight a limit).
    private static func checkFits(_ estimate: MemoryEstimate, file: String, maxRSSMiB: Int?,
                                  availableMemoryBytes: Int?) throws(HarnessError) {
        if let available = availableMemoryBytes, estimate.residentBytes > Double(available) {
            throw .wontFit(file: file, estimate: estimate, limit: .available(bytes: available))
        }
        if let mebibytes = maxRSSMiB, estimate.addressSpaceBytes > Double(mebibytes) * 1_048_576 {
            throw .wontFit(file: file, estimate: estimate, limit: .maxRSS(mebibytes: mebibytes))
        }
    }

    /// `--sizes`, `--repetitions`, `--warmup` and `--clock` replace the scenario's own values.
    private static func apply(_ options: RunOptions, to scenario: inout Scenario) {
        if let sizes = options.sizes { scenario.issues.counts = sizes }
        if let n = options.repetitions { scenario.runs.repetitions = n }
        if let n = options.warmup { scenario.runs.warmup = n }
        if let clock = options.clock { scenario.runs.clock = clock }
    }

    /// The scenario's engines (all registered ones when it names none), filtered by `--engines`,
    /// with `--set` overrides merged over the scenario's own.
    private static func selections(of scenario: Scenario, file: String, options: RunOptions,
                                   known: [String]) throws(HarnessError) -> [EngineSelection] {
        var selections = scenario.engines ?? known.map { EngineSelection(engine: $0) }
        for s in selections where !known.contains(s.engine) {
            throw .unknownEngine(origin: "\(file): engines", name: s.engine, known: known)
        }
        if let filter = options.engines {
            for name in filter where !selections.contains(where: { $0.engine == name }) {
                throw .engineNotInScenario(file: file, name: name, runs: selections.map(\.engine))
            }
            selections = selections.filter { filter.contains($0.engine) }
        }
        for o in options.overrides {
            for i in selections.indices where selections[i].engine == o.engine {
                selections[i].overrides[o.parameter] = o.value
            }
        }
        return selections
    }

    /// Trials in the order they run, with the index of their row: row by row, warm-ups first.
    public var trials: [(row: Int, spec: TrialSpec)] {
        rows.indices.flatMap { index in
            let row = rows[index]
            let runs = row.scenario.runs
            return (0..<(runs.warmup + runs.repetitions)).map { i in
                (index,
                // Every tunable is passed explicitly, so a record's tuning is the row's in full even
                // when the child never got as far as reporting it.
                TrialSpec(scenarioFile: row.file, engine: row.engine, overrides: row.tuning.values,
                          issues: row.issues, repetition: i, isWarmup: i < runs.warmup,
                          clock: runs.clock, timeoutSeconds: runs.timeoutSeconds, maxRSSMiB: runs.maxRSSMiB,
                          patches: row.patches))
            }
        }
    }
}
