import Contract

/// What one trial measured: one engine, one size, one repetition, in its own child process.
public struct TrialRecord: Codable, Sendable, Equatable {
    public var scenario: String
    public var engine: String
    /// Every tunable of the engine, defaults included.
    public var tuning: [String: Double]
    public var issues: Int
    /// 0-based; warm-up trials are numbered before the measured ones and flagged.
    public var repetition: Int
    public var isWarmup: Bool
    /// "wall" or "virtual".
    public var clock: String

    /// Whether every issue was delivered exactly once, correct, with its writes applied once.
    public var verified: Bool
    /// Why the trial failed (verification, engine error, crash, timeout), `nil` when it passed.
    public var failure: String?

    /// The engine's run on the trial's clock (virtual seconds under the virtual clock).
    public var wallSeconds: Double
    /// Real time the engine's run took on the host (equal to `wallSeconds` on the wall clock).
    public var hostWallSeconds: Double
    /// CPU time of the trial's process during the engine's run (user + system), without
    /// `clockSpinSeconds`.
    public var cpuSeconds: Double
    public var userSeconds: Double
    public var systemSeconds: Double
    /// CPU time the wall clock spent busy-waiting to end its sleeps on their deadlines (the
    /// harness's cost of precise synthetic latency, taken out of `cpuSeconds` and `userSeconds`);
    /// `nil` on the virtual clock, and in results written before it was measured.
    public var clockSpinSeconds: Double?
    /// `SpeedProbe.milliseconds()` just before the engine's run: how fast the machine ran then
    /// (lower is faster); `nil` in results written before it was measured.
    public var speedProbeMilliseconds: Double?
    /// VmRSS just before the engine started.
    public var rssBeforeBytes: Int
    /// VmHWM after the run, with the high-water mark reset just before the engine started.
    public var peakRSSBytes: Int

    /// Per-issue latency (first per-issue request → result delivered), in milliseconds.
    public var latencyMs: Percentiles
    public var api: APICounters
    /// Results the sink received (duplicates included).
    public var delivered: Int
    /// Bytes an engine compressed and what they became, when it compressed anything.
    public var compressedRawBytes: Int
    public var compressedBytes: Int

    public init(scenario: String, engine: String, tuning: [String: Double], issues: Int, repetition: Int,
                isWarmup: Bool, clock: String, verified: Bool, failure: String?, wallSeconds: Double,
                hostWallSeconds: Double, cpuSeconds: Double, userSeconds: Double, systemSeconds: Double,
                rssBeforeBytes: Int, peakRSSBytes: Int, latencyMs: Percentiles, api: APICounters,
                delivered: Int, compressedRawBytes: Int, compressedBytes: Int, clockSpinSeconds: Double? = nil,
                speedProbeMilliseconds: Double? = nil) {
        self.scenario = scenario
        self.engine = engine
        self.tuning = tuning
        self.issues = issues
        self.repetition = repetition
        self.isWarmup = isWarmup
        self.clock = clock
        self.verified = verified
        self.failure = failure
        self.wallSeconds = wallSeconds
        self.hostWallSeconds = hostWallSeconds
        self.cpuSeconds = cpuSeconds
        self.userSeconds = userSeconds
        self.systemSeconds = systemSeconds
        self.clockSpinSeconds = clockSpinSeconds
        self.speedProbeMilliseconds = speedProbeMilliseconds
        self.rssBeforeBytes = rssBeforeBytes
        self.peakRSSBytes = peakRSSBytes
        self.latencyMs = latencyMs
        self.api = api
        self.delivered = delivered
        self.compressedRawBytes = compressedRawBytes
        self.compressedBytes = compressedBytes
    }

    /// Issues per second on the trial's clock; 0 for a failed or empty run.
    public var throughput: Double { wallSeconds > 0 && verified ? Double(issues) / wallSeconds : 0 }
}

/// Latency percentiles in milliseconds.
public struct Percentiles: Codable, Sendable, Equatable {
    public var p50: Double
    public var p95: Double
    public var p99: Double
    public var max: Double

    public init(p50: Double, p95: Double, p99: Double, max: Double) {
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }

    public static let zero = Percentiles(p50: 0, p95: 0, p99: 0, max: 0)
}
