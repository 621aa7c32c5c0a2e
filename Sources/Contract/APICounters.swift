/// What the API saw during a trial: the observable side of an engine's behaviour.
public struct APICounters: Sendable, Equatable, Codable {
    /// Every request that reached the API, whatever its outcome.
    public var requests = 0
    /// Requests answered 2xx.
    public var successes = 0
    /// Rejections by the primary window (403/429 with remaining 0).
    public var primaryRateLimited = 0
    /// Rejections by a secondary limit (requests in flight, points per minute).
    public var secondaryRateLimited = 0
    /// Injected transient errors (e.g. 502).
    public var transientErrors = 0
    /// Requests refused because their endpoint was in an outage window.
    public var outageRejections = 0
    /// Requests that repeat an earlier request for the same thing (a retry).
    public var retries = 0
    /// Connections opened (each paid the set-up cost).
    public var connectionsOpened = 0
    /// Batch requests (each also counted in `requests`).
    public var batchRequests = 0
    /// Successful writes.
    public var writes = 0
    /// Writes applied a second time to the same issue: a side effect duplicated.
    public var duplicateWrites = 0
    /// Most requests in flight at once.
    public var peakInFlight = 0

    public init() {}

    /// 403 and 429 responses of either kind: the "rate limited" column.
    public var rateLimited: Int { primaryRateLimited + secondaryRateLimited }
}
