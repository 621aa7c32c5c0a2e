/// Everything a run produced, as written to `Results/<scenario>-<UTC time>.json` and printed by
/// `--format json`.
public struct ResultsFile: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// ISO 8601 UTC time the run started.
    public var createdAt: String
    /// The command line that produced the data.
    public var command: [String]
    public var environment: Environment
    public var scenarios: [ScenarioInfo]
    public var summaries: [Summary]
    public var claims: [ClaimVerdict]
    public var trials: [TrialRecord]

    public init(createdAt: String, command: [String], environment: Environment, scenarios: [ScenarioInfo],
                summaries: [Summary], claims: [ClaimVerdict], trials: [TrialRecord]) {
        self.schemaVersion = Self.currentSchemaVersion
        self.createdAt = createdAt
        self.command = command
        self.environment = environment
        self.scenarios = scenarios
        self.summaries = summaries
        self.claims = claims
        self.trials = trials
    }
}

/// The machine and build a result came from.
public struct Environment: Codable, Sendable, Equatable {
    /// Host, CPU, cores, memory, kernel, Swift version and git commit.
    public var machine: MachineInfo
    /// "release" or "debug": debug figures are not performance figures.
    public var build: String
    /// "wall" or "virtual".
    public var clock: String

    public init(machine: MachineInfo, build: String, clock: String) {
        self.machine = machine
        self.build = build
        self.clock = clock
    }
}

/// A scenario that took part in a run.
public struct ScenarioInfo: Codable, Sendable, Equatable {
    public var name: String
    public var description: String
    public var file: String
    /// Hash of everything that defines the workload (seed, corpus, API, work), so a baseline is
    /// never compared with a different workload by mistake.
    public var workloadHash: String
    /// The scenario's relative thresholds for the regression gate, keyed as in its file
    /// (`{"default": 10, "cpuSeconds": 50}`), so that a check of these results applies them;
    /// absent when it sets none (and in files written before the field existed).
    public var maxRegression: [String: Double]?

    public init(name: String, description: String, file: String, workloadHash: String,
                maxRegression: [String: Double]? = nil) {
        self.name = name
        self.description = description
        self.file = file
        self.workloadHash = workloadHash
        self.maxRegression = maxRegression
    }
}

/// A claimed figure beside the measured one.
public struct ClaimVerdict: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable {
        /// Measured reaches the claim (within 5 %).
        case reproduced
        /// Measured falls short by more than 5 %.
        case notReproduced = "not reproduced"
        /// The claim exceeds what the workload allows at best: no engine could reach it here.
        case beyondBound = "beyond the bound"
        /// Nothing measured to compare with (engine or size not run, or every trial failed).
        case notMeasured = "not measured"
    }

    public var engine: String
    public var issues: Int?
    /// "throughput", "speedup", "memorySavingsPercent", "compressionPercent".
    public var metric: String
    public var claimed: Double
    public var measured: Double?
    /// The bound for throughput claims (issues/s), the bound's ratio for speed-up claims.
    public var bound: Double?
    public var verdict: Verdict
    public var source: String

    public init(engine: String, issues: Int?, metric: String, claimed: Double, measured: Double?,
                bound: Double?, verdict: Verdict, source: String) {
        self.engine = engine
        self.issues = issues
        self.metric = metric
        self.claimed = claimed
        self.measured = measured
        self.bound = bound
        self.verdict = verdict
        self.source = source
    }
}
