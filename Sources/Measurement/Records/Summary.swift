/// Median, minimum and maximum of a figure over a row's repetitions.
public struct Spread: Codable, Sendable, Equatable {
    public var median: Double
    public var min: Double
    public var max: Double

    public init(median: Double, min: Double, max: Double) {
        self.median = median
        self.min = min
        self.max = max
    }
}

/// One row of a comparison: scenario × size × engine (× tuning), over its measured repetitions.
public struct Summary: Codable, Sendable, Equatable {
    public var scenario: String
    public var engine: String
    public var tuning: [String: Double]
    public var issues: Int
    public var clock: String
    /// Measured repetitions (warm-ups excluded).
    public var repetitions: Int

    /// Issues per second.
    public var throughput: Spread
    /// Throughput of each measured repetition, in order (for significance tests).
    public var throughputSamples: [Double]
    /// Median over repetitions.
    public var wallSeconds: Double
    public var hostWallSeconds: Double
    public var cpuSeconds: Double
    /// Median over repetitions of each percentile.
    public var latencyMs: Percentiles
    /// Median over repetitions.
    public var peakRSSBytes: Int
    public var rssBeforeBytes: Int
    /// Medians over repetitions of the API's counters.
    public var apiCalls: Int
    public var rateLimited: Int
    public var retries: Int
    public var transientErrors: Int
    public var duplicateWrites: Int
    /// Percent of the raw bytes saved by the engine's compression, `nil` if it compressed nothing.
    public var compressionPercent: Double?

    /// Issues per second the workload allows at best (see README, "The bound"); `nil` when
    /// nothing in the workload limits it (zero latency, no limits, no synthetic CPU).
    public var bound: Double?
    /// Median throughput / bound, `nil` without a bound.
    public var efficiency: Double?
    /// Median throughput relative to phase1 at the same size, `nil` without a phase1 row.
    public var speedupVsPhase1: Double?
    /// Peak RSS relative to phase1 at the same size, `nil` without a phase1 row.
    public var memoryVsPhase1: Double?

    /// Every repetition passed verification.
    public var verified: Bool
    /// The distinct failure reasons of failed repetitions.
    public var failures: [String]
    /// Workload values a sweep set by JSON path (`api.latencyMs.fixed` → `10`), `nil` for none.
    public var workload: [String: String]?
    /// The trials' `speedProbeMilliseconds`, `nil` when none was recorded.
    public var speedProbeMilliseconds: Spread?

    public init(scenario: String, engine: String, tuning: [String: Double], issues: Int, clock: String,
                repetitions: Int, throughput: Spread, throughputSamples: [Double], wallSeconds: Double,
                hostWallSeconds: Double, cpuSeconds: Double, latencyMs: Percentiles, peakRSSBytes: Int,
                rssBeforeBytes: Int, apiCalls: Int, rateLimited: Int, retries: Int, transientErrors: Int,
                duplicateWrites: Int, compressionPercent: Double?, bound: Double?, efficiency: Double?,
                speedupVsPhase1: Double?, memoryVsPhase1: Double?, verified: Bool, failures: [String],
                workload: [String: String]? = nil, speedProbeMilliseconds: Spread? = nil) {
        self.scenario = scenario
        self.engine = engine
        self.tuning = tuning
        self.issues = issues
        self.clock = clock
        self.repetitions = repetitions
        self.throughput = throughput
        self.throughputSamples = throughputSamples
        self.wallSeconds = wallSeconds
        self.hostWallSeconds = hostWallSeconds
        self.cpuSeconds = cpuSeconds
        self.latencyMs = latencyMs
        self.peakRSSBytes = peakRSSBytes
        self.rssBeforeBytes = rssBeforeBytes
        self.apiCalls = apiCalls
        self.rateLimited = rateLimited
        self.retries = retries
        self.transientErrors = transientErrors
        self.duplicateWrites = duplicateWrites
        self.compressionPercent = compressionPercent
        self.bound = bound
        self.efficiency = efficiency
        self.speedupVsPhase1 = speedupVsPhase1
        self.memoryVsPhase1 = memoryVsPhase1
        self.verified = verified
        self.failures = failures
        self.workload = workload
        self.speedProbeMilliseconds = speedProbeMilliseconds
    }
}
