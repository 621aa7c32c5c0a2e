import Scenario

/// One trial, as the parent hands it to the child process (JSON on the child's stdin). The child
/// reads the scenario file again, so a trial is reproducible from this spec alone.
public struct TrialSpec: Codable, Sendable, Equatable {
    public var scenarioFile: String
    public var engine: String
    /// Tunable overrides (scenario's, then `--set`); defaults fill the rest.
    public var overrides: [String: Double]
    public var issues: Int
    public var repetition: Int
    public var isWarmup: Bool
    public var clock: ClockMode
    public var timeoutSeconds: Double
    public var maxRSSMiB: Int?
    /// Workload values set by JSON path before the scenario is decoded.
    public var patches: [WorkloadPatch]

    public init(scenarioFile: String, engine: String, overrides: [String: Double], issues: Int, repetition: Int,
                isWarmup: Bool, clock: ClockMode, timeoutSeconds: Double, maxRSSMiB: Int?, patches: [WorkloadPatch] = []) {
        self.scenarioFile = scenarioFile
        self.engine = engine
        self.overrides = overrides
        self.issues = issues
        self.repetition = repetition
        self.isWarmup = isWarmup
        self.clock = clock
        self.timeoutSeconds = timeoutSeconds
        self.maxRSSMiB = maxRSSMiB
        self.patches = patches
    }
}
