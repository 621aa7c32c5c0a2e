import Contract
import Scenario

/// What the simulated API does, taken once from the scenario: immutable, so `send` reads it
/// without a lock.
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
    /// Outage windows by endpoint index, as offsets from the first request.
    let outages: [[Range<Span>]]
    /// `Label` names by raw value, made once: `Label.name` builds a string on every call.
    let labelNames = Label.allCases.map(\.name)

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
        outages = api.endpoints.map { endpoint in
            api.outages.filter { $0.endpoint == endpoint }.map { outage in
                let start = Span.seconds(outage.atSeconds)
                return start ..< start + Span.seconds(outage.forSeconds)
            }
        }
        for outage in api.outages {
            precondition(api.endpoints.contains(outage.endpoint),
                         "outage of endpoint '\(outage.endpoint)', which api.endpoints \(api.endpoints) does not list")
        }
    }

    /// Whether `endpoint` is down `sinceFirst` after the first request.
    func isDown(_ endpoint: Int, at sinceFirst: Span) -> Bool {
        outages[endpoint].contains { $0.contains(sinceFirst) }
    }

    /// Secondary-limit points `request` costs: a write's, or a read's (a batch is one read).
    func points(_ request: APIRequest) -> Int {
        guard let secondary else { return 0 }
        return request.isWrite ? secondary.writePoints : secondary.readPoints
    }
}
