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
    /// Writes that repeated a side effect on an issue: a comment posted again, or a second,
    /// different label. (A label added again is not one: see `redundantWrites`.)
    public var duplicateWrites = 0
    /// Most requests in flight at once.
    public var peakInFlight = 0
    /// Writes the server applied but answered with a 5xx, as if they had failed: the response was
    /// lost after the change was made (also counted in `transientErrors`). Retried blindly, a
    /// comment is then posted twice.
    public var lostResponses = 0
    /// Writes that changed nothing because their change was already there: a label added again.
    /// Adding a label is idempotent, as on GitHub, so a retry that repeats one is harmless.
    public var redundantWrites = 0

    public init() {}

    /// Decodes counters written before `lostResponses` and `redundantWrites` existed as 0 for those.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        requests = try c.decode(Int.self, forKey: .requests)
        successes = try c.decode(Int.self, forKey: .successes)
        primaryRateLimited = try c.decode(Int.self, forKey: .primaryRateLimited)
        secondaryRateLimited = try c.decode(Int.self, forKey: .secondaryRateLimited)
        transientErrors = try c.decode(Int.self, forKey: .transientErrors)
        outageRejections = try c.decode(Int.self, forKey: .outageRejections)
        retries = try c.decode(Int.self, forKey: .retries)
        connectionsOpened = try c.decode(Int.self, forKey: .connectionsOpened)
        batchRequests = try c.decode(Int.self, forKey: .batchRequests)
        writes = try c.decode(Int.self, forKey: .writes)
        duplicateWrites = try c.decode(Int.self, forKey: .duplicateWrites)
        peakInFlight = try c.decode(Int.self, forKey: .peakInFlight)
        lostResponses = try c.decodeIfPresent(Int.self, forKey: .lostResponses) ?? 0
        redundantWrites = try c.decodeIfPresent(Int.self, forKey: .redundantWrites) ?? 0
    }

    /// 403 and 429 responses of either kind: the "rate limited" column.
    public var rateLimited: Int { primaryRateLimited + secondaryRateLimited }
}
