import Contract

/// A declarative workload (schema v1): what corpus, what API behaviour, what work per issue,
/// which engines, how to run them and what was claimed. Decoded strictly by `Scenario.load`.
public struct Scenario: Sendable, Equatable {
    /// The schema this model decodes.
    public static let schemaVersion = 1

    /// `[a-z0-9-]+`; used in result file names.
    public var name: String
    public var description: String
    /// Drives corpus, latencies and errors: the same seed gives the same workload on every machine.
    public var seed: UInt64
    public var issues: IssueSpec
    public var api: APISpec
    public var work: WorkSpec
    /// Engines to run, in order, each with tunable overrides; `nil` means every registered engine.
    public var engines: [EngineSelection]?
    public var runs: RunSpec
    /// Absolute thresholds such as "phase3.throughput >= 200" (each keeps its text as written).
    public var thresholds: [Threshold]
    /// Relative thresholds of the regression gate for this scenario's rows (`maxRegression`);
    /// empty: the check's own. Not part of the workload: changing them keeps baselines comparable.
    public var maxRegression = RelativeThresholds()
    public var claims: [Claim]

    public init(name: String, description: String = "", seed: UInt64 = 42, issues: IssueSpec,
                api: APISpec = APISpec(), work: WorkSpec = WorkSpec(), engines: [EngineSelection]? = nil,
                runs: RunSpec = RunSpec(), thresholds: [Threshold] = [], claims: [Claim] = []) {
        self.name = name
        self.description = description
        self.seed = seed
        self.issues = issues
        self.api = api
        self.work = work
        self.engines = engines
        self.runs = runs
        self.thresholds = thresholds
        self.claims = claims
    }
}

/// A random quantity of the workload: latencies in ms, sizes in bytes, counts.
public enum Distribution: Sendable, Equatable, Hashable {
    case fixed(Double)
    case uniform(min: Double, max: Double)
    case normal(mean: Double, stddev: Double)
    case lognormal(median: Double, p99: Double)
    case exponential(mean: Double)
}

/// The issue corpus.
public struct IssueSpec: Sendable, Equatable {
    /// One size point each, 1 ... 10,000,000.
    public var counts: [Int]
    public var bodyBytes: Distribution = .lognormal(median: 1500, p99: 20000)
    public var commentsPerIssue: Distribution = .uniform(min: 0, max: 8)
    public var commentBytes: Distribution = .fixed(400)
    /// Issues per listing page, 1 ... 100 (GitHub's maximum).
    public var pageSize: Int = 100

    public init(counts: [Int]) { self.counts = counts }
}

/// The simulated API's behaviour. Absent sections are off.
public struct APISpec: Sendable, Equatable {
    public var latencyMs: Distribution = .fixed(0)
    public var connectMs: Distribution = .fixed(0)
    /// Names in order of preference; the first is the primary.
    public var endpoints: [String] = ["primary"]
    public var rateLimit: RateLimitSpec?
    public var secondary: SecondaryLimitSpec?
    public var errors: ErrorSpec?
    public var outages: [OutageSpec] = []
    public var batch: BatchSpec?

    public init() {}
}

/// GitHub's primary limit: `limit` requests per fixed window starting at the first request.
public struct RateLimitSpec: Sendable, Equatable {
    public var limit: Int
    public var windowSeconds: Double
    /// Budget left in the first window (default: `limit`), for a run that starts half-spent.
    public var remaining: Int?
    /// When the first window resets, in seconds after the first request (default: `windowSeconds`).
    public var resetSeconds: Double?
    /// Status of a rejection: 403 (GitHub's usual) or 429.
    public var status: Int = 403

    public init(limit: Int, windowSeconds: Double) {
        self.limit = limit
        self.windowSeconds = windowSeconds
    }
}

/// GitHub's secondary limits.
public struct SecondaryLimitSpec: Sendable, Equatable {
    /// Requests in flight at once.
    public var maxConcurrent: Int?
    /// Points per minute (fixed one-minute windows from the first request).
    public var pointsPerMinute: Int?
    public var readPoints: Int = 1
    public var writePoints: Int = 5
    /// `retry-after` on a concurrency rejection (a points rejection says when its minute ends).
    public var retryAfterSeconds: Double = 1

    public init() {}
}

/// Transient errors injected at a rate.
public struct ErrorSpec: Sendable, Equatable {
    /// Probability that a request fails, 0 ... 1.
    public var rate: Double
    public var status: Int = 502

    public init(rate: Double) { self.rate = rate }
}

/// An endpoint that answers 503 during a time window.
public struct OutageSpec: Sendable, Equatable {
    public var endpoint: String
    public var atSeconds: Double
    public var forSeconds: Double

    public init(endpoint: String, atSeconds: Double, forSeconds: Double) {
        self.endpoint = endpoint
        self.atSeconds = atSeconds
        self.forSeconds = forSeconds
    }
}

/// A batch endpoint: up to `maxItems` issues (with comments) in one request.
public struct BatchSpec: Sendable, Equatable {
    public var maxItems: Int
    public var latencyPerItemMs: Double

    public init(maxItems: Int, latencyPerItemMs: Double) {
        self.maxItems = maxItems
        self.latencyPerItemMs = latencyPerItemMs
    }
}

/// What an engine does per issue.
public struct WorkSpec: Sendable, Equatable {
    public enum Read: String, Sendable, CaseIterable { case issue, comments }
    public enum Write: String, Sendable, CaseIterable { case label, comment }

    public var reads: [Read] = [.issue, .comments]
    public var writes: [Write] = [.label]
    /// Synthetic CPU time per analysis, in microseconds, on top of the real analysis.
    public var analysisMicros: Double = 0

    public init() {}
}

/// An engine to run and its tunable overrides.
public struct EngineSelection: Sendable, Equatable {
    public var engine: String
    public var overrides: [String: Double]

    public init(engine: String, overrides: [String: Double] = [:]) {
        self.engine = engine
        self.overrides = overrides
    }
}

/// Which clock a trial runs on.
public enum ClockMode: String, Sendable, CaseIterable, Codable {
    case wall, virtual
}

/// How to run the trials.
public struct RunSpec: Sendable, Equatable {
    public var warmup: Int = 1
    public var repetitions: Int = 5
    public var clock: ClockMode = .wall
    public var timeoutSeconds: Double = 120
    /// Address-space limit for a trial's child process, in MiB (`nil`: none).
    public var maxRSSMiB: Int?

    public init() {}
}

/// A figure someone claimed, to set beside what is measured.
public struct Claim: Sendable, Equatable {
    public enum Metric: String, Sendable, CaseIterable {
        /// issues/s
        case throughput
        /// throughput relative to phase1 (×)
        case speedup
        /// peak RSS saved relative to phase1, in percent
        case memorySavingsPercent
        /// bytes saved by compression, in percent of the raw bytes
        case compressionPercent
    }

    public var engine: String
    /// The size point the claim is about (`nil`: every size).
    public var issues: Int?
    public var metric: Metric
    public var value: Double
    public var source: String

    public init(engine: String, issues: Int?, metric: Metric, value: Double, source: String) {
        self.engine = engine
        self.issues = issues
        self.metric = metric
        self.value = value
        self.source = source
    }
}
