/// The primary rate-limit headers every response carries when the API has a primary limit
/// (`x-ratelimit-limit`, `-remaining`, `-used`, `-reset`).
public struct RateLimitHeaders: Sendable, Equatable {
    public var limit: Int
    public var remaining: Int
    public var used: Int
    /// When the current window ends and `remaining` goes back to `limit`.
    public var reset: Moment

    public init(limit: Int, remaining: Int, used: Int, reset: Moment) {
        self.limit = limit
        self.remaining = remaining
        self.used = used
        self.reset = reset
    }
}

/// What a response carries besides its status and headers.
public enum Payload: Sendable, Equatable {
    case issuePage(IssuePage)
    case issue(Issue)
    case comments([Comment])
    case batch([IssueBundle])
    /// A write was applied.
    case accepted
    /// An error body: "API rate limit exceeded", "You have exceeded a secondary rate limit",
    /// "Bad Gateway", "Service Unavailable".
    case failure(String)
}

/// A response from the API.
public struct APIResponse: Sendable, Equatable {
    /// HTTP status: 200/201 success; 403 or 429 rate limited; 5xx transient error or outage.
    public var status: Int
    /// Primary rate-limit headers, `nil` when the API has no primary limit.
    public var rate: RateLimitHeaders?
    /// `retry-after`, set on secondary-limit rejections and where the server asks for a pause.
    public var retryAfter: Span?
    public var payload: Payload

    public init(status: Int, rate: RateLimitHeaders?, retryAfter: Span?, payload: Payload) {
        self.status = status
        self.rate = rate
        self.retryAfter = retryAfter
        self.payload = payload
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Rejected by a primary or secondary rate limit (403 or 429 with a limit message).
    public var isRateLimited: Bool {
        guard status == 403 || status == 429 else { return false }
        return true
    }

    /// A primary-window rejection: nothing will succeed before `rate.reset`.
    public var isPrimaryExhausted: Bool { isRateLimited && rate?.remaining == 0 && retryAfter == nil }
}
