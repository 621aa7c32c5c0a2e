import Contract
import Scenario

/// What the simulated API does, taken once from the scenario: immutable, so `send` reads it
/// without a lock. Plain values only (the outage windows, an array, live in the locked state):
/// a copy of the rules, which `send` makes as it crosses suspension points, retains nothing, and a
/// retain of a shared buffer is an atomic add that every core would contend for on every request.
struct APIRules: Sendable {
    let seed: UInt64
    let issueCount: Int
    let pageSize: Int
    /// `ceil(issueCount / pageSize)`: the listing's `Link: rel="last"`.
    let lastPage: Int
    let latencyMs: Distribution
    let connectMs: Distribution
    let primary: RateLimitSpec?
    let secondary: SecondaryLimitSpec?
    /// Probability of a transient error (0 when the scenario has none) and its status.
    let errorRate: Double
    let errorStatus: Int
    let batch: BatchSpec?
    /// How many endpoints there are.
    let endpointCount: Int
    /// Every request's latency is zero, so no answer waits on the clock (`sendAtOnce`).
    let answersAtOnce: Bool
    /// Whether anything can turn a request away: an outage or a rate limit.
    let limited: Bool
    /// `SeededRandom.mix(seed, StreamTag.request + kind)` for each `RequestTarget.Kind`, by raw
    /// value: the first steps of every request stream's key, taken once.
    private let kindKeys: InlineArray<8, UInt64>

    init(scenario: Scenario, issueCount: Int) {
        let api = scenario.api
        seed = scenario.seed
        self.issueCount = issueCount
        pageSize = scenario.issues.pageSize
        lastPage = (issueCount + pageSize - 1) / pageSize
        latencyMs = api.latencyMs
        connectMs = api.connectMs
        primary = api.rateLimit
        secondary = api.secondary
        errorRate = api.errors?.rate ?? 0
        errorStatus = api.errors?.status ?? 502
        batch = api.batch
        endpointCount = api.endpoints.count
        answersAtOnce = latencyMs == .fixed(0) && (batch?.latencyPerItemMs ?? 0) == 0
        limited = primary != nil || secondary != nil || !api.outages.isEmpty
        let seed = seed
        kindKeys = InlineArray { SeededRandom.mix(seed, StreamTag.request.rawValue + UInt64($0)) }
        for outage in api.outages {
            precondition(api.endpoints.contains(outage.endpoint),
                         "outage of endpoint '\(outage.endpoint)', which api.endpoints \(api.endpoints) does not list")
        }
    }

    /// The random stream of `target`'s request on its `attempt`-th acceptance:
    /// `SeededRandom.mix(seed, StreamTag.request + kind, key, attempt)`.
    ///
    /// Inlined: a call copied all of the rules (328 bytes, a `memcpy` of 64 instructions) to
    /// pass them, every request.
    @inline(__always)
    func stream(_ target: RequestTarget, attempt: UInt64) -> SeededRandom {
        let key = SeededRandom.finalize(kindKeys[Int(target.kind.rawValue)] ^ UInt64(bitPattern: Int64(target.key)))
        return SeededRandom(seed: SeededRandom.finalize(key ^ attempt))
    }

    /// Secondary-limit points `request` costs: a write's, or a read's (a batch is one read).
    func points(_ request: APIRequest) -> Int {
        guard let secondary else { return 0 }
        return request.isWrite ? secondary.writePoints : secondary.readPoints
    }
}
